import Testing

@testable import ActorText

@Suite("UTF-8 text")
struct UTF8TextTests {
    @Test("The validator accepts and refuses exactly what String(validating:) does, on random and edge-case bytes")
    func validatorMatchesTheStandardLibrary() {
        // Edge cases: overlong forms, surrogates, the largest scalar and past it, cut sequences, stray bytes.
        let cases: [[UInt8]] = [
            [], [0x41], [0xC0, 0x80], [0xC1, 0xBF], [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0x9F, 0xBF], [0xE0, 0xA0, 0x80],
            [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80],
            [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0x80], [0xD8],
            [0xD8, 0xA7, 0xD9], [0xE2, 0x80], [0xF0, 0x9F, 0x98], Array("روسيا وإيران 😀 é".utf8),
            Array("abcdefghijklmnop".utf8) + [0xD8] + Array("abcdefgh".utf8),
        ]
        for bytes in cases { #expect(Self.agrees(bytes), "\(bytes)") }
        // Random mixtures of ASCII runs, well-formed Arabic, and single random bytes.
        var state: UInt64 = 0x5EED
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(next() % 24) {
                switch next() % 4 {
                case 0: bytes += Array("word ".utf8)
                case 1: bytes += Array("وزير ".utf8)
                case 2: bytes += [0xD8 | UInt8(next() % 2), 0x80 | UInt8(next() % 64)]
                default: bytes.append(UInt8(next() % 256))
                }
            }
            #expect(Self.agrees(bytes), "\(bytes)")
        }
    }

    static func agrees(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            let ours = UTF8Text.firstInvalidByte(b) == nil
            let standard = String(validating: b, as: UTF8.self) != nil
            return ours == standard && (UTF8Text(validating: b) != nil) == standard
        }
    }

    @Test("Text that is only white space (ASCII, no-break and ideographic spaces, line breaks) has no other character")
    func whitespace() {
        for s in ["", " ", "\n\t\r ", "\u{00A0}\u{2003}\u{3000}\u{2028}", "\u{85}"] {
            #expect(!UTF8Text(s).hasNonWhitespace, "\(s.debugDescription)")
            #expect(s.trimmedWhitespace.isEmpty)
        }
        for s in ["a", "  روسيا", "\u{00A0}x", "\u{200B}", "\u{1C}"] {
            #expect(UTF8Text(s).hasNonWhitespace, "\(s.debugDescription)")
            #expect(!s.trimmedWhitespace.isEmpty)
        }
    }

    @Test("A headline joined to its article keeps both, a line apart, and tokenizes as the joined string does")
    func joining() {
        let title = UTF8Text("لافروف يلتقي ظريف"), body = UTF8Text("التقى وزير الخارجية الروسي نظيره الإيراني.")
        let joined = UTF8Text(joining: [title, body], separator: 0x0A)
        #expect(joined.string == "لافروف يلتقي ظريف\nالتقى وزير الخارجية الروسي نظيره الإيراني.")
        let a = TokenizedText(joined), b = TokenizedText(joined.string)
        #expect(a.tokens == b.tokens && a.codes == b.codes && a.sentences == b.sentences && a.paragraphs.count == 2)
    }
}
