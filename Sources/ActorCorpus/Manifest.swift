import CSV
import Foundation

/// What a manifest says about one file.
public struct ManifestEntry: Sendable, Hashable {
    public var file: String
    public var date: String?
    public var source: String?
    public var url: String?
    public var title: String?
}

/// `manifest.csv` beside a set of input files: columns `file`, `date` (`YYYY-MM-DD`), and optionally
/// `source`, `url`, `title`. One row per line (no line breaks inside fields).
public struct Manifest: Sendable {
    public static let fileName = "manifest.csv"
    public private(set) var entries: [String: ManifestEntry] = [:]

    public init() {}

    /// Reads `manifest.csv` from `directory`, or returns `nil` when there is none.
    /// - Throws: ``InputError`` naming `file:line` for a malformed row.
    public static func load(inDirectory directory: String) throws(InputError) -> Manifest? {
        let path = (directory as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(location: path, message: "cannot read the manifest; check its permissions")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(location: path, message: "the manifest is not UTF-8; save it as UTF-8")
        }
        return try Manifest(text: text, path: path)
    }

    public init(text: String, path: String) throws(InputError) {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let reader: CSVReader
        do {
            reader = try CSVReader(string: body, hasHeaderRow: true, trimFields: true)
        } catch {
            throw InputError(location: "\(path):1", message: "cannot read the header (\(error)); expected: file,date,source,url,title")
        }
        let header = (reader.headerRow ?? []).map { $0.lowercased() }
        guard header.contains("file") else {
            throw InputError(location: "\(path):1", message: "the header has no \"file\" column; expected: file,date,source,url,title")
        }
        let known: Set<String> = ["file", "date", "source", "url", "title"]
        if let unknown = header.first(where: { !known.contains($0) }) {
            throw InputError(location: "\(path):1", message: "unknown column \"\(unknown)\"; the columns are: file,date,source,url,title")
        }
        var line = 1
        while let row = reader.next() {
            line += 1
            if row.allSatisfy({ $0.isEmpty }) { continue }
            guard row.count == header.count else {
                throw InputError(location: "\(path):\(line)", message: "\(row.count) fields but the header has \(header.count); expected: \(header.joined(separator: ","))")
            }
            var f: [String: String] = [:]
            for (k, v) in zip(header, row) where !v.isEmpty { f[k] = v }
            guard let file = f["file"] else {
                throw InputError(location: "\(path):\(line)", message: "the file field is empty")
            }
            var date: String? = nil
            if let d = f["date"] {
                guard let iso = DateParsing.isoDay(d) else {
                    throw InputError(location: "\(path):\(line)", message: "date \"\(d)\" is not a date; write it as YYYY-MM-DD")
                }
                date = iso
            }
            entries[file] = ManifestEntry(file: file, date: date, source: f["source"], url: f["url"], title: f["title"])
        }
        if let error = reader.error {
            throw InputError(location: "\(path):\(line + 1)", message: "malformed CSV (\(error)); check the quotes on that line")
        }
    }

    public subscript(file: String) -> ManifestEntry? { entries[file] }
}
