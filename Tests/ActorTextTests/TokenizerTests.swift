import Testing

@testable import ActorText

@Suite("Normalisation and tokens")
struct TokenizerTests {
    @Test("Hamza and alef forms, alef maqsura, ta marbuta, diacritics and tatweel normalise for matching")
    func orthography() {
        #expect(NormalizedForm.string("أحمد") == NormalizedForm.string("احمد"))
        #expect(NormalizedForm.string("إيران") == NormalizedForm.string("ايران"))
        #expect(NormalizedForm.string("آل ثاني") == NormalizedForm.string("ال ثاني"))
        #expect(NormalizedForm.string("مصطفى") == NormalizedForm.string("مصطفي"))
        #expect(NormalizedForm.string("سورية") == NormalizedForm.string("سوريه"))
        #expect(NormalizedForm.string("حلَّ") == NormalizedForm.string("حل"))
        #expect(NormalizedForm.string("الإيرانيّ") == NormalizedForm.string("الايراني"))
        #expect(NormalizedForm.string("روســـيا") == NormalizedForm.string("روسيا"))
        #expect(NormalizedForm.string("٢٠١٦") == "2016")
        #expect(NormalizedForm.string("۲۰۲۴") == "2024")
        #expect(NormalizedForm.string("ZARIF") == "zarif")
    }

    @Test("Zero-width marks do not split a word; quotes and brackets do")
    func separators() {
        #expect(NormalizedForm.tokens(of: "رو\u{200C}سيا").count == 1)
        #expect(NormalizedForm.tokens(of: "«الائتلاف»").count == 1)
        #expect(NormalizedForm.tokens(of: "“الإرهاب”(داعش)").count == 2)
    }

    @Test("Tokens keep offsets into the original text")
    func offsets() {
        let text = "قال وزير الخارجيّة: «روسيا»"
        let t = TokenizedText(text)
        #expect(t.tokens.count == 4)
        #expect(t.original(tokens: 2..<3) == "الخارجيّة")
        #expect(t.original(tokens: 3..<4) == "روسيا")
        let scalars = Array(text.unicodeScalars)
        let tok = t.tokens[3]
        #expect(String(String.UnicodeScalarView(scalars[Int(tok.start)..<Int(tok.end)])) == "روسيا")
    }

    @Test("Sentences end at . ! ? ؟ ; and line breaks, not at a decimal point")
    func sentences() {
        let t = TokenizedText("ارتفع السعر 3.5 في المئة. هل توافق روسيا؟ نعم\nسطر جديد؛ آخر")
        #expect(t.sentences.count == 5)
        #expect(t.original(t.sentences[0]) == "ارتفع السعر 3.5 في المئة.")
        #expect(t.original(t.sentences[1]) == "هل توافق روسيا؟")
        #expect(t.paragraphs.count == 2)
    }

    @Test("Clauses split at commas and contrast words")
    func clauses() throws {
        let t = TokenizedText("دعمت روسيا النظام، بينما طالبت واشنطن برحيله في حين رفضت أنقرة ذلك")
        #expect(t.sentences.count == 1)
        // The comma and بينما close the same clause.
        try #require(t.clauses.count == 3)
        #expect(t.original(t.clauses[1]).hasPrefix("بينما"))
        #expect(t.original(t.clauses[2]).hasPrefix("في حين"))
    }

