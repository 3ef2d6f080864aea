/// A document split into tokens, sentences, clauses and paragraphs, with normalised letter codes for
/// matching and offsets into the original text for reporting.
///
/// Invariants: tokens are in text order and do not overlap; every token belongs to exactly one sentence,
/// clause and paragraph; sentences never cross paragraphs and clauses never cross sentences.
public struct TokenizedText: Sendable {
    /// The original text, unchanged, as UTF-8.
    public let utf8Text: UTF8Text
    /// The original text, unchanged.
    /// - Complexity: O(n): the string is made from ``utf8Text`` on each call.
    public var text: String { utf8Text.string }
    public private(set) var tokens: [Token] = []
    /// Normalised letter codes of all tokens, back to back (see ``ArabicAlphabet``).
    public private(set) var codes: [UInt8] = []
    /// For each token, the hash of its codes (`WordHash.hash(codes(of: i))`), computed as it ends
    /// (for the lexicon, fingerprints and word lists). Invariant: `hashes.count == tokens.count`.
    public private(set) var hashes: [UInt64] = []
    public private(set) var sentences: [Segment] = []
    /// Clauses: sentences split at commas and at contrast words (بينما، في حين، لكن …). Computed on
    /// demand, since most uses need only sentences.
    /// - Complexity: O(t) in the tokens.
    public var clauses: [Segment] { computeClauses() }
    public private(set) var paragraphs: [Segment] = []
    /// For each token, the index of its sentence.
    public private(set) var sentenceOfToken: [Int32] = []

    /// Tokenizes `text` in one pass over its UTF-8 bytes.
    /// - Complexity: O(n) in the bytes of `text`.
    public init(_ text: String) {
        self.init(UTF8Text(text), segments: true)
    }

    /// Tokenizes `text` in one pass over its bytes.
    /// - Complexity: O(n) in the bytes of `text`.
    public init(_ text: UTF8Text) {
        self.init(text, segments: true)
    }

    /// Tokenizes without computing sentences, clauses and paragraphs (for lexicon entries).
    init(_ text: String, segments: Bool) {
        self.init(UTF8Text(text), segments: segments)
    }

    init(_ text: UTF8Text, segments: Bool) {
        self.utf8Text = text
        text.bytes.withUnsafeBufferPointer { buf in self.scan(buf, withSegments: segments) }
        if segments { buildSegments() }
    }

    /// The normalised codes of token `i`.
    @inline(__always)
    public func codes(of i: Int) -> ArraySlice<UInt8> {
        codes[Int(tokens[i].codeStart)..<Int(tokens[i].codeEnd)]
    }

    /// The original text between two UTF-8 offsets.
    public func original(utf8 range: Range<Int>) -> String {
        utf8Text.bytes.withUnsafeBufferPointer { buf in String(decoding: UnsafeBufferPointer(rebasing: buf[range]), as: UTF8.self) }
    }

    /// The original text of tokens `range` (from the first token's start to the last one's end).
    public func original(tokens range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return original(utf8: Int(tokens[range.lowerBound].utf8Start)..<Int(tokens[range.upperBound - 1].utf8End))
    }

    /// The original text of a segment, with surrounding white space trimmed.
    public func original(_ segment: Segment) -> String {
        utf8Text.bytes.withUnsafeBufferPointer { buf in
            String(trimmingWhitespace: UnsafeBufferPointer(rebasing: buf[segment.utf8Start..<segment.utf8End]))
        }
    }

    /// Whether the normalised codes of token `i` end with `suffix` (compared without making a string).
    public func codes(of i: Int, endWith suffix: [UInt8]) -> Bool {
        let c = codes(of: i)
        return c.count >= suffix.count && c.suffix(suffix.count).elementsEqual(suffix)
    }

    /// Whether the normalised codes of token `i` begin with `prefix`.
    public func codes(of i: Int, beginWith prefix: [UInt8]) -> Bool {
        let c = codes(of: i)
        return c.count >= prefix.count && c.prefix(prefix.count).elementsEqual(prefix)
    }

    /// The normalised form of token `i` as a string (for debugging and tests).
    public func normalized(_ i: Int) -> String { ArabicAlphabet.string(from: codes(of: i)) }

    // MARK: - Scanning

