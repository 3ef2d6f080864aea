/// A document split into tokens, sentences, clauses and paragraphs, with normalised letter codes for
/// matching and offsets into the original text for reporting.
///
/// Invariants: tokens are in text order and do not overlap; every token belongs to exactly one sentence,
/// clause and paragraph; sentences never cross paragraphs and clauses never cross sentences.
public struct TokenizedText: Sendable {
    /// The original text, unchanged.
    public let text: String
    public private(set) var tokens: [Token] = []
    /// Normalised letter codes of all tokens, back to back (see ``ArabicAlphabet``).
    public private(set) var codes: [UInt8] = []
    public private(set) var sentences: [Segment] = []
    public private(set) var clauses: [Segment] = []
    public private(set) var paragraphs: [Segment] = []
    /// For each token, the index of its sentence.
    public private(set) var sentenceOfToken: [Int32] = []

    /// Tokenizes `text` in one pass over its UTF-8 bytes.
    /// - Complexity: O(n) in the bytes of `text`.
    public init(_ text: String) {
        self.init(text, segments: true)
    }

    /// Tokenizes without computing sentences, clauses and paragraphs (for lexicon entries).
    init(_ text: String, segments: Bool) {
        self.text = text
        var copy = text
        copy.withUTF8 { buf in self.scan(buf, withSegments: segments) }
        if segments { buildSegments() }
    }

    /// The normalised codes of token `i`.
    @inline(__always)
    public func codes(of i: Int) -> ArraySlice<UInt8> {
        codes[Int(tokens[i].codeStart)..<Int(tokens[i].codeEnd)]
    }

    /// The original text between two UTF-8 offsets.
    public func original(utf8 range: Range<Int>) -> String {
        var copy = text
        return copy.withUTF8 { buf in String(decoding: UnsafeBufferPointer(rebasing: buf[range]), as: UTF8.self) }
    }

    /// The original text of tokens `range` (from the first token's start to the last one's end).
    public func original(tokens range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return original(utf8: Int(tokens[range.lowerBound].utf8Start)..<Int(tokens[range.upperBound - 1].utf8End))
    }

    /// The original text of a segment, with surrounding white space trimmed.
    public func original(_ segment: Segment) -> String {
        let s = original(utf8: segment.utf8Start..<segment.utf8End)
        return s.trimmedWhitespace
    }

    /// The normalised form of token `i` as a string (for debugging and tests).
    public func normalized(_ i: Int) -> String { ArabicAlphabet.string(from: codes(of: i)) }

    // MARK: - Scanning

    private mutating func scan(_ buf: UnsafeBufferPointer<UInt8>, withSegments: Bool) {
        tokens.reserveCapacity(buf.count / 6)
        codes.reserveCapacity(buf.count / 2)
        let codeTable = ScalarTable.codes
        let classTable = ScalarTable.classes
        var i = 0
        var scalarIndex: Int32 = 0
        var inToken = false
        var tokStart: Int32 = 0, tokUTF8: Int32 = 0, tokCode: Int32 = 0
        var pending: ScalarClass = .lineBreak  // the text starts a paragraph
        var prevWasDigit = false
        var onlySpace = true
        var dotAfterDigit = false
        let n = buf.count
        while i < n {
            let b0 = buf[i]
            var v: UInt32
            var len: Int
            if b0 < 0x80 {
                v = UInt32(b0); len = 1
            } else if b0 < 0xE0 {
                v = (UInt32(b0 & 0x1F) << 6) | UInt32(buf[i + 1] & 0x3F); len = 2
            } else if b0 < 0xF0 {
                v = (UInt32(b0 & 0x0F) << 12) | (UInt32(buf[i + 1] & 0x3F) << 6) | UInt32(buf[i + 2] & 0x3F); len = 3
            } else {
                v = (UInt32(b0 & 0x07) << 18) | (UInt32(buf[i + 1] & 0x3F) << 12)
                    | (UInt32(buf[i + 2] & 0x3F) << 6) | UInt32(buf[i + 3] & 0x3F)
                len = 4
            }
            let cls: ScalarClass
            var code: UInt8 = 0
            if v < 0x700 {
                cls = ScalarClass(rawValue: classTable[Int(v)])!
                code = codeTable[Int(v)]
            } else {
                cls = ScalarTable.classOfHigh(v)
                if cls == .letter { code = ScalarTable.letterOfHigh(v) }
            }
            switch cls {
            case .letter:
                let isDigit = code >= 0x30 && code <= 0x39
                if dotAfterDigit {
                    // "3.5": the dot was a decimal point, not the end of a sentence.
                    dotAfterDigit = false
                    if isDigit, pending == .sentence { pending = .space }
                }
                if !inToken {
                    inToken = true
                    tokStart = scalarIndex; tokUTF8 = Int32(i); tokCode = Int32(codes.count)
                }
                codes.append(code)
                prevWasDigit = isDigit
            case .ignorable:
                break
            default:
                if inToken {
                    inToken = false
                    tokens.append(Token(
                        start: tokStart, end: scalarIndex, utf8Start: tokUTF8, utf8End: Int32(i),
                        codeStart: tokCode, codeEnd: Int32(codes.count), boundaryBefore: pending, spaceOnlyBefore: onlySpace))
                    pending = .space
                    onlySpace = true
                }
                if !(v == 0x20 || v == 0xA0 || v == 0x09) { onlySpace = false }
                dotAfterDigit = (v == 0x2E && prevWasDigit)
                prevWasDigit = false
                if cls.rawValue > pending.rawValue { pending = cls }
                if (cls == .sentence || cls == .clause) && withSegments {
                    // Closing punctuation belongs to the segment it closes.
                    let key = Int32(tokens.count)
                    if closing[key] == nil { closing[key] = (scalarIndex + 1, Int32(i + len)) }
                }
            }
            i += len
            scalarIndex += 1
        }
        if inToken {
            tokens.append(Token(
                start: tokStart, end: scalarIndex, utf8Start: tokUTF8, utf8End: Int32(n),
                codeStart: tokCode, codeEnd: Int32(codes.count), boundaryBefore: pending, spaceOnlyBefore: onlySpace))
        }
    }