    @Test("Each token's hash, computed as the token ends, is the word hash of its codes")
    func tokenHashes() {
        for text in ["قال وزير الخارجيّة الروسي سيرغي لافروف، إن موسكو…", "", "a", "3.5 مليار\nدولار؟ نعم", "x\u{200C}y (z) «و»"] {
            let t = TokenizedText(text)
            #expect(t.hashes.count == t.tokens.count)
            for i in t.tokens.indices { #expect(t.hashes[i] == WordHash.hash(t.codes(of: i))) }
        }
    }

    @Test("The tokenizer's fast paths give the tokens a plain scalar-by-scalar reading gives, on random mixed text")
    func fastPathsMatchReference() {
        // Pieces where the fast paths (two-byte Arabic letters, plain spaces) meet the general one: other
        // letters, digits and decimal points, diacritics and tatweel, zero-width marks, punctuation, line breaks.
        let pieces = ["ب", "ال", "روسيا", "ـ", "\u{064E}", "\u{0651}", " ", "  ", "\u{00A0}", "\t", ".", "3", "٣", "،", ",",
                      "؟", "\n", "«", "»", "(", "x", "Zarif", "\u{200C}", "…", "ة", "ى", "أ", "+", "é", "😀", "-", "۲", "3.", "٣."]
        var rng = SplitMix(seed: 2026)
        for _ in 0..<4000 {
            var text = ""
            for _ in 0..<Int(rng.next() % 40) { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
            let t = TokenizedText(text)
            let expected = Self.referenceTokens(text)
            #expect(t.tokens.count == expected.count, "\(text.debugDescription)")
            for (i, e) in expected.enumerated() where i < t.tokens.count {
                let tok = t.tokens[i]
                #expect(tok.start == e.start && tok.end == e.end && tok.utf8Start == e.utf8Start && tok.utf8End == e.utf8End,
                        "\(text.debugDescription) token \(i)")
                #expect(Array(t.codes(of: i)) == e.codes, "\(text.debugDescription) token \(i)")
                #expect(tok.boundaryBefore == e.boundary && tok.spaceOnlyBefore == e.spaceOnly, "\(text.debugDescription) token \(i)")
                #expect(t.hashes[i] == WordHash.hash(e.codes))
            }
        }
    }

    /// Tokens read one scalar at a time with the tables, as the tokenizer's documentation describes them.
    static func referenceTokens(_ text: String) -> [(start: Int32, end: Int32, utf8Start: Int32, utf8End: Int32, codes: [UInt8],
                                                     boundary: ScalarClass, spaceOnly: Bool)] {
        var out: [(start: Int32, end: Int32, utf8Start: Int32, utf8End: Int32, codes: [UInt8], boundary: ScalarClass, spaceOnly: Bool)] = []
        var current: (start: Int32, utf8Start: Int32, codes: [UInt8])? = nil
        var pending = ScalarClass.lineBreak, onlySpace = true, prevDigit = false, dotAfterDigit = false
        var index: Int32 = 0, offset: Int32 = 0
        for v in text.unicodeScalars {
            let value = v.value
            let cls: ScalarClass = value < 0x700 ? ScalarClass(rawValue: ScalarTable.classes[Int(value)])! : ScalarTable.classOfHigh(value)
            let code: UInt8 = value < 0x700 ? ScalarTable.codes[Int(value)] : (cls == .letter ? ScalarTable.letterOfHigh(value) : 0)
            switch cls {
            case .letter:
                let digit = code >= 0x30 && code <= 0x39
                if dotAfterDigit { dotAfterDigit = false; if digit, pending == .sentence { pending = .space } }
                if current == nil { current = (index, offset, []) }
                current!.codes.append(code)
                prevDigit = digit
            case .ignorable:
                break
            default:
                if let c = current {
                    out.append((c.start, index, c.utf8Start, offset, c.codes, pending, onlySpace))
                    current = nil
                    pending = .space
                    onlySpace = true
                }
                if !(value == 0x20 || value == 0xA0 || value == 0x09) { onlySpace = false }
                dotAfterDigit = value == 0x2E && prevDigit
                prevDigit = false
                if cls.rawValue > pending.rawValue { pending = cls }
            }
            index += 1
            offset += Int32(String(v).utf8.count)
        }
        if let c = current { out.append((c.start, index, c.utf8Start, offset, c.codes, pending, onlySpace)) }
        return out
    }
}

/// A small deterministic random generator for tests (SplitMix64).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Normalised forms")
struct NormalizedFormTests {
    @Test("Normalising a string gives the words and codes the tokenizer gives, on random mixed text")
    func normalizedFormMatchesTokenizer() {
        let pieces = ["ب", "ال", "روسيا", "ـ", "\u{064E}", "\u{0651}", " ", "\u{00A0}", "\t", ".", "3", "٣", "،", "؟", "\n", "«",
                      "x", "Zarif", "\u{200C}", "…", "ة", "ى", "أ", "+", "é", "😀", "-", "۲", "ک", "ی", "Ω"]
        var rng = SplitMix(seed: 99)
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int(rng.next() % 30) { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
            let t = TokenizedText(text)
            let expected = t.tokens.indices.map { Array(t.codes(of: $0)) }
            #expect(NormalizedForm.tokens(of: text) == expected, "\(text.debugDescription)")
            #expect(NormalizedForm.codes(of: text) == expected.flatMap { $0 }, "\(text.debugDescription)")
        }
        #expect(NormalizedForm.string("وزيرُ الخارجيّة  الإيرانيـة") == "وزير الخارجيه الايرانيه")
    }
}
