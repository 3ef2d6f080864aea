import Foundation
import Testing

@testable import ActorKnowledge

@Suite("Knowledge base")
struct KnowledgeBaseTests {
    let kb: KnowledgeBase

    init() throws { kb = try KnowledgeBase.bundled() }

    @Test("The bundled knowledge base satisfies its invariants (unique ids, valid places and parents)")
    func invariants() {
        let problems = kb.validate()
        #expect(problems.isEmpty, "\(problems.prefix(20).joined(separator: "\n"))")
    }

    @Test("Every state id is an ISO 3166-1 alpha-3 code known to Debian's iso-codes (Kosovo: XKX)")
    func isoCodes() throws {
        let path = "/usr/share/iso-codes/json/iso_3166-1.json"
        let data = try #require(FileManager.default.contents(atPath: path), "iso-codes is not installed; scripts/setup.sh installs it")
        struct ISO: Decodable { let entries: [[String: String]]; enum CodingKeys: String, CodingKey { case entries = "3166-1" } }
        let codes = Set(try JSONDecoder().decode(ISO.self, from: data).entries.compactMap { $0["alpha_3"] })
        for id in kb.states.keys where id != "XKX" {
            #expect(codes.contains(id), "\(id) is not an ISO alpha-3 code")
        }
    }

    @Test("All UN members and observers plus Taiwan, Kosovo and Western Sahara are covered")
    func coverage() {
        #expect(kb.states.count >= 198)
        for id in ["RUS", "USA", "IRN", "TUR", "SYR", "LBN", "IRQ", "SAU", "PSE", "VAT", "TWN", "XKX", "ESH", "YEM", "LBY", "SSD"] {
            #expect(kb.states[id] != nil, "missing state \(id)")
        }
        #expect(kb.officials.count >= 500, "only \(kb.officials.count) officials")
        for id in ["un", "unsc", "eu", "nato", "arab-league", "gcc", "opec", "hezbollah", "hamas", "houthis", "isis", "hts", "sdf", "snc"] {
            #expect(kb.organizations[id] != nil, "missing organisation \(id)")
        }
    }

