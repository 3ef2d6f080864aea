/// One word of a document.
///
/// Offsets are into the **original** text: `start`/`end` in Unicode scalars (end exclusive) for reporting,
/// `utf8Start`/`utf8End` in UTF-8 bytes for O(1) slicing. `codeStart`/`codeEnd` index the normalised letter
/// codes in ``TokenizedText/codes``.
public struct Token: Sendable, Hashable {
    public var start: Int32
    public var end: Int32
    public var utf8Start: Int32
    public var utf8End: Int32
    public var codeStart: Int32
    public var codeEnd: Int32
    /// The strongest boundary between the previous token and this one.
    public var boundaryBefore: ScalarClass
    /// Whether only white space (no punctuation, quote or bracket) separates this token from the previous one.
    public var spaceOnlyBefore: Bool

    /// Number of normalised letters.
    @inline(__always) public var length: Int { Int(codeEnd - codeStart) }
}

/// A span of tokens: a sentence, clause or paragraph.
public struct Segment: Sendable, Hashable {
    /// Token indices, end exclusive.
    public var tokens: Range<Int>
    /// Scalar offsets in the original text, end exclusive (the closing punctuation included).
    public var start: Int
    public var end: Int
    public var utf8Start: Int
    public var utf8End: Int
}
