import Foundation

/// Everything actorgraph knows about actors: states, officials, organisations, media and titles.
///
/// Loaded from TSV files (see `docs/knowledge-format.md`); later files override earlier entries with the same
/// id, which is how `--lexicon FILE` overlays work. A value type, `Sendable`, built once per run.
public struct KnowledgeBase: Sendable {
    public private(set) var states: [String: StateEntry] = [:]
    public private(set) var officials: [String: OfficialEntry] = [:]
    public private(set) var organizations: [String: OrganizationEntry] = [:]
    public private(set) var media: [String: MediaEntry] = [:]
    public private(set) var titles: [TitleEntry] = []
    /// Context words for the recogniser (cue kind → Arabic words), from `cues.tsv`.
    public private(set) var cues: [String: [String]] = [:]
    /// The stance trigger lexicon (`triggers.tsv`).
    public private(set) var triggers: [TriggerEntry] = []
    /// Given names (any language, in Arabic script) that help find unknown officials' names.
    public private(set) var givenNames: [String] = []
    /// Frequent ordinary words (common-words.tsv): never learned as a surname, and they end a discovered name.
    public private(set) var commonWords: [String] = []
    /// Ids defined again by a later file: (id, earlier origin, later origin). Expected for user overlays; a
    /// bug inside the bundled knowledge base (``validate()`` reports them).
    public private(set) var redefinitions: [(id: String, first: String, second: String)] = []

    private mutating func noteRedefinition(_ id: String, _ old: String?, _ new: String) {
        if let old { redefinitions.append((id, old, new)) }
    }

    public init() {}

    /// The knowledge base shipped with actorgraph.
    /// - Throws: ``KnowledgeError`` if a bundled file is malformed (a bug, caught by the tests).
    public static func bundled() throws -> KnowledgeBase {
        guard let dir = Bundle.module.url(forResource: "Knowledge", withExtension: nil) else {
            throw KnowledgeError(file: "Knowledge", line: 0, message: "the bundled knowledge base is missing from the installation")
        }
        var kb = KnowledgeBase()
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        // Fixed order: states and organisations first, so officials' places can be checked.
        for name in files.filter({ $0.hasSuffix(".tsv") }).sorted(by: Self.fileOrder) {
            try kb.load(contentsOf: dir.appendingPathComponent(name), displayName: "Knowledge/\(name)")
        }
        return kb
    }

    private static func fileOrder(_ a: String, _ b: String) -> Bool {
        func rank(_ s: String) -> Int {
            if s.hasPrefix("states") { return 0 }
            if s.hasPrefix("organizations") { return 1 }
            if s.hasPrefix("officials") { return 2 }
            return 3
        }
        return (rank(a), a) < (rank(b), b)
    }

