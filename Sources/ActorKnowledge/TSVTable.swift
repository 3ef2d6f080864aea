import ActorText

/// A TSV file as the knowledge base writes it: `#` comments, blank lines, a header line naming the columns,
/// then one record per line with TAB-separated fields.
///
/// Hand-written rather than taken from a CSV package: the format has no quoting, and errors must name the
/// exact physical line, which a line-oriented reader gives for free.
struct TSVTable {
    struct Row {
        var line: Int
        /// The fields, in the header's column order (a short row leaves the last columns empty).
        var fields: [String]
        /// Column name → index, shared by all rows of the table.
        let columns: [String: Int]

        func value(_ column: String) -> String {
            guard let i = columns[column], i < fields.count else { return "" }
            return fields[i]
        }

        /// The `|`-separated values of a column, trimmed, empty ones dropped.
        func list(_ column: String) -> [String] {
            var v = value(column)
            if v.isEmpty { return [] }
            // Split on the byte: `|` is ASCII, so a UTF-8 split never cuts a character.
            return v.withUTF8 { bytes in
                var out: [String] = []
                TSVTable.forEachPiece(of: bytes, separatedBy: UInt8(ascii: "|")) { piece in
                    let item = TSVTable.trimmed(piece)
                    if !item.isEmpty { out.append(item) }
                }
                return out
            }
        }
    }

    var file: String
    var header: [String]
    var headerLine: Int
    var rows: [Row]

    /// Parses `text`; `allowed` lists the known columns and `required` those that must be present and
    /// non-empty in every row.
    /// - Throws: ``KnowledgeError`` naming `file:line`.
    /// - Complexity: O(n) in the bytes of `text`. Lines and fields are split on UTF-8 bytes (newline, TAB and
    ///   `|` are ASCII, so no character is cut) straight from the string's storage: splitting through the
    ///   generic `Collection.split` made loading the bundled knowledge base take a tenth of a second.
    init(text: String, file: String, allowed: Set<String>, required: [String]) throws(KnowledgeError) {
        self.file = file
        var text = text
        let parsed = text.withUTF8 { bytes -> Result<(header: [String], headerLine: Int, rows: [Row]), KnowledgeError> in
            var header: [String]? = nil
            var columns: [String: Int] = [:]
            var headerLine = 0
            var rows: [Row] = []
            var lineNo = 0
            var failure: KnowledgeError? = nil
            TSVTable.forEachPiece(of: bytes, separatedBy: UInt8(ascii: "\n")) { raw in
                guard failure == nil else { return }
                lineNo += 1
                var line = raw
                if let last = line.last, last == UInt8(ascii: "\r") { line = UnsafeBufferPointer(rebasing: line.dropLast()) }
                if lineNo == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = UnsafeBufferPointer(rebasing: line.dropFirst(3)) }
                if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) || line.first == UInt8(ascii: "#") { return }
                var fields: [String] = []
                TSVTable.forEachPiece(of: line, separatedBy: UInt8(ascii: "\t")) { fields.append(TSVTable.trimmed($0)) }
                guard let h = header else {
                    if let name = fields.first(where: { !allowed.contains($0) }) {
                        failure = KnowledgeError(file: file, line: lineNo, message: "unknown column \"\(name)\"; the columns of this kind are: \(allowed.sorted().joined(separator: ", "))")
                    } else if let name = required.first(where: { !fields.contains($0) }) {
                        failure = KnowledgeError(file: file, line: lineNo, message: "the header lacks the required column \"\(name)\"")
                    }
                    header = fields
                    for (i, name) in fields.enumerated() where columns[name] == nil { columns[name] = i }
                    headerLine = lineNo
                    return
                }
                guard fields.count <= h.count else {
                    failure = KnowledgeError(file: file, line: lineNo, message: "\(fields.count) fields but the header names \(h.count) columns (a stray TAB?)")
                    return
                }
                let row = Row(line: lineNo, fields: fields, columns: columns)
                if let name = required.first(where: { row.value($0).isEmpty }) {
                    failure = KnowledgeError(file: file, line: lineNo, message: "the required field \"\(name)\" is empty")
                    return
                }
                rows.append(row)
            }
            if let failure { return .failure(failure) }
            guard let h = header else {
                return .failure(KnowledgeError(file: file, line: max(lineNo, 1), message: "no header line: the first non-comment line must name the columns (\(required.joined(separator: "\t")) …)"))
            }
            return .success((h, headerLine, rows))
        }
        switch parsed {
        case .failure(let error): throw error
        case .success(let table):
            self.header = table.header
            self.headerLine = table.headerLine
            self.rows = table.rows
        }
    }

    /// Calls `body` with each piece of `bytes` between occurrences of `separator` (empty pieces included:
    /// n separators give n + 1 pieces).
    static func forEachPiece(of bytes: UnsafeBufferPointer<UInt8>, separatedBy separator: UInt8,
                             _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var start = 0
        for i in 0..<bytes.count where bytes[i] == separator {
            body(UnsafeBufferPointer(rebasing: bytes[start..<i]))
            start = i + 1
        }
        body(UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
    }

    /// The bytes as a string without leading and trailing white space (see ``Swift/String/init(trimmingWhitespace:)``).
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> String { String(trimmingWhitespace: bytes) }
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