    /// For a number of tokens seen, the end (scalar, utf8) of the first closing punctuation after them.
    private var closing: [Int32: (Int32, Int32)] = [:]

    private mutating func buildSegments() {
        sentenceOfToken = [Int32](repeating: 0, count: tokens.count)
        var sStart = 0, cStart = 0, pStart = 0
        func close(_ list: inout [Segment], from: Int, to: Int) {
            guard from < to else { return }
            let first = tokens[from], last = tokens[to - 1]
            var end = (Int(last.end), Int(last.utf8End))
            if let p = closing[Int32(to)] { end = (Int(p.0), Int(p.1)) }
            list.append(Segment(tokens: from..<to, start: Int(first.start), end: end.0,
                                utf8Start: Int(first.utf8Start), utf8End: end.1))
        }
        var t = 0
        while t <= tokens.count {
            let b: ScalarClass = t == tokens.count ? .lineBreak : tokens[t].boundaryBefore
            // Contrast words open a new clause: بينما، فيما، لكن، في حين، غير أن، إلا أن، بيد أن …
            let contrast = t < tokens.count && ContrastWords.match(self, at: t) != nil
            if t > 0 {
                if b.rawValue >= ScalarClass.clause.rawValue || contrast {
                    close(&clauses, from: cStart, to: t); cStart = t
                }
                if b.rawValue >= ScalarClass.sentence.rawValue {
                    for k in sStart..<t { sentenceOfToken[k] = Int32(sentences.count) }
                    close(&sentences, from: sStart, to: t); sStart = t
                }
                if b == .lineBreak {
                    close(&paragraphs, from: pStart, to: t); pStart = t
                }
            }
            t += 1
        }
        closing = [:]
    }
}

/// Words that open a contrast clause.
enum ContrastWords {
    static let single: Set<[UInt8]> = Set(
        ["بينما", "فيما", "لكن", "ولكن", "لكنه", "لكنها", "ولكنه", "ولكنها", "وبينما"].map { NormalizedForm.codes(of: $0) })
    static let fi: Set<[UInt8]> = [NormalizedForm.codes(of: "في"), NormalizedForm.codes(of: "وفي")]
    static let hin = NormalizedForm.codes(of: "حين")
    static let beforeAn: Set<[UInt8]> = Set(["غير", "الا", "بيد"].map { NormalizedForm.codes(of: $0) })
    static let an = NormalizedForm.codes(of: "ان")
    /// First letters of all the forms above: a cheap filter before any comparison.
    static let firstLetters: Set<UInt8> = Set((single.union(fi).union(beforeAn)).compactMap(\.first))

    /// If a contrast expression starts at token `t`, its length in tokens.
    /// - Complexity: O(1); allocates only for tokens that pass the first-letter and length filter.
    static func match(_ text: TokenizedText, at t: Int) -> Int? {
        let tok = text.tokens[t]
        guard tok.length >= 2, tok.length <= 6, firstLetters.contains(text.codes[Int(tok.codeStart)]) else { return nil }
        let c = Array(text.codes(of: t))
        if single.contains(c) { return 1 }
        guard t + 1 < text.tokens.count else { return nil }
        if fi.contains(c) { return text.codes(of: t + 1).elementsEqual(hin) ? 2 : nil }
        if beforeAn.contains(c) { return text.codes(of: t + 1).elementsEqual(an) ? 2 : nil }
        return nil
    }
}
