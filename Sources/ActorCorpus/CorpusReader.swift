import CSV
import Foundation

/// Reads articles from files, directories, archives and standard input, one chunk at a time.
///
/// Formats, told by the file name (and, for standard input, by the first character):
/// `.txt` (one article), `.json` (an array of objects, or one object), `.jsonl`/`.ndjson` (one object per
/// line), `.csv` (a header row, then one article per row), any of these compressed as `.gz`, and `.zip`
/// archives of them. Directories are walked recursively in name order; `-` is standard input.
///
/// Memory holds one chunk (a file, or one member of an archive) at a time, so it grows with the largest
/// file, not with the corpus. Bad records are reported with `file:line` (or `file#index`); with
/// `keepGoing` they are skipped and counted, otherwise reading stops with an ``InputError``.
public struct CorpusReader: Sendable {
    public var fields: FieldMapping
    public var defaultDate: String?
    public var defaultSource: String?
    public var keepGoing: Bool

    /// Warnings about dates that did not parse (collected here because record parsing has no report at hand).
    let badDates = WarningSink()

    public init(fields: FieldMapping = FieldMapping(), defaultDate: String? = nil, defaultSource: String? = nil, keepGoing: Bool = false) {
        self.fields = fields
        self.defaultDate = defaultDate
        self.defaultSource = defaultSource
        self.keepGoing = keepGoing
    }

    /// What reading skipped or could not date, for the run's summary.
    public struct Report: Sendable {
        public var documents = 0
        public var skipped: [String: Int] = [:]
        public var undated = 0
        public var warnings: [String] = []

        public init() {}

        mutating func skip(_ reason: String, _ warning: String? = nil) {
            skipped[reason, default: 0] += 1
            if let warning, warnings.count < 50 { warnings.append(warning) }
        }
    }

