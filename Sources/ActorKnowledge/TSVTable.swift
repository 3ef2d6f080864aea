import ActorText

/// A TSV file as the knowledge base writes it: `#` comments, blank lines, a header line naming the columns,
/// then one record per line with TAB-separated fields.
///
/// Hand-written rather than taken from a CSV package: the format has no quoting, and errors must name the
/// exact physical line, which a line-oriented reader gives for free.
struct TSVTable {
    struct Row {
        var line: Int
        var fields: [String: String]

        func value(_ column: String) -> String { fields[column] ?? "" }

        /// The `|`-separated values of a column, trimmed, empty ones dropped.
        func list(_ column: String) -> [String] {
            let v = value(column)
            if v.isEmpty { return [] }
            // Split on the byte: `|` is ASCII, so a UTF-8 split never cuts a character (and it is much faster
            // than splitting Characters).
            return v.utf8.split(separator: UInt8(ascii: "|")).map { String(decoding: $0, as: UTF8.self).trimmedWhitespace }
                .filter { !$0.isEmpty }
        }
    }

    var file: String
    var header: [String]
    var headerLine: Int
    var rows: [Row]

    /// Parses `text`; `allowed` lists the known columns and `required` those that must be present and
    /// non-empty in every row.
    /// - Throws: ``KnowledgeError`` naming `file:line`.
    init(text: String, file: String, allowed: Set<String>, required: [String]) throws(KnowledgeError) {
        self.file = file
        var header: [String]? = nil
        var headerLine = 0
        var rows: [Row] = []
        var lineNo = 0
        // Lines and fields are split on UTF-8 bytes (newline and TAB are ASCII, so no character is cut).
        for rawLine in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNo += 1
            var line = rawLine[...]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if lineNo == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) || line.first == UInt8(ascii: "#") { continue }
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self).trimmedWhitespace }
            guard let h = header else {
                for name in fields where !allowed.contains(name) {
                    throw KnowledgeError(file: file, line: lineNo, message: "unknown column \"\(name)\"; the columns of this kind are: \(allowed.sorted().joined(separator: ", "))")
                }
                for name in required where !fields.contains(name) {
                    throw KnowledgeError(file: file, line: lineNo, message: "the header lacks the required column \"\(name)\"")
                }
                header = fields
                headerLine = lineNo
                continue
            }
            guard fields.count <= h.count else {
                throw KnowledgeError(file: file, line: lineNo, message: "\(fields.count) fields but the header names \(h.count) columns (a stray TAB?)")
            }
            var dict: [String: String] = [:]
            for (k, v) in zip(h, fields) { dict[k] = v }
            for name in required where (dict[name] ?? "").isEmpty {
                throw KnowledgeError(file: file, line: lineNo, message: "the required field \"\(name)\" is empty")
            }
            rows.append(Row(line: lineNo, fields: dict))
        }
        guard let h = header else {
            throw KnowledgeError(file: file, line: max(lineNo, 1), message: "no header line: the first non-comment line must name the columns (\(required.joined(separator: "\t")) …)")
        }
        self.header = h
        self.headerLine = headerLine
        self.rows = rows
    }
}

/// A knowledge-base file is malformed.
public struct KnowledgeError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    public var line: Int
    public var message: String
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }
    public var description: String { "\(file):\(line): \(message)" }
}

