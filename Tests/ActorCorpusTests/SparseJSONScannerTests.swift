import Foundation
import Testing

@testable import ActorCorpus

/// The fast JSON reader must give exactly what `JSONDecoder` gives through `SparseRecord`, or give up.
@Suite("Sparse JSON reader")
struct SparseJSONScannerTests {
    static let wanted: Set<String> = ["content", "title", "date", "url", "id"]

    static func fast(_ json: String, wanted: Set<String> = wanted) -> [SparseRecord]? {
        Data(json.utf8).withUnsafeBytes { SparseJSONScanner(wanted: wanted).records($0) }
    }

    static func slow(_ json: String, wanted: Set<String> = wanted) -> SparseRecord.File? {
        try? SparseRecord.decoder(wanted: wanted).decode(SparseRecord.File.self, from: Data(json.utf8))
    }

    /// Taken by the fast reader, with the same records as `JSONDecoder`.
    static func expectSame(_ json: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let f = fast(json)
        #expect(f != nil, "the fast reader gave up on \(json)", sourceLocation: sourceLocation)
        if let f { #expect(slow(json) == .array(f), sourceLocation: sourceLocation) }
    }

    @Test("Escapes: quotes, backslashes, control escapes, \\u escapes and surrogate pairs, as JSONDecoder reads them")
    func escapes() {
        Self.expectSame(#"[{"content": "قال \"الوزير\": \\ / \/ \b\f\n\r\t end"}]"#)
        Self.expectSame(#"[{"content": "\u0041\u00e9\u0627\u0644\u0631\u064A\u0627\u0636 \uD83D\uDE00 \ud83c\udf0d"}]"#)
        Self.expectSame(#"[{"content": "سطر\nسطر\n\n\"اقتباس\" \u200f نهاية", "title": "عنوان \u2013 فرعي"}]"#)
        let records = Self.fast(#"[{"content": "a\"b\\c\u00e9\uD83D\uDE00\n"}]"#)
        #expect(records?.first?.fields["content"] == "a\"b\\cé😀\n")
    }

    @Test("Only wanted string fields are kept; other values of any kind are skipped; null and non-strings are left out")
    func sparse() {
        Self.expectSame(#"""
            [ {"id": "1", "content": "نص", "author": {"name": "x", "tags": [1, 2.5, -3e+2, true, false, null, "\u00e9"]},
               "views": 12, "title": null, "url": ["a"], "date": {"d": "2015-07-21"}},
              {}, {"content": ""},
              {"content": "x", "extra": [[[[]]], {}, 0, -0.0, 1E9, "\"\\"]} ]
            """#)
        Self.expectSame("[]")
        Self.expectSame(#"[{"other": 1, "other": "2", "content": "a"}]"#)
        Self.expectSame(" \n\t[\r\n{ \"content\" : \"a\" } ,{\"content\":\"b\"}\n] \n")
        #expect(Self.fast(#"[{"content": "نص", "other": 1}]"#)?.first?.fields == ["content": "نص"])
    }

    @Test("Gives up on what it does not handle or JSONDecoder refuses, so the JSONDecoder path decides")
    func givesUp() {
        let refused = [
            #"[{"content": "a"}"#, #"[{"content": "a"},]"#, #"[{"content": "a"}] x"#, #"{"content": "a"}"#,
            #"[{"content": "a"}, 3]"#, #"[{"content": 12}]"#, #"[{"content": "a", "content": "b"}]"#,
            #"[{"content": null, "content": "b"}]"#, #"[{"con\u0074ent": "a"}]"#, #"[{"content": "\ud800"}]"#,
            #"[{"content": "\udc00\ud800"}]"#, #"[{"content": "\u0000"}]"#, #"[{"content": "\x"}]"#,
            "[{\"content\": \"tab\there\"}]", #"[{"x": 01}]"#, #"[{"x": 1.}]"#, #"[{"x": .5}]"#, #"[{"x": tru}]"#,
            "\u{FEFF}[{\"content\": \"a\"}]", #"[{"x": "a"#,
        ]
        for json in refused { #expect(Self.fast(json) == nil, "took \(json)") }
        // Invalid UTF-8 in a wanted and in a skipped string.
        for bytes in [Array(#"[{"content": ""#.utf8) + [0xD8] + Array(#""}]"#.utf8),
                      Array(#"[{"other": ""#.utf8) + [0xC0, 0x80] + Array(#""}]"#.utf8)] {
            #expect(Data(bytes).withUnsafeBytes { SparseJSONScanner(wanted: Self.wanted).records($0) } == nil)
        }
        var deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(Self.fast(#"[{"x": "# + deep + "}]") == nil)
        deep = String(repeating: "[", count: 10) + String(repeating: "]", count: 10)
        Self.expectSame(#"[{"x": "# + deep + "}]")
    }

    @Test("Runs of Arabic letters, read eight bytes at a time: every length agrees with JSONDecoder, and a bad byte at any offset is refused")
    func arabicRuns() {
        let letters = Array("السعودية وإيران تتفقان".utf8)
        for n in stride(from: 0, through: letters.count, by: 2) {
            let prefix = String(decoding: letters[0..<n], as: UTF8.self)
            if prefix.utf8.count == n { Self.expectSame("[{\"content\": \"\(prefix)\"}]") }
        }
        let run = Array(String(repeating: "روسيا", count: 4).utf8)  // 40 bytes of two-byte letters
        for offset in 0..<run.count {
            for bad: [UInt8] in [[0x41], [0xC0], [0x22], [0x80, 0x80], [0xD8, 0xD8]] {
                var bytes = run
                bytes.replaceSubrange(offset..<min(offset + bad.count, bytes.count), with: bad)
                let json = Array(#"[{"content": ""#.utf8) + bytes + Array(#""}]"#.utf8)
                let fast = Data(json).withUnsafeBytes { SparseJSONScanner(wanted: Self.wanted).records($0) }
                let slow = try? SparseRecord.decoder(wanted: Self.wanted).decode(SparseRecord.File.self, from: Data(json))
                // Either the fast reader gives up, or it reads what JSONDecoder reads.
                if let fast { #expect(slow == .array(fast), "offset \(offset) \(bad)") }
                if slow == nil { #expect(fast == nil, "offset \(offset) \(bad): JSONDecoder refuses it") }
            }
        }
    }

    @Test("Keys are compared as JSONDecoder's String keys are (canonical equivalence)")
    func keys() {
        Self.expectSame("[{\"\u{212A}ey\": \"kelvin\", \"content\": \"a\"}]")
        let kelvin = Self.fast("[{\"\u{212A}ey\": \"v\"}]", wanted: ["Key"])
        #expect(kelvin?.first?.fields == ["Key": "v"])
        #expect(Self.slow("[{\"\u{212A}ey\": \"v\"}]", wanted: ["Key"]) == kelvin.map { .array($0) })
        Self.expectSame(#"[{"عنوان": "x", "content": "y"}]"#)
    }

    @Test("A corpus file read through CorpusReader gives the same documents either way")
    func reader() throws {
        let json = #"[{"content": "قال الرئيس \"السيسي\"\nإن مصر…", "date": "2015-07-21 10:00:00", "url": "http://x/1"},"# +
            #"{"content": "   "}, {"content": "نص", "date": "21/07/2015"}]"#
        #expect(CorpusReader.jsonReadersAgree(Data(json.utf8)))
        #expect(CorpusReader.jsonReadersAgree(Data(#"[{"content": "a", "content": "b"}]"#.utf8)))
        #expect(CorpusReader.jsonReadersAgree(Data("not json".utf8)))
    }

    @Test("Dates: the plain YYYY-MM-DD path agrees with the general parser")
    func dates() {
        for d in ["2015-07-21", "2015-07-21 10:00:00", "2015-07-21T10:00:00Z", "2015-02-29", "2016-02-29", "1899-01-01",
                  "2015-13-01", "2015-00-10", "2015-7-21", "21/07/2015", " 2015-07-21", "2015-07-21\n", "2015-07-2x",
                  "٢٠١٥-07-21", "2015-07-21x", "2015/07/21"] {
            let plain = DateParsing.plainISODay(d)
            if let plain { #expect(plain == DateParsing.isoDay(d), "\(d)") }
        }
        #expect(DateParsing.isoDay("2015-07-21 10:00:00") == "2015-07-21")
        #expect(DateParsing.isoDay("2015-02-29") == nil)
        #expect(DateParsing.isoDay("21/07/2015") == "2015-07-21")
    }

    @Test("Random mutations of a corpus file: the fast reader gives up or agrees with JSONDecoder")
    func mutations() {
        let seed = Array(#"""
            [{"content": "قال \"الوزير\":\n\u0627\uD83D\uDE00 / \\", "title": "عنوان", "date": "2015-07-21", "url": "http://x/1",
              "extra": [1, -2.5e+3, true, false, null, {"a": "b"}], "n": 0},
             {"content": "x", "id": "7"}]
            """#.utf8)
        let alphabet: [UInt8] = Array(#""\u{}[],:0123456789-+.eEntrfalsx "#.utf8) + [0x00, 0x09, 0x0A, 0x1F, 0x7F, 0x80, 0xA7, 0xC0, 0xD8, 0xDB, 0xED, 0xF0, 0xF4, 0xFF]
        var g = SystemRandomNumberGenerator()
        var taken = 0
        for _ in 0..<4000 {
            var bytes = seed
            for _ in 0..<Int.random(in: 1...3, using: &g) {
                let at = Int.random(in: 0..<bytes.count, using: &g)
                switch Int.random(in: 0..<3, using: &g) {
                case 0: bytes[at] = alphabet.randomElement(using: &g)!
                case 1: bytes.insert(alphabet.randomElement(using: &g)!, at: at)
                default: bytes.remove(at: at)
                }
            }
            let data = Data(bytes)
            #expect(CorpusReader.jsonReadersAgree(data), "\(String(decoding: bytes, as: UTF8.self))")
            if data.withUnsafeBytes({ SparseJSONScanner(wanted: Self.wanted).records($0) }) != nil { taken += 1 }
        }
        #expect(taken > 100)  // the fast reader takes many of them
    }
}