    /// Calls `body` with the documents of each chunk, in input order.
    /// - Throws: ``InputError`` for unreadable inputs or (without `keepGoing`) bad records; whatever `body` throws.
    public func read(_ paths: [String], report: inout Report, _ body: ([Document]) throws -> Void) throws {
        for path in paths {
            if path == "-" {
                let data = FileHandle.standardInput.readDataToEndOfFile()
                try emit(try documents(in: data, name: "stdin", kind: Self.sniff(data), report: &report), report: &report, body)
                continue
            }
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                throw InputError(location: path, message: "no such file or directory; check the path")
            }
            let files = isDir.boolValue ? try Self.walk(path) : [path]
            var manifests: [String: Manifest?] = [:]
            for file in files {
                let dir = (file as NSString).deletingLastPathComponent
                if manifests[dir] == nil { manifests[dir] = try Manifest.load(inDirectory: dir.isEmpty ? "." : dir) }
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw InputError(location: file, message: "cannot read the file; check its permissions")
                }
                var docs = try documents(in: data, name: file, kind: Self.kind(of: file), report: &report)
                if let manifest = manifests[dir] ?? nil {
                    let name = (file as NSString).lastPathComponent
                    if let entry = manifest[name] {
                        for i in docs.indices {
                            docs[i].date = docs[i].date ?? entry.date
                            docs[i].source = docs[i].source ?? entry.source
                            docs[i].url = docs[i].url ?? entry.url
                            docs[i].title = docs[i].title ?? entry.title
                        }
                    }
                }
                try emit(docs, report: &report, body)
            }
        }
    }

    private func emit(_ docs: consuming [Document], report: inout Report, _ body: ([Document]) throws -> Void) throws {
        var docs = docs
        for i in docs.indices {
            if docs[i].date == nil { docs[i].date = defaultDate }
            if docs[i].source == nil { docs[i].source = defaultSource }
            if docs[i].date == nil { report.undated += 1 }
        }
        report.documents += docs.count
        for w in badDates.drain() where report.warnings.count < 50 { report.warnings.append(w) }
        if !docs.isEmpty { try body(docs) }
    }

    enum Kind { case text, json, jsonl, csv, zip, gzip, unknown }

    static func kind(of name: String) -> Kind {
        let lower = name.lowercased()
        if lower.hasSuffix(".gz") { return .gzip }
        if lower.hasSuffix(".zip") { return .zip }
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .jsonl }
        if lower.hasSuffix(".json") { return .json }
        if lower.hasSuffix(".csv") { return .csv }
        if lower.hasSuffix(".txt") { return .text }
        return .unknown
    }

    /// The format of standard input, from its first non-space byte.
    static func sniff(_ data: Data) -> Kind {
        if Gzip.isGzip(data) { return .gzip }
        for b in data.prefix(4096) where b != 0x20 && b != 0x0A && b != 0x0D && b != 0x09 && b != 0xEF && b != 0xBB && b != 0xBF {
            if b == UInt8(ascii: "[") { return .json }
            if b == UInt8(ascii: "{") { return .jsonl }
            return .text
        }
        return .text
    }

    /// Input files under a directory, recursively, sorted; manifests, hidden and unknown files are left out.
    static func walk(_ dir: String) throws(InputError) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: dir) else {
            throw InputError(location: dir, message: "cannot list the directory; check its permissions")
        }
        var found: [String] = []
        while let rel = walker.nextObject() as? String {
            let base = (rel as NSString).lastPathComponent
            if base.hasPrefix(".") || base == Manifest.fileName { continue }
            let full = (dir as NSString).appendingPathComponent(rel)
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue, kind(of: base) != .unknown {
                found.append(full)
            }
        }
        return found.sorted()
    }

    // MARK: Formats

    func documents(in data: Data, name: String, kind: Kind, report: inout Report) throws -> [Document] {
        switch kind {
        case .gzip:
            let inner = try Gzip.decompress(data, location: name)
            let innerName = String(name.dropLast(3))
            let innerKind = Self.kind(of: innerName)
            return try documents(in: inner, name: name, kind: innerKind == .unknown ? Self.sniff(inner) : innerKind, report: &report)
        case .zip:
            return try zipDocuments(data, name: name, report: &report)
        case .json:
            return try jsonDocuments(data, name: name, report: &report)
        case .jsonl:
            return try jsonlDocuments(data, name: name, report: &report)
        case .csv:
            return try csvDocuments(data, name: name, report: &report)
        case .text, .unknown:
            guard let text = decodeText(data, name: name, report: &report) else { return [] }
            let id = (name as NSString).lastPathComponent
            if text.trimmedWhitespace.isEmpty {
                report.skip("empty", "\(name): empty, skipped")
                return []
            }
            return [Document(id: id, text: text, origin: name)]
        }
    }

    /// UTF-8 text (a BOM removed), or UTF-16 with a BOM; binary data (NUL bytes) is skipped with a warning;
    /// invalid UTF-8 is replaced, with a warning naming the first bad byte offset.
    func decodeText(_ data: Data, name: String, report: inout Report) -> String? {
        var bytes = data
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            if let s = String(data: bytes, encoding: .utf16) { return s }
            report.skip("undecodable", "\(name): starts with a UTF-16 byte-order mark but is not valid UTF-16; skipped")
            return nil
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        // On the raw bytes: through `Data`'s iterator this one check cost 35 instructions a byte.
        if bytes.prefix(8192).withUnsafeBytes({ $0.contains(0) }) {
            report.skip("binary", "\(name): binary data (NUL bytes), not text; skipped")
            return nil
        }
        if let s = String(data: bytes, encoding: .utf8) { return s }
        let offset = Self.firstInvalidUTF8(bytes)
        report.warnings.append("\(name): invalid UTF-8 at byte \(offset); replaced with U+FFFD")
        return String(decoding: bytes, as: UTF8.self)
    }

    static func firstInvalidUTF8(_ data: Data) -> Int {
        var it = data.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &it) {
            case .valid(let s): offset += s.count
            case .emptyInput: return offset
            case .error(let len): _ = len; return offset
            }
        }
    }

    func zipDocuments(_ data: Data, name: String, report: inout Report) throws -> [Document] {
        let archive = try ZipArchive(data, name: name)
        var docs: [Document] = []
        for member in archive.members {
            let kind = Self.kind(of: member.path)
            if kind == .unknown || kind == .zip { continue }
            // Inflated with libdeflate and checked against the member's CRC-32: a damaged member is an error
            // naming it, not garbled articles.
            let contents = try archive.contents(of: member)
            docs += try documents(in: contents, name: "\(name)/\(member.path)", kind: kind, report: &report)
        }
        return docs
    }

    /// The field names a record is decoded for: the mapped ones, or the usual names, and `url`.
    var wantedFields: Set<String> {
        var names: Set<String> = ["url"]
        for (mapped, usual) in [(fields.text, FieldMapping.textNames), (fields.title, FieldMapping.titleNames),
                                (fields.date, FieldMapping.dateNames), (fields.source, FieldMapping.sourceNames),
                                (fields.id, FieldMapping.idNames)] {
            if let mapped { names.insert(mapped) } else { names.formUnion(usual) }
        }
        return names
    }

    func record(_ record: SparseRecord, location: String, index: Int, name: String) -> Document? {
        makeDocument({ record.fields[$0] }, location: location, index: index, name: name)
    }

    func makeDocument(_ field: (String) -> UTF8Text?, location: String, index: Int, name: String) -> Document? {
        guard let text = FieldMapping.pick(field, mapped: fields.text, usual: FieldMapping.textNames), text.hasNonWhitespace else {
            return nil
        }
        let title = FieldMapping.pick(field, mapped: fields.title, usual: FieldMapping.titleNames)
        let rawDate = FieldMapping.pick(field, mapped: fields.date, usual: FieldMapping.dateNames)?.string
        let day = rawDate.flatMap(DateParsing.isoDay)
        if let d = rawDate, !d.isEmpty, day == nil { badDates.note("\(location): date \"\(d)\" not understood (expected YYYY-MM-DD, with or without a time); treated as undated") }
        let id = FieldMapping.pick(field, mapped: fields.id, usual: FieldMapping.idNames)?.string ?? "\((name as NSString).lastPathComponent)#\(index)"
        // The headline is analysed with the article: its own line, before the text.
        let body = title.map { $0.hasNonWhitespace ? UTF8Text(joining: [$0, text], separator: 0x0A) : text } ?? text
        return Document(
            id: id, utf8: body, date: day,
            source: FieldMapping.pick(field, mapped: fields.source, usual: FieldMapping.sourceNames)?.string, title: title?.string,
            url: field("url")?.string, origin: location)
    }

    func jsonDocuments(_ data: Data, name: String, report: inout Report) throws -> [Document] {
        let parsed: SparseRecord.File
        do { parsed = try SparseRecord.decodeFile(data, wanted: wantedFields) } catch {
            throw InputError(location: name, message: "not valid JSON (\(SparseRecord.describe(error, in: data))); expected an array of article objects")
        }
        let records: [SparseRecord]
        switch parsed {
        case .array(let list): records = list
        case .single(let one): records = [one]
        }
        var docs: [Document] = []
        docs.reserveCapacity(records.count)
        for (i, item) in records.enumerated() {
            guard item.isObject else {
                let problem = "\(name)#\(i): not an object; expected {\"\(fields.text ?? "content")\": …}"
                if keepGoing { report.skip("bad record", problem); continue }
                throw InputError(location: "\(name)#\(i)", message: "not an object; expected {\"\(fields.text ?? "content")\": …} (use --keep-going to skip bad records)")
            }
            guard let doc = record(item, location: "\(name)#\(i)", index: i, name: name) else {
                report.skip("no text", "\(name)#\(i): no text field (\(fields.text ?? FieldMapping.textNames.joined(separator: "/"))); skipped")
                continue
            }
            docs.append(doc)
        }
        return docs
    }

    func jsonlDocuments(_ data: Data, name: String, report: inout Report) throws -> [Document] {
        var docs: [Document] = []
        var lineNo = 0
        var start = data.startIndex
        let decoder = SparseRecord.decoder(wanted: wantedFields)
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
            lineNo += 1
            let line = data[start..<end]
            start = end < data.endIndex ? data.index(after: end) : end
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            guard let object = try? decoder.decode(SparseRecord.self, from: line), object.isObject else {
                if keepGoing {
                    report.skip("bad record", "\(name):\(lineNo): not a JSON object; skipped")
                    continue
                }
                throw InputError(location: "\(name):\(lineNo)", message: "not a JSON object; fix the line or use --keep-going to skip bad records")
            }
            guard let doc = record(object, location: "\(name):\(lineNo)", index: lineNo, name: name) else {
                report.skip("no text", "\(name):\(lineNo): no text field; skipped")
                continue
            }
            docs.append(doc)
        }
        return docs
    }

    func csvDocuments(_ data: Data, name: String, report: inout Report) throws -> [Document] {
        guard let text = decodeText(data, name: name, report: &report) else { return [] }
        let reader: CSVReader
        do { reader = try CSVReader(string: text, hasHeaderRow: true) } catch {
            throw InputError(location: "\(name):1", message: "cannot read the CSV header (\(error))")
        }
        let header = reader.headerRow ?? []
        let wanted = fields.text.map { [$0] } ?? FieldMapping.textNames
        guard wanted.contains(where: header.contains) else {
            throw InputError(location: "\(name):1", message: "no text column (\(wanted.joined(separator: "/"))) in the header [\(header.joined(separator: ","))]; name it with --text-field")
        }
        var docs: [Document] = []
        var row = 1
        while let values = reader.next() {
            row += 1
            if values.count != header.count {
                if keepGoing { report.skip("bad record", "\(name):\(row): \(values.count) fields, header has \(header.count); skipped"); continue }
                throw InputError(location: "\(name):\(row)", message: "\(values.count) fields but the header has \(header.count); fix the row or use --keep-going")
            }
            var dict: [String: UTF8Text] = [:]
            for (k, v) in zip(header, values) { dict[k] = UTF8Text(v) }
            guard let doc = makeDocument({ dict[$0] }, location: "\(name):\(row)", index: row, name: name) else {
                report.skip("no text", nil)
                continue
            }
            docs.append(doc)
        }
        if let error = reader.error {
            throw InputError(location: "\(name):\(row + 1)", message: "malformed CSV (\(error)); check the quotes on that line")
        }
        return docs
    }
}

import ActorText

/// Thread-safe collector of warnings.
final class WarningSink: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func note(_ w: String) { lock.lock(); if items.count < 50 { items.append(w) }; lock.unlock() }
    func drain() -> [String] { lock.lock(); defer { items = []; lock.unlock() }; return items }
}
