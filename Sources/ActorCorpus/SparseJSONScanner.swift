import ActorText

/// A byte-level reader for the common shape of a `.json` corpus file: an array of objects whose wanted fields
/// are strings. It gives exactly the records that `JSONDecoder` gives through ``SparseRecord`` (see
/// ``SparseRecord/File``), or `nil`, and then the caller decodes the file with `JSONDecoder` as before; so
/// errors, their messages and every unusual input keep `JSONDecoder`'s behaviour.
///
/// It answers `nil` for anything it does not handle or that is not valid JSON: a top level other than an
/// array of objects, a byte order mark, invalid UTF-8 or an unescaped control character in a string, an
/// escape `\u0000` or a lone surrogate, a wanted field whose value is a number (`JSONDecoder` formats it), a
/// wanted field given twice in one object, a key with an escape, nesting deeper than ``maxDepth``, a number
/// outside the JSON grammar or longer than ``maxNumberLength``, bytes after the array. Everything it
/// accepts is valid JSON that `JSONDecoder` reads the same way. A wanted field whose value is `null`, a
/// boolean, an object or an array is left out, as ``SparseRecord`` leaves it out.
///
/// One pass over the bytes that copies only the wanted strings (validated as UTF-8 when they are made): on
/// SaudiNewsNet, JSON decoding went from 9% to 5% of a build's CPU in perf, most of the rest being that
/// validation.
/// - Complexity: O(n) in the bytes; memory for the wanted strings only.
struct SparseJSONScanner {
    /// Deepest nesting of arrays and objects accepted inside a record (the top-level array not counted).
    static let maxDepth = 64
    /// Longest number accepted (in bytes).
    static let maxNumberLength = 40

    /// The wanted field names, in a fixed order, as strings and as UTF-8.
    private let names: [String]
    private let utf8Names: [[UInt8]]
    /// Whether every wanted name is ASCII: then an ASCII key is compared byte by byte, and a key with other
    /// bytes is compared as a `String` (`String` equality is canonical equivalence: a key written with
    /// U+212A KELVIN SIGN equals one written with K).
    private let asciiWanted: Bool

    init(wanted: Set<String>) {
        names = wanted.sorted()
        utf8Names = names.map { Array($0.utf8) }
        asciiWanted = names.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
    }

    /// The records of a JSON array of objects, or `nil` (see the type's discussion).
    func records(_ bytes: UnsafeRawBufferPointer) -> [SparseRecord]? {
        // Duplicate wanted keys are noticed with a 64-bit mask.
        guard names.count <= 64 else { return nil }
        var cursor = Cursor(bytes.bindMemory(to: UInt8.self))
        return try? cursor.array(self)
    }

    /// The reason to give up on the fast path; never shown to users.
    struct Unsupported: Error {}

    /// The index in `names` of the key `key` (without escapes), if it is wanted.
    fileprivate func wantedIndex(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        var ascii = true
        for b in key where b >= 0x80 { ascii = false; break }
        if ascii && asciiWanted {
            return utf8Names.firstIndex { $0.count == key.count && $0.elementsEqual(key) }
        }
        let name = String(decoding: key, as: UTF8.self)
        return names.firstIndex(of: name)
    }

    fileprivate func name(_ index: Int) -> String { names[index] }
}

/// A position in the input; every method throws ``SparseJSONScanner/Unsupported`` to give up.
private struct Cursor {
    let b: UnsafeBufferPointer<UInt8>
    var i = 0
    /// Unescaped bytes of the current string, reused from string to string.
    var scratch: [UInt8] = []

    init(_ b: UnsafeBufferPointer<UInt8>) { self.b = b }

    typealias Unsupported = SparseJSONScanner.Unsupported

    @inline(__always)
    mutating func skipSpace() {
        while i < b.count {
            let c = b[i]
            guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
            i += 1
        }
    }

    @inline(__always)
    mutating func expect(_ c: UInt8) throws {
        guard i < b.count, b[i] == c else { throw Unsupported() }
        i += 1
    }

    /// `[` object (`,` object)* `]`, then only white space.
    mutating func array(_ scanner: SparseJSONScanner) throws -> [SparseRecord] {
        skipSpace()
        try expect(UInt8(ascii: "["))
        var records: [SparseRecord] = []
        skipSpace()
        if i < b.count, b[i] == UInt8(ascii: "]") {
            i += 1
        } else {
            while true {
                skipSpace()
                records.append(try object(scanner))
                skipSpace()
                guard i < b.count else { throw Unsupported() }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                try expect(UInt8(ascii: "]"))
                break
            }
        }
        skipSpace()
        guard i == b.count else { throw Unsupported() }
        return records
    }