    private mutating func scan(_ buf: UnsafeBufferPointer<UInt8>, withSegments: Bool) {
        var outTokens: [Token] = []
        var outHashes: [UInt64] = []
        var outClosing: [(tokens: Int32, end: Int32, utf8End: Int32)] = []
        let n = buf.count
        // A letter is at least one byte, so there are at most `n` codes: they are written straight into an
        // array of that capacity, with no capacity or uniqueness check per letter.
        // (At least one, so that the buffer has an address even for an empty text.)
        let codes = [UInt8](unsafeUninitializedCapacity: max(n, 1)) { out, initialized in
            let dst = out
            // Codes already written are read back to hash each token as it ends (see ``WordHash``).
            let base = UnsafePointer(out.baseAddress!)
            initialized = ScalarTable.codes.withUnsafeBufferPointer { codeTable in
                ScalarTable.classes.withUnsafeBufferPointer { classTable in
                    // Both tables have 0x700 entries; they are read only below 0x700.
                    // All state of the loop is local to this closure (captured variables live in memory).
                    var tokens = AppendBuffer<Token>(capacity: n / 8)
                    var hashes = AppendBuffer<UInt64>(capacity: n / 8)
                    var closing = AppendBuffer<(tokens: Int32, end: Int32, utf8End: Int32)>(capacity: 16)
                    var codeCount = 0
                    var i = 0
                    var scalarIndex: Int32 = 0
                    var inToken = false
                    var tokStart: Int32 = 0, tokUTF8: Int32 = 0, tokCode: Int32 = 0
                    var pending: ScalarClass = .lineBreak  // the text starts a paragraph
                    var prevWasDigit = false
                    var onlySpace = true
                    var dotAfterDigit = false
                    while i < n {
                        let b0 = buf[i]
                        // Fast path, most of the bytes of Arabic text: inside a word, a two-byte Arabic letter
                        // (U+0600–U+06FF) continues it. Digits, marks and separators take the general path below.
                        // (Only letters have codes, and only letters have codes of 0x80 and above: that one test
                        // tells an Arabic letter.)
                        if b0 & 0xFE == 0xD8 && i &+ 1 < n {
                            let v = Int((UInt32(b0 & 0x1F) &<< 6) | UInt32(buf[i &+ 1] & 0x3F))
                            let code = codeTable[v]
                            if code >= 0x80 {
                                if !inToken {
                                    // A letter (not a digit) after "3.": the dot ended a sentence after all.
                                    dotAfterDigit = false
                                    inToken = true
                                    tokStart = scalarIndex; tokUTF8 = Int32(i); tokCode = Int32(codeCount)
                                }
                                dst[codeCount] = code
                                // The rest of the run of Arabic letters, in a loop of its own whose few variables stay
                                // in registers (the outer loop's many spill to the stack: 32 instructions per letter
                                // before, measured with cachegrind). Wrapping additions: none can overflow (`j < n`,
                                // and there are fewer codes and scalars than bytes).
                                var j = i &+ 2, c = codeCount &+ 1
                                while j &+ 1 < n {
                                    let a = buf[j]
                                    guard a & 0xFE == 0xD8 else { break }
                                    let d = codeTable[Int((UInt32(a & 0x1F) &<< 6) | UInt32(buf[j &+ 1] & 0x3F))]
                                    guard d >= 0x80 else { break }
                                    dst[c] = d
                                    c &+= 1
                                    j &+= 2
                                }
                                scalarIndex &+= Int32(truncatingIfNeeded: (j &- i) &>> 1)
                                codeCount = c
                                i = j
                                prevWasDigit = false
                                continue
                            }
                        } else if b0 == 0x20 {
                            // A plain space: ends the token, if any (as the general path does for `.space`). Written
                            // out twice on purpose: a local function shared by both paths captures the loop's state,
                            // which then lives in memory (measured: 368 → 177 MB/s); sending ending spaces down the
                            // general path costs 8% (337 MB/s).
                            if inToken {
                                inToken = false
                                tokens.append(Token(
                                    start: tokStart, end: scalarIndex, utf8Start: tokUTF8, utf8End: Int32(i),
                                    codeStart: tokCode, codeEnd: Int32(codeCount), boundaryBefore: pending, spaceOnlyBefore: onlySpace))
                                hashes.append(WordHash.hash(base, Int(tokCode), codeCount))
                                pending = .space
                                onlySpace = true
                            } else if pending.rawValue < ScalarClass.space.rawValue {
                                pending = .space
                            }
                            dotAfterDigit = false
                            prevWasDigit = false
                            i += 1
                            scalarIndex += 1
                            continue
                        }
                        var v: UInt32
                        var len: Int
                        if b0 >= 0x80 && i + (b0 < 0xE0 ? 1 : b0 < 0xF0 ? 2 : 3) >= n {
                            // A sequence cut by the end: impossible in well-formed UTF-8 (see ``UTF8Text``), read
                            // as a separator rather than past the end.
                            v = 0xFFFD; len = n - i
                        } else if b0 < 0x80 {
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
                            cls = ScalarClass(rawValue: classTable[Int(v)]) ?? .space
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
                                tokStart = scalarIndex; tokUTF8 = Int32(i); tokCode = Int32(codeCount)
                            }
                            dst[codeCount] = code
                            codeCount += 1
                            prevWasDigit = isDigit
                        case .ignorable:
                            break
                        default:
                            if inToken {
                                inToken = false
                                tokens.append(Token(
                                    start: tokStart, end: scalarIndex, utf8Start: tokUTF8, utf8End: Int32(i),
                                    codeStart: tokCode, codeEnd: Int32(codeCount), boundaryBefore: pending, spaceOnlyBefore: onlySpace))
                                hashes.append(WordHash.hash(base, Int(tokCode), codeCount))
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
                                if closing.last?.tokens != key { closing.append((key, scalarIndex + 1, Int32(i + len))) }
                            }
                        }
                        i += len
                        scalarIndex += 1
                    }
                    if inToken {
                        tokens.append(Token(
                            start: tokStart, end: scalarIndex, utf8Start: tokUTF8, utf8End: Int32(n),
                            codeStart: tokCode, codeEnd: Int32(codeCount), boundaryBefore: pending, spaceOnlyBefore: onlySpace))
                        hashes.append(WordHash.hash(base, Int(tokCode), codeCount))
                    }
                    outTokens = tokens.array()
                    outHashes = hashes.array()
                    outClosing = closing.array()
                    return codeCount
                }
            }
        }
        self.tokens = outTokens
        self.hashes = outHashes
        self.codes = codes
        self.closing = outClosing
    }

    /// Closing punctuation, in text order: the number of tokens before it, and its end (scalar, UTF-8).
    private var closing: [(tokens: Int32, end: Int32, utf8End: Int32)] = []

    private mutating func buildSegments() {
        var sentenceOfToken = [Int32](repeating: 0, count: tokens.count)
        var sentences: [Segment] = [], paragraphs: [Segment] = []
        defer {
            self.sentenceOfToken = sentenceOfToken
            self.sentences = sentences
            self.paragraphs = paragraphs
        }
        var sStart = 0, pStart = 0
        func close(_ list: inout [Segment], from: Int, to: Int) {
            guard from < to else { return }
            list.append(segment(from..<to))
        }
        var t = 0
        while t <= tokens.count {
            let b: ScalarClass = t == tokens.count ? .lineBreak : tokens[t].boundaryBefore
            if t > 0 {
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
    }

    /// Token indices in `range` (after its first token) where a contrast word opens a clause: بينما، فيما،
    /// لكن، في حين، غير أن، إلا أن، بيد أن.
    /// - Complexity: O(k) in the tokens of `range`.
    /// With `newSubjectOnly`, the words that keep a relation across them (لكنه، لكنها، فيما: see
    /// `ContrastWords.continuing`) are left out.
    public func contrastStarts(in range: Range<Int>, newSubjectOnly: Bool = false) -> [Int] {
        range.dropFirst().filter {
            ContrastWords.match(self, at: $0) != nil && !(newSubjectOnly && ContrastWords.continues(self, at: $0))
        }
    }

    private func computeClauses() -> [Segment] {
        var clauses: [Segment] = []
        for sentence in sentences {
            var start = sentence.tokens.lowerBound
            for t in sentence.tokens where t > start {
                // Commas, and contrast words: بينما، فيما، لكن، في حين، غير أن، إلا أن، بيد أن …
                if tokens[t].boundaryBefore == .clause || ContrastWords.match(self, at: t) != nil {
                    clauses.append(segment(start..<t))
                    start = t
                }
            }
            clauses.append(segment(start..<sentence.tokens.upperBound, end: sentence))
        }
        return clauses
    }

    /// A segment over `range`; its end includes closing punctuation (or the enclosing segment's end).
    private func segment(_ range: Range<Int>, end enclosing: Segment? = nil) -> Segment {
        let first = tokens[range.lowerBound], last = tokens[range.upperBound - 1]
        if let e = enclosing {
            return Segment(tokens: range, start: Int(first.start), end: e.end, utf8Start: Int(first.utf8Start), utf8End: e.utf8End)
        }
        var end = (Int(last.end), Int(last.utf8End))
        if let p = closingEnd(range.upperBound) { end = (Int(p.0), Int(p.1)) }
        return Segment(tokens: range, start: Int(first.start), end: end.0, utf8Start: Int(first.utf8Start), utf8End: end.1)
    }

    /// The closing punctuation right after `count` tokens, by binary search.
    private func closingEnd(_ count: Int) -> (Int32, Int32)? {
        var lo = 0, hi = closing.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(closing[mid].tokens) < count { lo = mid + 1 } else { hi = mid }
        }
        return lo < closing.count && Int(closing[lo].tokens) == count ? (closing[lo].end, closing[lo].utf8End) : nil
    }
}

