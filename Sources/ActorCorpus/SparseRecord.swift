import ActorText
import Foundation

/// One JSON record decoded sparsely: only the fields a ``FieldMapping`` can use become strings; every other
/// field is skipped without building a value.
///
/// Decoded with Foundation's `JSONDecoder`, which creates a string only when it is asked for: on
/// SaudiNewsNet (12.6 MB JSON file, 6 fields per record of which 4 are used) it reads 244 MB/s against
/// 157 MB/s for `JSONSerialization`, which builds every value as `Any`.
struct SparseRecord: Decodable, Equatable {
    /// The wanted fields present in the record, as text (numbers are written as text).
    var fields: [String: UTF8Text] = [:]
    /// `false` when the JSON value was not an object (an array element such as `3` or `"x"`).
    var isObject = true

    init(fields: [String: UTF8Text], isObject: Bool) {
        self.fields = fields
        self.isObject = isObject
    }

    /// The `userInfo` key under which the decoder is given the wanted field names (`Set<String>`).
    static let wantedKey = CodingUserInfoKey(rawValue: "actorgraph.wantedFields")!

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        guard let container = try? decoder.container(keyedBy: Key.self) else {
            isObject = false
            return
        }
        let wanted = decoder.userInfo[Self.wantedKey] as? Set<String> ?? []
        for key in container.allKeys where wanted.contains(key.stringValue) {
            if let s = try? container.decode(String.self, forKey: key) {
                fields[key.stringValue] = UTF8Text(s)
            } else if let n = try? container.decode(Int64.self, forKey: key) {
                fields[key.stringValue] = UTF8Text(String(n))
            } else if let d = try? container.decode(Double.self, forKey: key) {
                fields[key.stringValue] = UTF8Text(String(d))
            }
        }
    }

    /// A JSON file: an array of records, or one record.
    enum File: Decodable, Equatable {
        case array([SparseRecord])
        case single(SparseRecord)

        init(from decoder: any Decoder) throws {
            if var list = try? decoder.unkeyedContainer() {
                var records: [SparseRecord] = []
                if let n = list.count { records.reserveCapacity(n) }
                while !list.isAtEnd { records.append(try list.decode(SparseRecord.self)) }
                self = .array(records)
            } else {
                self = .single(try SparseRecord(from: decoder))
            }
        }
    }

    /// The records of a JSON file (an array of records, or one record): by ``SparseJSONScanner`` when it
    /// reads the file, else by `JSONDecoder`, which also gives the errors.
    static func decodeFile(_ data: Data, wanted: Set<String>) throws -> File {
        let fast = data.withUnsafeBytes { SparseJSONScanner(wanted: wanted).records($0) }
        if let fast { return .array(fast) }
        return try decoder(wanted: wanted).decode(File.self, from: data)
    }

    /// A decoder that asks for `wanted` fields only.
    static func decoder(wanted: Set<String>) -> JSONDecoder {
        let d = JSONDecoder()
        d.userInfo[wantedKey] = wanted
        return d
    }

    /// What is wrong with `data`, in a sentence with a position where possible. `JSONDecoder` on Linux
    /// only says "not valid JSON", so on this (rare) path the data is parsed again with `JSONSerialization`,
    /// whose message names the character.
    static func describe(_ error: any Error, in data: Data) -> String {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            if let d = (error as NSError).userInfo["NSDebugDescription"] { return "\(d)" }
        }
        if case .dataCorrupted(let c)? = error as? DecodingError { return c.debugDescription }
        return "\(error)"
    }
}

extension CorpusReader {
    /// Whether ``SparseJSONScanner`` and `JSONDecoder` read `data` alike, for the default field mapping: the
    /// scanner either gives up or gives the same records, and gives up on everything `JSONDecoder` refuses.
    /// A self-check for the JSON fuzz target.
    public static func jsonReadersAgree(_ data: Data) -> Bool {
        let wanted = CorpusReader().wantedFields
        let fast = data.withUnsafeBytes { SparseJSONScanner(wanted: wanted).records($0) }
        guard let fast else { return true }
        guard let slow = try? SparseRecord.decoder(wanted: wanted).decode(SparseRecord.File.self, from: data) else { return false }
        return slow == .array(fast)
    }
}