    /// Loads one file and adds (or overrides) its entries.
    /// - Throws: ``KnowledgeError`` naming `file:line`, or when the file cannot be read.
    public mutating func load(contentsOf url: URL, displayName: String? = nil) throws(KnowledgeError) {
        let name = displayName ?? url.path
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw KnowledgeError(file: name, line: 0, message: "cannot read the file (\(error.localizedDescription)); check the path")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw KnowledgeError(file: name, line: Self.firstBadLine(data), message: "not valid UTF-8; save the file as UTF-8")
        }
        try load(text: text, file: name)
    }

    /// Loads entries from TSV text; the kind is told by the header.
    public mutating func load(text: String, file: String) throws(KnowledgeError) {
        let firstHeader = Self.firstHeader(of: text)
        if firstHeader.contains("roles") {
            try loadOfficials(text: text, file: file)
        } else if firstHeader.contains("adjectives_ar") {
            try loadStates(text: text, file: file)
        } else if firstHeader.contains("org_kind") {
            try loadOrganizations(text: text, file: file)
        } else if firstHeader.contains("media_kind") {
            try loadMedia(text: text, file: file)
        } else if firstHeader.contains("title_ar") {
            try loadTitles(text: text, file: file)
        } else if firstHeader.contains("trigger_ar") {
            try loadTriggers(text: text, file: file)
        } else if firstHeader.contains("cue_ar") {
            try loadCues(text: text, file: file)
        } else if firstHeader.contains("given_name_ar") {
            let t = try TSVTable(text: text, file: file, allowed: ["given_name_ar", "origin"], required: ["given_name_ar"])
            givenNames += t.rows.flatMap { $0.list("given_name_ar") }
        } else if firstHeader.contains("common_word_ar") {
            let t = try TSVTable(text: text, file: file, allowed: ["common_word_ar"], required: ["common_word_ar"])
            commonWords += t.rows.map { $0.value("common_word_ar") }
        } else {
            throw KnowledgeError(
                file: file, line: 1,
                message: "cannot tell what this file holds: its header must include roles (officials), adjectives_ar (states), org_kind (organisations), media_kind (media), title_ar (titles), cue_ar (cues), trigger_ar (stance triggers), given_name_ar (given names) or common_word_ar (common words)")
        }
    }

    /// The column names of the first line that is neither blank nor a comment (empty when there is none).
    /// - Complexity: O(k) in the bytes up to that line's end, not the whole text.
    static func firstHeader(of text: String) -> Set<String> {
        var text = text
        return text.withUTF8 { bytes in
            var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0  // a byte-order mark
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
                let line = TSVTable.trimmed(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                if !line.isEmpty && !line.hasPrefix("#") {
                    var names = Set<String>()
                    TSVTable.forEachPiece(of: UnsafeBufferPointer(rebasing: bytes[start..<end]), separatedBy: UInt8(ascii: "\t")) {
                        names.insert(TSVTable.trimmed($0))
                    }
                    return names
                }
                start = end + 1
            }
            return []
        }
    }

    // MARK: Kinds

    private mutating func loadStates(text: String, file: String) throws(KnowledgeError) {
        let t = try TSVTable(
            text: text, file: file,
            allowed: ["id", "name_en", "names_ar", "adjectives_ar", "capital_ar", "institutions_ar", "member_of"],
            required: ["id", "name_en", "names_ar"])
        for r in t.rows {
            let id = r.value("id")
            guard id.count == 3, id.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                throw KnowledgeError(file: file, line: r.line, message: "state id \"\(id)\" is not an ISO 3166-1 alpha-3 code (three capital letters, e.g. RUS)")
            }
            noteRedefinition(id, states[id]?.origin, "\(file):\(r.line)")
            states[id] = StateEntry(
                id: id, nameEn: r.value("name_en"), namesAr: r.list("names_ar"), adjectivesAr: r.list("adjectives_ar"),
                capitalAr: r.list("capital_ar"), institutionsAr: r.list("institutions_ar"), memberOf: r.list("member_of"),
                origin: "\(file):\(r.line)")
        }
    }

    private mutating func loadOfficials(text: String, file: String) throws(KnowledgeError) {
        let t = try TSVTable(
            text: text, file: file, allowed: ["id", "name_en", "names_ar", "short_ar", "roles", "note"],
            required: ["id", "name_en", "names_ar", "roles"])
        for r in t.rows {
            let id = try Self.slug(r.value("id"), file: file, line: r.line)
            var roles: [Role] = []
            for spec in r.list("roles") {
                roles.append(try Self.parseRole(spec, file: file, line: r.line))
            }
            noteRedefinition(id, officials[id]?.origin, "\(file):\(r.line)")
            officials[id] = OfficialEntry(
                id: id, nameEn: r.value("name_en"), namesAr: r.list("names_ar"),
                shortAr: Self.shortForms(r.list("short_ar")), roles: roles, origin: "\(file):\(r.line)")
        }
    }

    private mutating func loadOrganizations(text: String, file: String) throws(KnowledgeError) {
        let t = try TSVTable(
            text: text, file: file,
            allowed: ["id", "name_en", "names_ar", "short_ar", "org_kind", "country", "parent"],
            required: ["id", "name_en", "names_ar", "org_kind"])
        for r in t.rows {
            let id = try Self.slug(r.value("id"), file: file, line: r.line)
            guard let kind = OrganizationKind(rawValue: r.value("org_kind")) else {
                throw KnowledgeError(file: file, line: r.line, message: "org_kind \"\(r.value("org_kind"))\" is not one of: \(OrganizationKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let country = r.value("country")
            noteRedefinition(id, organizations[id]?.origin, "\(file):\(r.line)")
            organizations[id] = OrganizationEntry(
                id: id, nameEn: r.value("name_en"), namesAr: r.list("names_ar"), shortAr: Self.shortForms(r.list("short_ar")),
                kind: kind, country: country.isEmpty ? nil : country,
                parent: r.value("parent").isEmpty ? nil : r.value("parent"), origin: "\(file):\(r.line)")
        }
    }

    private mutating func loadMedia(text: String, file: String) throws(KnowledgeError) {
        let t = try TSVTable(
            text: text, file: file, allowed: ["id", "name_en", "names_ar", "media_kind", "country"],
            required: ["id", "name_en", "names_ar", "media_kind"])
        for r in t.rows {
            let id = try Self.slug(r.value("id"), file: file, line: r.line)
            let country = r.value("country")
            media[id] = MediaEntry(
                id: id, nameEn: r.value("name_en"), namesAr: r.list("names_ar"), kind: r.value("media_kind"),
                country: country.isEmpty ? nil : country, origin: "\(file):\(r.line)")
        }
    }

    private mutating func loadTitles(text: String, file: String) throws(KnowledgeError) {
        let t = try TSVTable(text: text, file: file, allowed: ["title_ar", "role", "where"], required: ["title_ar", "role"])
        for r in t.rows {
            guard let role = RoleCode(rawValue: r.value("role")) else {
                throw KnowledgeError(file: file, line: r.line, message: "unknown role \"\(r.value("role"))\"; see docs/knowledge-format.md for the role codes")
            }
            let place = r.value("where")
            titles.append(TitleEntry(titleAr: r.value("title_ar"), role: role, place: place.isEmpty ? nil : place, origin: "\(file):\(r.line)"))
        }
    }

    /// The cue kinds the recogniser understands.
    public static let cueKinds: Set<String> = [
        "counterpart", "generic_official", "venue_preposition", "meeting_noun", "institution_noun", "person_context",
        "negation", "cancellation", "reporting_verb", "not_actor", "kingdom", "salient_state", "demand_construction", "sign_construction", "suspend_construction", "alongside",
    ]

    private mutating func loadTriggers(text: String, file: String) throws(KnowledgeError) {
        let t = try TSVTable(text: text, file: file, allowed: ["trigger_ar", "category", "intensity", "kind", "note"],
                             required: ["trigger_ar", "category", "intensity"])
        for r in t.rows {
            guard let category = TriggerCategory(rawValue: r.value("category")) else {
                throw KnowledgeError(file: file, line: r.line, message: "unknown category \"\(r.value("category"))\"; use one of: \(TriggerCategory.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let intensity = Double(r.value("intensity")), (-10...10).contains(intensity) else {
                throw KnowledgeError(file: file, line: r.line, message: "intensity \"\(r.value("intensity"))\" must be a number from -10 to 10")
            }
            guard (intensity > 0) == category.isCooperative, intensity != 0 else {
                throw KnowledgeError(file: file, line: r.line, message: "intensity \(r.value("intensity")) has the wrong sign for \(category.rawValue) (\(category.isCooperative ? "cooperative: above 0" : "conflictual: below 0"))")
            }
            triggers.append(TriggerEntry(forms: r.list("trigger_ar"), category: category, intensity: intensity,
                                         kind: r.value("kind"), origin: "\(file):\(r.line)"))
        }
    }

    private mutating func loadCues(text: String, file: String) throws(KnowledgeError) {
        let t = try TSVTable(text: text, file: file, allowed: ["cue_ar", "cue", "note"], required: ["cue_ar", "cue"])
        for r in t.rows {
            let kind = r.value("cue")
            guard Self.cueKinds.contains(kind) else {
                throw KnowledgeError(file: file, line: r.line, message: "unknown cue \"\(kind)\"; use one of: \(Self.cueKinds.sorted().joined(separator: ", "))")
            }
            cues[kind, default: []] += r.list("cue_ar")
        }
    }

    // MARK: Field parsers

    private static func slug(_ id: String, file: String, line: Int) throws(KnowledgeError) -> String {
        guard !id.isEmpty, id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
            throw KnowledgeError(file: file, line: line, message: "id \"\(id)\" must be a lowercase ASCII slug (letters, digits, -), e.g. sergey-lavrov")
        }
        return id
    }

    private static func shortForms(_ list: [String]) -> [ShortForm] {
        list.map { s in
            s.hasSuffix("?") ? ShortForm(text: String(s.dropLast()).trimmingCharacters(in: .whitespaces), ambiguous: true)
                : ShortForm(text: s, ambiguous: false)
        }
    }

    /// Parses `ROLE@WHERE:FROM..TO`.
    static func parseRole(_ spec: String, file: String, line: Int) throws(KnowledgeError) -> Role {
        let expected = "expected ROLE@WHERE:FROM..TO, e.g. foreign_minister@RUS:2004-03-09.."
        // Split on the UTF-8 bytes (the separators are ASCII): Character and Foundation searches made loading
        // the officials' roles a third of the knowledge base's load time.
        let bytes = Array(spec.utf8)
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), let colon = bytes[at...].firstIndex(of: UInt8(ascii: ":")),
              let dots = bytes.indices.dropFirst(colon).first(where: { $0 + 1 < bytes.count && bytes[$0] == UInt8(ascii: ".") && bytes[$0 + 1] == UInt8(ascii: ".") })
        else {
            throw KnowledgeError(file: file, line: line, message: "role \"\(spec)\": \(expected)")
        }
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        let codeText = text(0..<at)
        guard let code = RoleCode.byName[codeText] else {
            throw KnowledgeError(file: file, line: line, message: "role \"\(spec)\": unknown role code \"\(codeText)\"; see docs/knowledge-format.md")
        }
        let place = text(at + 1..<colon)
        guard !place.isEmpty else { throw KnowledgeError(file: file, line: line, message: "role \"\(spec)\": no place after @; \(expected)") }
        let fromText = text(colon + 1..<dots)
        let toText = text(dots + 2..<bytes.count)
        guard let from = PartialDate(fromText) else {
            throw KnowledgeError(file: file, line: line, message: "role \"\(spec)\": start date \"\(fromText)\" is not YYYY, YYYY-MM or YYYY-MM-DD")
        }
        var to: PartialDate? = nil
        if !toText.isEmpty {
            guard let d = PartialDate(toText) else {
                throw KnowledgeError(file: file, line: line, message: "role \"\(spec)\": end date \"\(toText)\" is not YYYY, YYYY-MM or YYYY-MM-DD")
            }
            guard from.first <= d.last else {
                throw KnowledgeError(file: file, line: line, message: "role \"\(spec)\": ends (\(toText)) before it starts (\(fromText))")
            }
            to = d
        }
        return Role(code: code, place: place, from: from, to: to)
    }

    private static func firstBadLine(_ data: Data) -> Int {
        var line = 1
        var start = data.startIndex
        for (i, b) in zip(data.indices, data) where b == 0x0A {
            if String(data: data[start..<i], encoding: .utf8) == nil { return line }
            line += 1
            start = i + 1
        }
        return line
    }
}