/// Words that open a contrast clause: بينما، فيما، لكن، ولكن، في حين، غير أن، إلا أن، بيد أن.
enum ContrastWords {
    // Small arrays compared linearly: cheaper than a Set's seeded hashing for a handful of keys.
    static let single: [UInt64] =
        ["بينما", "فيما", "لكن", "ولكن", "لكنه", "لكنها", "ولكنه", "ولكنها", "وبينما"].map { WordHash.hash(NormalizedForm.codes(of: $0)) }
    static let fi: [UInt64] = [WordHash.hash(NormalizedForm.codes(of: "في")), WordHash.hash(NormalizedForm.codes(of: "وفي"))]
    static let hin = WordHash.hash(NormalizedForm.codes(of: "حين"))
    static let beforeAn: [UInt64] = ["غير", "الا", "بيد"].map { WordHash.hash(NormalizedForm.codes(of: $0)) }
    static let an = WordHash.hash(NormalizedForm.codes(of: "ان"))
    /// For each first letter code, whether some contrast word starts with it: a cheap filter per token.
    static let firstLetters: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for w in ["بينما", "فيما", "لكن", "ولكن", "وبينما", "في", "وفي", "غير", "الا", "بيد"] {
            table[Int(NormalizedForm.codes(of: w)[0])] = true
        }
        return table
    }()

    /// Contrast words that do not cut a relation: forms with a pronoun go on about the same subject (لكنها غير
    /// كافية), and فيما in news prose mostly joins a parallel statement ("while", "meanwhile": أعلنت آشتون …، فيما
    /// أكد ظريف …) rather than opposing it (measured on the development sets: stance A +1, B +3, C +1 pairs).
    static let continuing: [UInt64] = ["لكنه", "لكنها", "ولكنه", "ولكنها", "فيما"].map { WordHash.hash(NormalizedForm.codes(of: $0)) }

    /// Whether the contrast word at `t` keeps the relation across it (see ``continuing``).
    static func continues(_ text: TokenizedText, at t: Int) -> Bool {
        continuing.contains(text.hashes[t])
    }

    /// If a contrast expression starts at token `t`, its length in tokens.
    /// - Complexity: O(1), no allocation.
    static func match(_ text: TokenizedText, at t: Int) -> Int? {
        let tok = text.tokens[t]
        guard tok.length >= 2, tok.length <= 6, firstLetters[Int(text.codes[Int(tok.codeStart)])] else { return nil }
        let h = text.hashes[t]
        if single.contains(h) { return 1 }
        guard t + 1 < text.tokens.count else { return nil }
        if fi.contains(h) { return text.hashes[t + 1] == hin ? 2 : nil }
        if beforeAn.contains(h) { return text.hashes[t + 1] == an ? 2 : nil }
        return nil
    }
}
