/// Text kept as its UTF-8 bytes, which are always well-formed UTF-8.
///
/// Documents are read, tokenized and sliced as bytes; a `String` is made only for what is reported (an
/// evidence sentence, a mention). Making a `String` validates its bytes (about 1 GB/s), so an archive's
/// text was validated once by the reader that found it and again when the string was made, 5% of a
/// SaudiNewsNet build; text kept as `UTF8Text` is validated once, by whoever made it.
///
/// Invariant: `bytes` is well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF),
/// as `String(validating:as:)` accepts it. Every initializer keeps it: from a `String`, after validation,
/// or from parts that each keep it.
public struct UTF8Text: Sendable, Hashable {
    /// The UTF-8 bytes.
    public let bytes: [UInt8]

    /// The bytes of `string`.
    /// - Complexity: O(n), one copy.
    public init(_ string: String) {
        bytes = Array(string.utf8)
    }

    /// `bytes` if they are well-formed UTF-8, else `nil`.
    /// - Complexity: O(n).
    public init?(validating bytes: UnsafeBufferPointer<UInt8>) {
        guard UTF8Text.firstInvalidByte(bytes) == nil else { return nil }
        self.bytes = Array(bytes)
    }

    /// Bytes whose well-formedness the caller has checked (``firstInvalidByte(_:)`` or an equivalent check
    /// while reading them). Internal to the package's readers: see the type's invariant.
    package init(alreadyValidated bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// `parts` joined with `separator` (an ASCII byte) between them.
    /// - Complexity: O(n), one copy.
    public init(joining parts: [UTF8Text], separator: UInt8) {
        precondition(separator < 0x80, "an ASCII separator keeps the bytes well-formed")
        var out: [UInt8] = []
        out.reserveCapacity(parts.reduce(parts.count) { $0 + $1.bytes.count })
        for (i, p) in parts.enumerated() {
            if i > 0 { out.append(separator) }
            out.append(contentsOf: p.bytes)
        }
        bytes = out
    }

    /// The text as a `String`.
    /// - Complexity: O(n); the bytes are validated again by `String`.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    public var count: Int { bytes.count }
    public var isEmpty: Bool { bytes.isEmpty }

    /// Whether the text has a character that is not white space (as `!trimmedWhitespace.isEmpty`).
    /// - Complexity: O(k) for the k leading white-space bytes; usually O(1).
    public var hasNonWhitespace: Bool {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                if !(b == 0x20 || (b >= 0x09 && b <= 0x0D)) { return true }
                i += 1
                continue
            }
            // A non-ASCII scalar: decode it and ask its properties (NBSP, the general punctuation spaces …).
            let len = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            let scalars = String(decoding: bytes[i..<min(i + len, bytes.count)], as: UTF8.self).unicodeScalars
            if scalars.contains(where: { !$0.properties.isWhitespace }) { return true }
            i += len
        }
        return false
    }

    /// The offset of the first byte that is not part of well-formed UTF-8, or `nil` if there is none.
    /// - Complexity: O(n); ASCII eight bytes at a time.
    public static func firstInvalidByte(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = b.count
        var i = 0
        while i < n {
            let c = b[i]
            if c < 0x80 {
                // A run of ASCII, a word at a time.
                if let base = b.baseAddress {
                    while i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
                }
                while i < n, b[i] < 0x80 { i += 1 }
                continue
            }
            @inline(__always) func cont(_ k: Int) -> Bool { i + k < n && b[i + k] & 0xC0 == 0x80 }
            if c >= 0xC2 && c <= 0xDF {
                guard cont(1) else { return i }
                i += 2
            } else if c >= 0xE0 && c <= 0xEF {
                guard cont(1), cont(2) else { return i }
                let c1 = b[i + 1]
                if c == 0xE0 && c1 < 0xA0 { return i }  // overlong
                if c == 0xED && c1 >= 0xA0 { return i }  // surrogate
                i += 3
            } else if c >= 0xF0 && c <= 0xF4 {
                guard cont(1), cont(2), cont(3) else { return i }
                let c1 = b[i + 1]
                if c == 0xF0 && c1 < 0x90 { return i }  // overlong
                if c == 0xF4 && c1 >= 0x90 { return i }  // above U+10FFFF
                i += 4
            } else {
                return i
            }
        }
        return nil
    }
}

extension UTF8Text: CustomStringConvertible {
    public var description: String { string }
}

extension UTF8Text: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(value) }
}