extension KnowledgeBase {
    /// The state a person belonged to on `date`: the place of the role held that day (the latest-started
    /// if several), else of the role nearest in time. A role in an organisation gives the organisation's
    /// country, which is `nil` for intergovernmental ones: Guterres speaks for the UN, not for Portugal.
    public func country(ofOfficial id: String, at date: String?) -> String? {
        guard let role = officials[id]?.primaryRole(at: date) else { return nil }
        if states[role.place] != nil { return role.place }
        return organizations[role.place]?.country
    }

    /// The organisation a person spoke for on `date`, if their role that day (or nearest) is in one.
    public func organization(ofOfficial id: String, at date: String?) -> String? {
        guard let role = officials[id]?.primaryRole(at: date) else { return nil }
        return organizations[role.place] != nil ? role.place : nil
    }

    /// Checks the invariants of the whole knowledge base; each problem is described with its origin.
    public func validate() -> [String] {
        var problems: [String] = []
        for r in redefinitions { problems.append("\(r.second): id \(r.id) already defined at \(r.first)") }
        var ids: [String: String] = [:]
        func claim(_ id: String, _ origin: String) {
            if let other = ids[id] { problems.append("\(origin): id \(id) also used at \(other)") } else { ids[id] = origin }
        }
        for s in states.values.sorted(by: { $0.id < $1.id }) {
            claim(s.id, s.origin)
            if s.namesAr.isEmpty { problems.append("\(s.origin): state \(s.id) has no Arabic name") }
            for m in s.memberOf where organizations[m] == nil { problems.append("\(s.origin): member_of \(m) is not an organisation id") }
        }
        for o in organizations.values.sorted(by: { $0.id < $1.id }) {
            claim(o.id, o.origin)
            if let c = o.country, states[c] == nil { problems.append("\(o.origin): country \(c) is not a state id") }
            if let p = o.parent, organizations[p] == nil { problems.append("\(o.origin): parent \(p) is not an organisation id") }
        }
        for p in officials.values.sorted(by: { $0.id < $1.id }) {
            claim(p.id, p.origin)
            if p.namesAr.contains(where: { $0.isEmpty }) { problems.append("\(p.origin): empty Arabic name") }
            for r in p.roles {
                if states[r.place] == nil && organizations[r.place] == nil {
                    problems.append("\(p.origin): role place \(r.place) is neither a state nor an organisation id")
                }
                if r.from.first < "1940-01-01" { problems.append("\(p.origin): role starts implausibly early (\(r.from))") }
            }
        }
        for m in media.values.sorted(by: { $0.id < $1.id }) {
            claim(m.id, m.origin)
        }
        for t in titles {
            if let p = t.place, organizations[p] == nil { problems.append("\(t.origin): title place \(p) is not an organisation id") }
        }
        return problems
    }
}