    @Test("Every entry has Arabic names written in Arabic script")
    func arabicForms() {
        func arabic(_ s: String) -> Bool { s.unicodeScalars.contains { (0x600...0x6FF).contains($0.value) } }
        for s in kb.states.values { #expect(s.namesAr.allSatisfy(arabic), "\(s.origin)") }
        for p in kb.officials.values {
            #expect(!p.namesAr.isEmpty && p.namesAr.allSatisfy(arabic), "\(p.origin)")
            #expect(p.shortAr.allSatisfy { arabic($0.text) }, "\(p.origin)")
        }
        for o in kb.organizations.values { #expect(!o.namesAr.isEmpty, "\(o.origin)") }
    }

    @Test("Tenures make sense: they start after 1940, end after they start, and at most one head of state per state at a time is not enforced but each person has a role")
    func tenures() {
        for p in kb.officials.values {
            #expect(!p.roles.isEmpty, "\(p.origin): no role")
            for r in p.roles {
                #expect(r.from.first >= "1940-01-01", "\(p.origin)")
                if let to = r.to { #expect(r.from.first <= to.last, "\(p.origin)") }
                #expect(r.from.first <= "2026-12-31", "\(p.origin): starts in the future")
            }
        }
    }

    @Test("A title resolves by date: Iran's foreign minister is Zarif in 2016 and Araghchi in late 2024")
    func officeholdersByDate() throws {
        func fm(_ date: String) -> String? {
            kb.officials.values.first { p in p.roles.contains { $0.code == .foreignMinister && $0.place == "IRN" && $0.covers(date) } }?.id
        }
        #expect(fm("2016-12-03")?.contains("zarif") == true)
        #expect(fm("2024-11-30")?.contains("araghchi") == true)
    }

    @Test("A malformed line names file:line and what was expected")
    func malformedLine() {
        var k = KnowledgeBase()
        #expect(throws: KnowledgeError(file: "x.tsv", line: 3, message: "role \"foreign_minister@RUS:2004-13..\": start date \"2004-13\" is not YYYY, YYYY-MM or YYYY-MM-DD")) {
            try k.load(text: "id\tname_en\tnames_ar\troles\n\nx\tX\tاكس\tforeign_minister@RUS:2004-13..\n", file: "x.tsv")
        }
        #expect(throws: KnowledgeError.self) { try k.load(text: "id\tname_en\tnames_ar\troles\na\tA\tا\tpresident@RUS:2004..\n", file: "y.tsv") }
        #expect(throws: KnowledgeError.self) { try k.load(text: "id\tname_en\tnames_ar\tbogus\n", file: "z.tsv") }
        #expect(throws: KnowledgeError.self) { try k.load(text: "id\tname_en\tnames_ar\tadjectives_ar\nru\tRussia\tروسيا\tروسي\n", file: "s.tsv") }
    }

    @Test("A user file overrides a bundled entry with the same id")
    func overlay() throws {
        var k = kb
        try k.load(text: "id\tname_en\tnames_ar\tadjectives_ar\nRUS\tRussian Federation\tروسيا\tروسي\n", file: "mine.tsv")
        #expect(k.states["RUS"]?.nameEn == "Russian Federation")
        #expect(k.states["RUS"]?.origin == "mine.tsv:2")
    }

    @Test("An id defined in two files is reported by validate (and the later file wins)")
    func redefinition() throws {
        var k = KnowledgeBase()
        try k.load(text: "id\tname_en\tnames_ar\tadjectives_ar\nRUS\tRussia\tروسيا\tروسي\n", file: "a.tsv")
        try k.load(text: "id\tname_en\tnames_ar\tadjectives_ar\nRUS\tRussian Federation\tروسيا\tروسي\n", file: "b.tsv")
        #expect(k.states["RUS"]?.nameEn == "Russian Federation")
        #expect(k.validate().contains { $0.contains("b.tsv:2: id RUS already defined at a.tsv:2") })
    }

    @Test("TSV files are read as people write them: a BOM, CRLF line ends, comments, blank lines and padded fields")
    func tsvAsWritten() throws {
        var k = KnowledgeBase()
        let text = "\u{FEFF}# states of the test\r\n\r\n  \t \r\nid\tname_en\tnames_ar\tadjectives_ar\tcapital_ar\r\n"
            + "# a comment between rows\r\n"
            + "RUS\t Russia \t\u{00A0}روسيا| روسيا الاتحادية |\u{00A0}|\tروسي\r\n"
            + "IRN\tIran\tإيران\t\t\r\n"
            + "TUR\tTurkey\tتركيا"
        try k.load(text: text, file: "s.tsv")
        #expect(k.states["RUS"]?.nameEn == "Russia")
        #expect(k.states["RUS"]?.namesAr == ["روسيا", "روسيا الاتحادية"])
        #expect(k.states["RUS"]?.adjectivesAr == ["روسي"])
        #expect(k.states["RUS"]?.origin == "s.tsv:6")
        #expect(k.states["IRN"]?.adjectivesAr == [] && k.states["IRN"]?.capitalAr == [])
        // A row may stop before the last columns; a row may not have more fields than the header.
        #expect(k.states["TUR"]?.namesAr == ["تركيا"] && k.states["TUR"]?.origin == "s.tsv:8")
        #expect(throws: KnowledgeError(file: "t.tsv", line: 2, message: "6 fields but the header names 5 columns (a stray TAB?)")) {
            try k.load(text: "id\tname_en\tnames_ar\tadjectives_ar\tcapital_ar\nEGY\tEgypt\tمصر\tمصري\tالقاهرة\t\n", file: "t.tsv")
        }
        #expect(throws: KnowledgeError(file: "u.tsv", line: 3, message: "the required field \"names_ar\" is empty")) {
            try k.load(text: "# c\nid\tname_en\tnames_ar\tadjectives_ar\nEGY\tEgypt\t \tمصري\n", file: "u.tsv")
        }
    }
}
