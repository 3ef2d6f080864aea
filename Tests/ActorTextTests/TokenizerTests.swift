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

    @Test("Each token's hash, computed while tokenizing, is the FNV hash of its codes")
    func tokenHashes() {
        for text in ["قال وزير الخارجيّة الروسي سيرغي لافروف، إن موسكو…", "", "a", "3.5 مليار\nدولار؟ نعم", "x\u{200C}y (z) «و»"] {
            let t = TokenizedText(text)
            #expect(t.hashes.count == t.tokens.count)
            for i in t.tokens.indices { #expect(t.hashes[i] == FNV.hash(t.codes(of: i))) }
        }
    }
}
