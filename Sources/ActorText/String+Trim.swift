extension String {
    /// The string without leading and trailing white space (including no-break space and line breaks).
    /// - Complexity: O(n) in the trimmed characters.
    public var trimmedWhitespace: String {
        let scalars = unicodeScalars
        var lo = scalars.startIndex, hi = scalars.endIndex
        while lo < hi, scalars[lo].properties.isWhitespace { lo = scalars.index(after: lo) }
        while hi > lo, scalars[scalars.index(before: hi)].properties.isWhitespace { hi = scalars.index(before: hi) }
        return String(scalars[lo..<hi])
    }

    /// The UTF-8 `bytes` as a string without leading and trailing white space, as ``trimmedWhitespace`` gives:
    /// ASCII white space is trimmed on the bytes, before any string is made; other white space (U+0085,
    /// U+00A0, U+1680, U+2000–U+3000: lead bytes C2 and E1–E3) by the string, only when an end could be one.
    /// Arabic text (lead bytes D8–DB) never needs the second look.
    /// - Complexity: O(n) in the bytes.
    public init(trimmingWhitespace bytes: UnsafeBufferPointer<UInt8>) {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
        var lo = 0, hi = bytes.count
        while lo < hi, isSpace(bytes[lo]) { lo += 1 }
        while hi > lo, isSpace(bytes[hi - 1]) { hi -= 1 }
        let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self)
        func mayBeSpace(leadByte b: UInt8) -> Bool { b == 0xC2 || (b >= 0xE1 && b <= 0xE3) }
        if lo < hi, mayBeSpace(leadByte: bytes[lo])
            || (hi - lo >= 2 && mayBeSpace(leadByte: bytes[hi - 2])) || (hi - lo >= 3 && mayBeSpace(leadByte: bytes[hi - 3])) {
            self = s.trimmedWhitespace
        } else {
            self = s
        }
    }
}