    /// One record: an object whose wanted string fields are kept.
    mutating func object(_ scanner: SparseJSONScanner) throws -> SparseRecord {
        try expect(UInt8(ascii: "{"))
        var fields: [String: UTF8Text] = [:]
        var seen: UInt64 = 0
        skipSpace()
        if i < b.count, b[i] == UInt8(ascii: "}") {
            i += 1
            return SparseRecord(fields: fields, isObject: true)
        }
        while true {
            skipSpace()
            let key = try keyBytes()
            skipSpace()
            try expect(UInt8(ascii: ":"))
            skipSpace()
            guard i < b.count else { throw Unsupported() }
            if let k = scanner.wantedIndex(key) {
                // A wanted key given twice: left to JSONDecoder.
                guard seen & (1 << UInt64(k)) == 0 else { throw Unsupported() }
                seen |= 1 << UInt64(k)
                switch b[i] {
                case UInt8(ascii: "\""): fields[scanner.name(k)] = try string()
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): throw Unsupported()
                default: try skipValue(depth: 1)  // null, a boolean, an object or an array: left out
                }
            } else {
                try skipValue(depth: 1)
            }
            skipSpace()
            guard i < b.count else { throw Unsupported() }
            if b[i] == UInt8(ascii: ",") { i += 1; continue }
            try expect(UInt8(ascii: "}"))
            return SparseRecord(fields: fields, isObject: true)
        }
    }

    /// The bytes of a key without escapes.
    mutating func keyBytes() throws -> UnsafeBufferPointer<UInt8> {
        try expect(UInt8(ascii: "\""))
        let start = i
        try skipStringBody(allowEscapes: false)
        return UnsafeBufferPointer(rebasing: b[start..<(i - 1)])
    }

    /// Skips any JSON value, validating it.
    mutating func skipValue(depth: Int) throws {
        guard i < b.count, depth <= SparseJSONScanner.maxDepth else { throw Unsupported() }
        switch b[i] {
        case UInt8(ascii: "\""):
            i += 1
            try skipStringBody(allowEscapes: true)
        case UInt8(ascii: "{"):
            i += 1
            skipSpace()
            if i < b.count, b[i] == UInt8(ascii: "}") { i += 1; return }
            while true {
                skipSpace()
                try expect(UInt8(ascii: "\""))
                try skipStringBody(allowEscapes: true)
                skipSpace()
                try expect(UInt8(ascii: ":"))
                skipSpace()
                try skipValue(depth: depth + 1)
                skipSpace()
                guard i < b.count else { throw Unsupported() }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                try expect(UInt8(ascii: "}"))
                return
            }
        case UInt8(ascii: "["):
            i += 1
            skipSpace()
            if i < b.count, b[i] == UInt8(ascii: "]") { i += 1; return }
            while true {
                skipSpace()
                try skipValue(depth: depth + 1)
                skipSpace()
                guard i < b.count else { throw Unsupported() }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                try expect(UInt8(ascii: "]"))
                return
            }
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: try number()
        }
    }

    mutating func literal(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        guard b.count - i >= n else { throw Unsupported() }
        for k in 0..<n where b[i + k] != word.utf8Start[k] { throw Unsupported() }
        i += n
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    mutating func number() throws {
        let start = i
        func digits(_ c: inout Cursor) -> Int {
            let s = c.i
            while c.i < c.b.count, c.b[c.i] >= 0x30, c.b[c.i] <= 0x39 { c.i += 1 }
            return c.i - s
        }
        if i < b.count, b[i] == UInt8(ascii: "-") { i += 1 }
        guard i < b.count else { throw Unsupported() }
        if b[i] == UInt8(ascii: "0") { i += 1 } else if digits(&self) == 0 { throw Unsupported() }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            guard digits(&self) > 0 else { throw Unsupported() }
        }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            guard digits(&self) > 0 else { throw Unsupported() }
        }
        guard i - start <= SparseJSONScanner.maxNumberLength else { throw Unsupported() }
    }

    /// Skips the rest of a string (after its opening quote) up to and including the closing quote,
    /// validating UTF-8 and escapes.
    mutating func skipStringBody(allowEscapes: Bool) throws {
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") { i += 1; return }
            if c == UInt8(ascii: "\\") {
                guard allowEscapes else { throw Unsupported() }
                try escape(keep: false)
                continue
            }
            if c < 0x20 { throw Unsupported() }
            if c < 0x80 { i += 1 } else { try multibyte() }
        }
        throw Unsupported()
    }

    /// A string value (at its opening quote), unescaped, as UTF-8 checked while it is scanned: one pass over
    /// the bytes, and no second validation when a `String` is made (the pipeline reads the bytes).
    mutating func string() throws -> UTF8Text {
        // The position is kept in a local while scanning (a property of `self` is stored back to memory on
        // every step; in a local, the string scan's share of a SaudiNewsNet build fell from about 5.0% to 4.5%
        // of the samples), and written back before any call that reads `i`.
        let b = self.b
        var p = i + 1
        var run = p
        var escaped = false
        guard let base = b.baseAddress else { throw Unsupported() }
        let n = b.count
        while p < n {
            // The plain run: printable ASCII but the quote and the backslash, and well-formed two-byte sequences
            // (all of Arabic), in a loop of its own whose few variables stay in registers (the loop below holds
            // more and spilled them: 11 instructions per byte before, measured with callgrind).
            var q = p
            while q < n {
                let c = base[q]
                if c >= 0x20 && c < 0x80 {
                    if c == 0x22 || c == 0x5C { break }
                    q &+= 1
                } else if c >= 0xC2 && c <= 0xDF && q &+ 1 < n && base[q &+ 1] & 0xC0 == 0x80 {
                    q &+= 2
                } else {
                    break
                }
            }
            p = q
            guard p < n else { break }
            let c = base[p]
            if c >= 0x80 {
                // Longer sequences, and errors, in `multibyte`.
                i = p
                try multibyte()
                p = i
                continue
            }
            if c == UInt8(ascii: "\"") {
                let end = p
                i = p + 1
                if !escaped { return UTF8Text(alreadyValidated: Array(UnsafeBufferPointer(rebasing: b[run..<end]))) }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<end]))
                // Escapes decode to well-formed UTF-8 (`escape` refuses NUL and lone surrogates). Copied at its
                // size: the scratch buffer stays this cursor's, at the capacity of the longest string so far.
                return UTF8Text(alreadyValidated: scratch.withUnsafeBufferPointer { Array($0) })
            }
            if c == UInt8(ascii: "\\") {
                // Escapes: the string is unescaped into the scratch buffer, a run of plain bytes at a time.
                if !escaped { scratch.removeAll(keepingCapacity: true); escaped = true }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<p]))
                i = p
                try escape(keep: true)
                p = i
                run = p
                continue
            }
            if c < 0x20 {
                i = p
                throw Unsupported()
            }
            p += 1
        }
        i = p
        throw Unsupported()
    }

    /// One escape sequence at `i` (its backslash); with `keep`, its UTF-8 is appended to `scratch`.
    mutating func escape(keep: Bool) throws {
        guard i + 1 < b.count else { throw Unsupported() }
        let e = b[i + 1]
        i += 2
        let byte: UInt8
        switch e {
        case UInt8(ascii: "\""): byte = 0x22
        case UInt8(ascii: "\\"): byte = 0x5C
        case UInt8(ascii: "/"): byte = 0x2F
        case UInt8(ascii: "b"): byte = 0x08
        case UInt8(ascii: "f"): byte = 0x0C
        case UInt8(ascii: "n"): byte = 0x0A
        case UInt8(ascii: "r"): byte = 0x0D
        case UInt8(ascii: "t"): byte = 0x09
        case UInt8(ascii: "u"):
            var v = try hex4()
            if v == 0 { throw Unsupported() }
            if v >= 0xD800 && v <= 0xDBFF {
                // A high surrogate must be followed by an escaped low one.
                guard i + 1 < b.count, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") else { throw Unsupported() }
                i += 2
                let low = try hex4()
                guard low >= 0xDC00 && low <= 0xDFFF else { throw Unsupported() }
                v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
            } else if v >= 0xDC00 && v <= 0xDFFF {
                throw Unsupported()
            }
            if keep { Self.appendUTF8(v, to: &scratch) }
            return
        default:
            throw Unsupported()
        }
        if keep { scratch.append(byte) }
    }

    mutating func hex4() throws -> UInt32 {
        guard b.count - i >= 4 else { throw Unsupported() }
        var v: UInt32 = 0
        for k in 0..<4 {
            let c = b[i + k]
            let d: UInt8
            switch c {
            case 0x30...0x39: d = c - 0x30
            case 0x41...0x46: d = c - 0x41 + 10
            case 0x61...0x66: d = c - 0x61 + 10
            default: throw Unsupported()
            }
            v = v << 4 | UInt32(d)
        }
        i += 4
        return v
    }

    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// One well-formed multi-byte UTF-8 sequence at `i` (no overlong forms, no surrogates, at most U+10FFFF).
    @inline(__always)
    mutating func multibyte() throws {
        let c = b[i]
        @inline(__always) func cont(_ k: Int) -> Bool { i + k < b.count && b[i + k] & 0xC0 == 0x80 }
        // Comparisons rather than `case 0xC2...0xDF`, which compiled to calls of `ClosedRange.contains`.
        if c >= 0xC2 && c <= 0xDF {
            guard cont(1) else { throw Unsupported() }
            i += 2
        } else if c >= 0xE0 && c <= 0xEF {
            guard cont(1), cont(2) else { throw Unsupported() }
            let c1 = b[i + 1]
            if c == 0xE0 && c1 < 0xA0 { throw Unsupported() }  // overlong
            if c == 0xED && c1 >= 0xA0 { throw Unsupported() }  // surrogate
            i += 3
        } else if c >= 0xF0 && c <= 0xF4 {
            guard cont(1), cont(2), cont(3) else { throw Unsupported() }
            let c1 = b[i + 1]
            if c == 0xF0 && c1 < 0x90 { throw Unsupported() }  // overlong
            if c == 0xF4 && c1 >= 0x90 { throw Unsupported() }  // above U+10FFFF
            i += 4
        } else {
            throw Unsupported()
        }
    }
}
