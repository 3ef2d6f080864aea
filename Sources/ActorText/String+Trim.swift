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
}
