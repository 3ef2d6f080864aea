import ActorKnowledge
import ActorText

/// Finds the actors mentioned in one document.
///
/// Stages: a longest-match scan over the compiled lexicon (`scan`), then resolution with the document's
/// context: title patterns (title + state + name), date-aware officeholders for unnamed titles, discovery of
/// officials not in the knowledge base, coreference (surnames, "الوزير الروسي", "نظيره التركي"), and capitals
/// as venues rather than actors. News media block matches inside their names and are never actors.
///
/// A `Recognizer` is immutable and `Sendable`; use one for all documents of a run.
public struct Recognizer: Sendable {
    public let lexicon: CompiledLexicon
    public var knowledge: KnowledgeBase { lexicon.knowledge }

    public init(lexicon: CompiledLexicon) { self.lexicon = lexicon }

    public init(knowledge: KnowledgeBase) { self.lexicon = CompiledLexicon(knowledge: knowledge) }

    /// The mentions in `text`, in text order.
    /// - Parameter date: the document's date (`YYYY-MM-DD`), used to resolve titles and affiliations.
    /// - Complexity: O(t) in the tokens of the text.
    public func mentions(in text: TokenizedText, date: String?) -> [Mention] { resolve(text, date: date).mentions }

    /// The raw lexicon matches of `text` and the mentions resolved from them.
    func resolve(_ text: TokenizedText, date: String?) -> (raw: [RawMatch], mentions: [Mention]) {
        let raw = lexicon.scan(text)
        let r = Resolution(recognizer: self, text: text, date: date, raw: raw)
        r.run()
        return (raw, r.mentions)
    }

    /// Names and kind of an actor id found by this recogniser (knowledge base or discovered).
    public func describe(_ id: String, date: String?) -> ActorDescription? {
        if let s = knowledge.states[id] {
            return ActorDescription(id: id, nameEn: s.nameEn, nameAr: s.namesAr.first ?? s.nameEn, kind: .state, country: id)
        }
        if let p = knowledge.officials[id] {
            return ActorDescription(
                id: id, nameEn: p.nameEn, nameAr: p.namesAr.first ?? p.nameEn, kind: .person,
                country: knowledge.country(ofOfficial: id, at: date))
        }
        if let o = knowledge.organizations[id] {
            return ActorDescription(id: id, nameEn: o.nameEn, nameAr: o.namesAr.first ?? o.nameEn, kind: .organization, country: o.country)
        }
        return nil
    }
}

/// The per-document resolution state.
///
/// A class, not a struct: the rules are many small methods over a large state (457 bytes), and as a struct
/// every call from a mutating rule copied it and retained its fields (memcpy and retain/release were 4% of
/// a corpus build). Used by one thread, for one document.
final class Resolution {
    let recognizer: Recognizer
    let text: TokenizedText
    let date: String?
    let raw: [RawMatch]
    var mentions: [Mention] = []
    /// Persons named so far in the document (set for membership, list for a deterministic order).
    var introduced: Set<String> = []
    var introducedOrder: [String] = []
    var lastPerson: (id: String, role: RoleCode?)? = nil
    var lastPersonByCountry: [String: String] = [:]
    /// The office a person found by a title (not in the knowledge base) was named with.
    var lastRoleByPerson: [String: RoleCode] = [:]
    /// Discovered officials: id → the name as written.
    var discovered: [String: String] = [:]
    /// Surname tokens learned from people named in full (hash of the normalised token → index into
    /// ``surnameOwners``). See `Resolution+Surnames.swift`.
    var surnames = FlatHashMap(capacity: 8)
    /// The people of ``surnames``' values (a value is an index here; ``ambiguousSurname`` when two share it).
    var surnameOwners: [String] = []
    static let ambiguousSurname = Int32.max
    /// Mentions so far per state (its own and its people's), and the state leading them: kept as mentions are
    /// emitted, so resolving "الحكومة" or "المملكة" is O(1) however long the document.
    var stateCounts: [String: Int] = [:]
    var salient: (state: String, count: Int, tied: Bool)? = nil
    /// The Arab kingdom named last.
    var lastKingdom: String? = nil
    /// Which sentences are about sports (see ``isSportsSentence(_:)``), by sentence index: 0 not yet known,
    /// 1 no, 2 yes (an array, not a dictionary: asked for most matches).
    var sportsSentences: [UInt8]
    /// State and organisation of known officials on the document's date, computed once per person.
    var affiliations: [String: (country: String?, organization: String?)] = [:]
    /// ``sidePresent(_:)``'s answers, by person.
    var sidesPresent: [String: Bool] = [:]

    /// The state and organisation a known official speaks for on the document's date (cached).
    func affiliation(_ id: String) -> (country: String?, organization: String?) {
        if let a = affiliations[id] { return a }
        let a = (kb.country(ofOfficial: id, at: date), kb.organization(ofOfficial: id, at: date))
        affiliations[id] = a
        return a
    }

    var lexicon: CompiledLexicon { recognizer.lexicon }
    var kb: KnowledgeBase { recognizer.knowledge }

    /// The document's date as a day number, computed once.
    let dateDay: Int?

    init(recognizer: Recognizer, text: TokenizedText, date: String?, raw: [RawMatch]) {
        self.recognizer = recognizer
        self.text = text
        self.date = date
        self.dateDay = date.map(dayNumber)
        self.raw = raw
        self.sportsSentences = [UInt8](repeating: 0, count: text.sentences.count)
        // About one raw match in four becomes a mention on news text.
        mentions.reserveCapacity(raw.count / 4 + 1)
    }

    // MARK: Helpers over raw matches

    func adjacent(_ a: Int, _ b: Int, allowComma: Bool = false) -> Bool {
        guard a < raw.count, b < raw.count else { return false }
        guard raw[a].tokens.upperBound == raw[b].tokens.lowerBound else { return false }
        let boundary = text.tokens[raw[b].tokens.lowerBound].boundaryBefore
        return boundary == .space || (allowComma && boundary == .clause)
    }

    func state(_ k: Int, form: AliasTarget.StateForm? = nil) -> String? {
        guard k < raw.count, raw[k].has(kinds: form.map(RawMatch.Kinds.state) ?? RawMatch.Kinds.anyState) else { return nil }
        for t in raw[k].targets {
            if case .state(let id, let f) = t, form == nil || f == form { return id }
        }
        return nil
    }

    func person(_ k: Int, allowAmbiguous: Bool) -> String? {
        guard k < raw.count, raw[k].has(kinds: RawMatch.Kinds.person) else { return nil }
        // An ambiguous surname beside another given name is part of somebody else's name, whatever the context.
        let otherName = raw[k].has(kinds: RawMatch.Kinds.ambiguousPerson) && besideOtherGivenName(k)
        // Any surname right after a given name that is not part of the match is somebody else's: "بيل أوربان"
        // (a Pentagon spokesman), not Viktor Orbán; the person's own full names are matched whole before this.
        // Asked only when the match has a short form (most person matches are full names).
        let hasShort = raw[k].targets.contains { if case .person(_, true, _) = $0 { return true } else { return false } }
        let givenNameBefore = hasShort && givenNameBefore(k, strict: true)
        // After بن (son of) a name is the father's, after a profession outside politics another person's.
        let notThisPerson = hasShort && (afterSonOf(k) || afterProfession(k))
        // A full name right after بن is a father's and grandfather's (علي بن محمد الحداد); a name of the form "X بن Y"
        // followed by a family name is another X bin Y's (أحمد بن عبدالعزيز قطان, an ambassador, not the prince).
        let anotherFullName = !hasShort && raw[k].tokens.count > 1 && (afterSonOfFullName(k) || patronymicGoesOn(k))
        // A ruler's context word (نظام الأسد، قوات حفتر، حكم مبارك) names the person without his state in the story;
        // an honorific (الرئيس، الأمير، الشيخ) does not.
        let regimeContext = k > 0 && adjacent(k - 1, k) && Self.regimeWords.contains(text.hashes[raw[k - 1].tokens.lowerBound])
        // A nisba surname right after a definite nisba adjective is an adjective of the same noun: "الديوان
        // الملكي الهاشمي" is the Hashemite Royal Court, not Tariq al-Hashimi.
        let adjectiveChain = raw[k].has(kinds: RawMatch.Kinds.ambiguousPerson) && afterNisbaAdjective(k)
        // An ambiguous surname that goes on with a family name is a given name: "عارف الشمري", "صالح الحازمي".
        let givenNameOfAnother = raw[k].has(kinds: RawMatch.Kinds.ambiguousPerson) && familyNameAfter(k)
        var candidates: [String] = []
        for t in raw[k].targets {
            if case .person(let id, let short, let ambiguous) = t,
               !(short && (notThisPerson || (givenNameBefore && !ownGivenName(raw[k].tokens.lowerBound - 1, of: id))
                    || hamzaNotInName(k, of: id))),
               !(ambiguous && (adjectiveChain || givenNameOfAnother)),
               !(!short && anotherFullName),
               !ambiguous || (!otherName && (introduced.contains(id)
                    || (allowAmbiguous && !beforeFirstOffice(id) && !otherBearerInDocument(k, of: id)
                        && (regimeContext || sidePresent(id))))) {
                candidates.append(id)
            }
        }
        if candidates.count <= 1 { return candidates.first }
        // Several people share the name: prefer one named before, then one in office on the date.
        if let c = candidates.first(where: { introduced.contains($0) }) { return c }
        if let day = dateDay, let c = candidates.first(where: { id in kb.officials[id]?.roles.contains { $0.covers(day: day) } == true }) { return c }
        return candidates.sorted().first
    }

    /// Whether the one-word match `k` stands beside a given name that belongs to no other match: then it is
    /// part of another person's name — "المهندس عبدالله" (the engineer Abdullah, not Abu Mahdi al-Muhandis),
    /// "الفنانة هيام يونس" (another Younis), "أبي علي" (a kunya). A given name that begins a known person's
    /// name is that person, the object of a verb-first sentence: "استقبل الأسد محمد جواد ظريف".
    /// - Complexity: O(1).
    func besideOtherGivenName(_ k: Int) -> Bool {
        guard raw[k].tokens.count == 1 else { return false }
        let t = raw[k].tokens.lowerBound
        // A given name that normalises to one of the commonest words is that word: على (on) is علي.
        func givenName(_ i: Int) -> Bool {
            lexicon.givenNames[text.hashes[i]] != nil && (lexicon.commonWords[text.hashes[i]] ?? .max) >= CompiledLexicon.grammarWordRank
        }
        // After the surname stands the next word of the sentence, which may be a name only by spelling ("يحاول
        // كاميرون تحسين شروط": improving): a given name counts there when a name goes on after it (بن, or a word
        // that is not a frequent ordinary one: "المهندس طارق العيسى").
        func nameGoesOn(_ i: Int) -> Bool {
            guard i < text.tokens.count, text.tokens[i].spaceOnlyBefore else { return false }
            let h = text.hashes[i]
            return Self.sonOf.contains(h) || lexicon.commonWords[h] == nil
        }
        if t + 1 < text.tokens.count, text.tokens[t + 1].spaceOnlyBefore, givenName(t + 1), nameGoesOn(t + 2),
           !(k + 1 < raw.count && raw[k + 1].tokens.lowerBound == t + 1 && raw[k + 1].has(kinds: RawMatch.Kinds.person)) {
            return true
        }
        return givenNameBefore(k, strict: false)
    }

    /// Whether the document's date comes before every office person `id` held. An ambiguous surname alone, in
    /// context, is not taken for somebody who was not yet in public life: in 2015 "وقال سعيد" is not Tunisia's
    /// president of 2019, nor "نظام سريع" the Houthis' spokesman of 2019. Former officeholders stay (قوات صالح).
    func beforeFirstOffice(_ id: String) -> Bool {
        guard let day = dateDay, let official = kb.officials[id], !official.roles.isEmpty else { return false }
        return official.roles.allSatisfy { $0.fromDay > day }
    }

    /// Whether the one-word match `k` is a definite nisba (ال…ي) right after another one with only a space
    /// between, not a nationality or a name: the second adjective of a noun (الديوان الملكي الهاشمي، الوالي
    /// العثماني), where "الزعيم الليبي القذافي" is a title, a nationality and a name.
    func afterNisbaAdjective(_ k: Int) -> Bool {
        typealias A = ArabicAlphabet
        let t = raw[k].tokens.lowerBound
        guard raw[k].tokens.count == 1, raw[k].strip == 0, t > 0, text.tokens[t].spaceOnlyBefore else { return false }
        // Not after an actor's name either: "وحث السيستاني العبادي" is two people.
        if k > 0, raw[k - 1].tokens.upperBound == t,
           raw[k - 1].has(kinds: RawMatch.Kinds.anyState | RawMatch.Kinds.person | RawMatch.Kinds.organization) { return false }
        func nisba(_ i: Int) -> Bool {
            text.codes(of: i).count >= 5 && text.codes(of: i, beginWith: [A.alef, A.lam]) && text.codes(of: i, endWith: [A.yeh])
        }
        return nisba(t) && nisba(t - 1)
    }

    /// Whether the one-word match `k` is followed, with only a space between, by a definite nisba that is neither
    /// a frequent ordinary word nor in the lexicon: a family name, so the match is somebody's given name ("عارف
    /// الغازي المتحدث الرسمي", "صالح الحازمي").
    func familyNameAfter(_ k: Int) -> Bool {
        typealias A = ArabicAlphabet
        let t = raw[k].tokens.upperBound
        // A family name here is a nisba (الشمري، الغازي): an adjective after the name agrees with a noun before it
        // (قوات هادي المدعومة، دولة الأسد العابرة) and is not taken for one.
        guard raw[k].tokens.count == 1, t < text.tokens.count, text.tokens[t].spaceOnlyBefore,
              text.codes(of: t).count >= 5, text.codes(of: t, beginWith: [A.alef, A.lam]), text.codes(of: t, endWith: [A.yeh]),
              lexicon.commonWords[text.hashes[t]] == nil else { return false }
        return !(k + 1 < raw.count && raw[k + 1].tokens.lowerBound == t)
    }

    /// Whether the document names somebody else with the surname of match `k`: the same word right after a given
    /// name that is not person `id`'s own ("اللواء عبدالله الفالح … وأوضح الفالح" is not Khalid al-Falih).
    /// - Complexity: O(t) in the tokens; asked only for ambiguous surnames taken by context.
    func otherBearerInDocument(_ k: Int, of id: String) -> Bool {
        let t = raw[k].tokens.lowerBound
        let h = text.hashes[t]
        for j in 1..<text.tokens.count where j != t && text.hashes[j] == h && text.tokens[j].spaceOnlyBefore {
            // Names the lexicon knows whole (علي عبدالله صالح، حافظ الأسد) are told apart by the usual rules; an
            // unknown bearer is what this is about.
            if inMultiWordMatch(j) { continue }
            let g = text.hashes[j - 1]
            if lexicon.givenNames[g] != nil, (lexicon.commonWords[g] ?? .max) >= CompiledLexicon.grammarWordRank,
               !StopWords.wordsBeforeNames.contains(g), !ownGivenName(j - 1, of: id) {
                return true
            }
        }
        return false
    }

    /// Whether the one-word match `k` is written with a hamza inside the word (ترأس، بأن) where none of person
    /// `id`'s short forms has one (تراس، بان): then it is the word (chaired, that), not the name. Names are
    /// often written without their hamza, seldom with one they do not have.
    func hamzaNotInName(_ k: Int, of id: String) -> Bool {
        guard raw[k].tokens.count == 1 else { return false }
        let t = raw[k].tokens.lowerBound
        // After the proclitics, the article and the first letter (names often begin with a hamza: أوباما).
        var skip = raw[k].strip + (raw[k].article ? 2 : 0) + 1
        // Read on the token's UTF-8 bytes (no String per candidate): the letters U+0621–U+064A are D8 A1 … D9 8A,
        // the hamza letters U+0621–U+0626 are D8 A1 … D8 A6; marks (U+064B and up) are not counted.
        let inside = text.utf8Text.bytes.withUnsafeBufferPointer { b -> Bool in
            var i = Int(text.tokens[t].utf8Start)
            let end = Int(text.tokens[t].utf8End)
            while i + 1 < end {
                let lead = b[i], next = b[i + 1]
                let letter = (lead == 0xD8 && next >= 0xA1) || (lead == 0xD9 && next <= 0x8A)
                if letter {
                    if skip > 0 { skip -= 1 } else if lead == 0xD8 && next <= 0xA6 { return true }
                }
                i += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            }
            return false
        }
        guard inside else { return false }
        return !(kb.officials[id]?.shortAr.contains { $0.text.unicodeScalars.dropFirst().contains { Self.hamzas.contains($0) } } ?? true)
    }

    /// Letters that carry a hamza (and the hamza alone).
    static let hamzas: Set<Unicode.Scalar> = ["\u{0623}", "\u{0625}", "\u{0624}", "\u{0626}", "\u{0621}", "\u{0622}"]

    /// Whether the document names the state or organisation person `id` speaks for on its date (by name, adjective,
    /// capital or institution, anywhere in it): an ambiguous surname taken by context alone needs its side in the
    /// story — "وقال كوستا" in a Chelsea report is not Portugal's António Costa, "وأقر صالح" in a Sudanese story not
    /// Yemen's Saleh.
    /// - Complexity: O(m) in the raw matches, once per person.
    func sidePresent(_ id: String) -> Bool {
        if let known = sidesPresent[id] { return known }
        let a = affiliation(id)
        var found = false
        if a.country != nil || a.organization != nil {
            // "المملكة" names an Arab kingdom; a title names its state (خادم الحرمين الشريفين، وزير الخارجية السعودي).
            let kingdom = a.country.map { lexicon.kingdoms.contains($0) } ?? false
            outer: for m in raw where m.has(kinds: RawMatch.Kinds.anyState | RawMatch.Kinds.organization | RawMatch.Kinds.title)
                || (kingdom && m.has(.kingdom)) {
                if kingdom && m.has(.kingdom) { found = true; break }
                for t in m.targets {
                    switch t {
                    case .state(let s, _) where s == a.country: found = true; break outer
                    case .title(_, let place?) where place == a.country || place == a.organization: found = true; break outer
                    case .organization(let o, _, _) where o == a.organization || (a.country != nil && kb.organizations[o]?.country == a.country):
                        found = true; break outer
                    default: continue
                    }
                }
            }
        }
        sidesPresent[id] = found
        return found
    }

    /// Whether token `j` is part of a raw match of two or more words.
    /// - Complexity: O(log m) in the raw matches (they are sorted and do not overlap).
    func inMultiWordMatch(_ j: Int) -> Bool {
        var lo = 0, hi = raw.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if raw[mid].tokens.upperBound <= j { lo = mid + 1 } else { hi = mid }
        }
        return lo < raw.count && raw[lo].tokens.contains(j) && raw[lo].tokens.count > 1
    }

    /// Whether the one-word match `k` comes right after بن، ابن or بنت: "سعود بن نايف" names Nayef as the father.
    func afterSonOf(_ k: Int) -> Bool {
        let t = raw[k].tokens.lowerBound
        return raw[k].tokens.count == 1 && raw[k].strip == 0 && t > 0 && text.tokens[t].spaceOnlyBefore
            && Self.sonOf.contains(text.hashes[t - 1])
    }

    /// Whether the several-word match `k` comes right after بن، ابن or بنت.
    func afterSonOfFullName(_ k: Int) -> Bool {
        let t = raw[k].tokens.lowerBound
        return raw[k].strip == 0 && t > 0 && text.tokens[t].spaceOnlyBefore && Self.sonOf.contains(text.hashes[t - 1])
    }

    /// Whether match `k` is a name of the form "X بن Y" (three words) followed, with only a space between, by a
    /// word that is neither آل, nor a frequent ordinary word, nor in the lexicon: the family name of somebody else
    /// called X bin Y.
    func patronymicGoesOn(_ k: Int) -> Bool {
        let r = raw[k].tokens
        guard r.count == 3, Self.sonOf.contains(text.hashes[r.lowerBound + 1]) else { return false }
        let t = r.upperBound
        guard t < text.tokens.count, text.tokens[t].spaceOnlyBefore, text.sentenceOfToken[t] == text.sentenceOfToken[r.lowerBound],
              !Self.familyPrefix.contains(text.hashes[t]), !Self.sonOf.contains(text.hashes[t]),
              lexicon.commonWords[text.hashes[t]] == nil, text.codes(of: t).count >= 3 else { return false }
        return !(k + 1 < raw.count && raw[k + 1].tokens.lowerBound == t)
    }

    static let familyPrefix: WordSet = WordSet(["آل", "ال"])

    /// Words of a ruler's power before his name (of the person-context cues), with the proclitics و ب ل ف.
    static let regimeWords: WordSet = {
        let words = ["نظام", "حكومة", "قوات", "جيش", "حكم", "بقاء", "إسقاط", "رحيل", "ميليشيات", "شبيحة"]
        return WordSet(words.flatMap { w in [w, "و" + w, "ب" + w, "ل" + w, "ف" + w, "وب" + w, "ول" + w] })
    }()

    /// Whether match `k` comes right after a profession outside politics (اللاعب، المدرب، الفنانة، الكاتب …),
    /// possibly with a nationality between: "اللاعب البوليفي «موخيكا»" is a footballer, not Uruguay's president.
    func afterProfession(_ k: Int) -> Bool {
        var t = raw[k].tokens.lowerBound
        if k > 0, raw[k - 1].tokens.upperBound == t, raw[k - 1].has(kinds: RawMatch.Kinds.state(.adjective)) {
            t = raw[k - 1].tokens.lowerBound
        }
        return t > 0 && text.sentenceOfToken[t - 1] == text.sentenceOfToken[t] && StopWords.professions.contains(text.hashes[t - 1])
    }

    /// Whether token `t` spells one of the names of person `id` (any word of one of their names: a given or
    /// middle name, "جواد ظريف"), long vowels and a final ه aside: فكتور and فيكتور, جان and جون, أندري and
    /// أندريه are one name.
    func ownGivenName(_ t: Int, of id: String) -> Bool {
        func skeleton(_ codes: some Sequence<UInt8>) -> [UInt8] {
            var s = codes.filter { $0 != ArabicAlphabet.alef && $0 != ArabicAlphabet.waw && $0 != ArabicAlphabet.yeh }
            if s.last == ArabicAlphabet.heh { s.removeLast() }  // أندريه، أندري
            return s
        }
        let word = skeleton(text.codes(of: t))
        return kb.officials[id]?.namesAr.contains { name in
            NormalizedForm.tokens(of: name).contains { skeleton($0) == word }
        } ?? false
    }

    /// Whether the one-word match `k` comes right after a bare given name that belongs to no other match (not
    /// after a conjunction: "محمد وعباس" are two people).
    /// - Parameter strict: also refuse given names that are more often ordinary words (بأن and بان, باسم "in the
    ///   name of", انتصار "victory", الآن and ألان, أنا and آنا: ``StopWords/wordsBeforeNames``).
    func givenNameBefore(_ k: Int, strict: Bool) -> Bool {
        guard raw[k].tokens.count == 1 else { return false }
        let t = raw[k].tokens.lowerBound
        guard t > 0, raw[k].strip == 0, text.tokens[t].spaceOnlyBefore, !(k > 0 && raw[k - 1].tokens.upperBound == t) else { return false }
        let h = text.hashes[t - 1]
        // A given name of two words (سيف الإسلام، عبد الله، صلاح الدين) is listed as one: "سيف الإسلام القذافي".
        if strict, t > 1, text.tokens[t - 1].spaceOnlyBefore, lexicon.givenNames[WordHash.hash(text.codes(of: t - 2) + text.codes(of: t - 1))] != nil,
           !(k > 0 && raw[k - 1].tokens.upperBound > t - 2) {
            return true
        }
        // A given name that normalises to one of the commonest words is that word: على (on) is علي.
        guard lexicon.givenNames[h] != nil else { return false }
        if strict && StopWords.wordsBeforeNames.contains(h) { return false }
        return (lexicon.commonWords[h] ?? .max) >= CompiledLexicon.grammarWordRank
    }

    /// بن، بنت، ابن (son or daughter of), inside a name.
    static let sonOf: [UInt64] = ["بن", "بنت", "ابن"].map { WordHash.hash(NormalizedForm.codes(of: $0)) }

    func title(_ k: Int) -> (RoleCode, String?)? {
        guard k < raw.count, raw[k].has(kinds: RawMatch.Kinds.title) else { return nil }
        for t in raw[k].targets { if case .title(let role, let place) = t { return (role, place) } }
        return nil
    }

    func has(_ k: Int, _ cue: AliasTarget.Cue) -> Bool {
        guard k >= 0, k < raw.count else { return false }
        return raw[k].has(cue)
    }

    func isMedia(_ k: Int) -> Bool {
        raw[k].has(kinds: RawMatch.Kinds.media)
    }

    func organization(_ k: Int) -> String? {
        guard raw[k].has(kinds: RawMatch.Kinds.organization) else { return nil }
        for t in raw[k].targets {
            if case .organization(let id, _, let ambiguous) = t, !ambiguous || introduced.contains(id) { return id }
        }
        return nil
    }

    // MARK: Emitting

    /// Original offsets of tokens `range`, skipping `strip` proclitic letters of the first token.
    func span(_ range: Range<Int>, strip: Int) -> (start: Int, end: Int, u8s: Int, u8e: Int) {
        let first = text.tokens[range.lowerBound], last = text.tokens[range.upperBound - 1]
        var start = Int(first.start), u8 = Int(first.utf8Start)
        if strip > 0 {
            // Walk the original scalars of the first token, skipping `strip` letters (diacritics ride along).
            var skipped = 0
            let scalars = text.original(utf8: Int(first.utf8Start)..<Int(first.utf8End)).unicodeScalars
            var idx = scalars.startIndex
            while idx < scalars.endIndex, skipped < strip {
                u8 += String(scalars[idx]).utf8.count
                start += 1
                idx = scalars.index(after: idx)
                skipped += 1
                // Diacritics after the stripped letter belong to it.
                while idx < scalars.endIndex, (0x64B...0x65F).contains(scalars[idx].value) || scalars[idx].value == 0x640 {
                    u8 += String(scalars[idx]).utf8.count
                    start += 1
                    idx = scalars.index(after: idx)
                }
            }
        }
        return (start, Int(last.end), u8, Int(last.utf8End))
    }

    func emit(_ id: String, kind: ActorKind, country: String?, tokens: Range<Int>, strip: Int,
                       method: MentionMethod, role: RoleCode? = nil) {
        // In a sentence about a match, states are teams ("يلتقي البحرين مع قطر … في تصفيات كأس العالم"), unions
        // are sports federations (الاتحاد الأوروبي is UEFA, الاتحاد الأفريقي the CAF) and the officials found by
        // their titles are those federations' (رئيس الاتحاد الأوروبي ميشيل بلاتيني). Other organisations (داعش
        // يدمر الملعب الأولمبي) and people the knowledge base names are kept: a head of state at a final is one.
        let teamLike = kind == .state || (kind == .organization && isUnion(tokens.lowerBound, strip: strip))
            || (kind == .person && (id.hasPrefix("office:") || id.hasPrefix("new:")))
        if teamLike && isSportsSentence(Int(text.sentenceOfToken[tokens.lowerBound])) { return }
        // "مركز الملك سلمان للإغاثة"، "مستشفى الملك فهد"، "جامعة الأمير سلطان": a person named after a place or an
        // institution is its name, not the person acting (some 3,500 such phrases in a year of Saudi papers).
        if kind == .person, tokens.lowerBound > 0, text.tokens[tokens.lowerBound].spaceOnlyBefore, strip == 0,
           Self.namedPlaceNouns.contains(text.hashes[tokens.lowerBound - 1]) { return }
        let sp = span(tokens, strip: strip)
        let surface = text.original(utf8: sp.u8s..<sp.u8e)
        mentions.append(Mention(
            actor: id, kind: kind, country: country, start: sp.start, end: sp.end, utf8Start: sp.u8s, utf8End: sp.u8e,
            text: surface, method: method, role: role?.rawValue,
            organization: kind == .person ? affiliation(id).organization ?? officeOrganization(id) : nil,
            tokens: tokens,
            sentence: Int(text.sentenceOfToken[tokens.lowerBound])))
        if let c = country, kb.states.index(forKey: c) != nil { countState(c) }
        if kind == .organization { introduced.insert(id) }  // its ambiguous short forms (الائتلاف) now count
        if kind == .person {
            if method == .lexicon || (method == .pattern && id.hasPrefix("new:")) { learnSurnames(of: id, tokens: tokens) }
            if introduced.insert(id).inserted { introducedOrder.append(id) }
            lastPerson = (id, role ?? kb.officials[id]?.primaryRole(at: date)?.code)
            if let c = country { lastPersonByCountry[c] = id }
            if let role, kb.officials[id] == nil { lastRoleByPerson[id] = role }
        }
    }

    /// Nouns of places and institutions named after people (مركز، مستشفى، مطار، جامعة …), with the proclitics
    /// ب ل و written on them.
    static let namedPlaceNouns: WordSet = {
        let nouns = ["مركز", "مدينة", "مستشفى", "مطار", "جامعة", "طريق", "مؤسسة", "جسر", "مكتبة", "حديقة", "ملعب",
                     "جامع", "مسجد", "شارع", "قاعة", "كلية", "مجمع", "جائزة", "كرسي", "معهد", "ميناء", "قاعدة", "صندوق",
                     "دارة", "مدرسة", "استاد", "برج", "مبنى", "حي", "ميدان", "منحة", "برنامج", "مشروع", "مستشفيات",
                     "مدارس", "وقفية", "ستاد", "متحف", "واحة"]
        return WordSet(nouns.flatMap { n in [n, "ب" + n, "ل" + n, "و" + n, "وب" + n, "ول" + n, "ف" + n] })
    }()

    /// Whether token `t` (less `strip` proclitic letters) is اتحاد or الاتحاد: "union", also "federation".
    func isUnion(_ t: Int, strip: Int) -> Bool {
        typealias A = ArabicAlphabet
        var codes = text.codes(of: t).dropFirst(strip)
        if codes.starts(with: [A.alef, A.lam]) { codes = codes.dropFirst(2) }
        return codes.elementsEqual([A.alef, A.teh, A.hah, A.alef, A.dal])
    }

    /// Whether sentence `s` is about a sports match or competition: two or more of its words are sports
    /// words (مباراة، الدوري، تصفيات، المنتخب، اللاعب، المدرب، الملعب، كرة، البطولة، كأس …). Computed once per
    /// sentence.
    /// - Complexity: O(k) in the sentence's tokens, the first time.
    func isSportsSentence(_ s: Int) -> Bool {
        if sportsSentences[s] != 0 { return sportsSentences[s] == 2 }
        var n = 0
        for t in text.sentences[s].tokens where Self.sportsWords.contains(text.hashes[t]) {
            n += 1
            if n == 2 { break }
        }
        sportsSentences[s] = n >= 2 ? 2 : 1
        return n >= 2
    }

    /// Words of sports reports, as written (with the article and common proclitics). Not هدف/أهداف (also "aim")
    /// nor فوز (also an election win).
    static let sportsWords: WordSet = WordSet([
        "مباراة", "المباراة", "مباريات", "المباريات", "بمباراة", "ومباراة", "الدوري", "دوري", "بالدوري", "تصفيات", "التصفيات",
        "منتخب", "المنتخب", "منتخبات", "المنتخبات", "والمنتخب", "ومنتخب", "لمنتخب", "للمنتخب", "لاعب", "اللاعب", "لاعبي",
        "لاعبين", "اللاعبين", "اللاعبون", "لاعبا", "المدرب", "مدرب", "مدربا", "الملعب", "ملعب", "ملاعب", "الملاعب", "هدفين",
        "كرة", "الكرة", "لكرة", "الشوط", "شوط", "ركلة", "ركلات", "الترجيح", "بطولة", "البطولة", "ببطولة", "كأس", "الكأس",
        "بكأس", "التعادل", "تعادل", "النادي", "نادي", "الأندية", "أندية", "المنتخبين", "الفريقين", "الهداف", "هداف",
        "التأهل", "تأهل", "للتأهل", "بالتأهل", "نهائيات", "النهائيات", "بنهائيات", "المونديال", "مونديال", "أولمبياد",
        "الأولمبياد", "الأولمبية", "الأولمبي", "مرمى", "المرمى", "لاعبو", "لاعبون", "اللاعبان", "المدربين", "الفيفا",
        "فيفا", "للفيفا", "بالفيفا", "اليويفا", "يويفا",
    ])

    /// Counts a mention of state `c` for salience and kingdoms.
    func countState(_ c: String) {
        let n = stateCounts[c, default: 0] + 1
        stateCounts[c] = n
        if let s = salient {
            if s.state == c { salient = (c, n, false) }
            else if n > s.count { salient = (c, n, false) }
            else if n == s.count { salient = (s.state, s.count, true) }
        } else {
            salient = (c, n, false)
        }
        if recognizer.lexicon.kingdoms.contains(c) { lastKingdom = c }
    }

    func emitPerson(_ id: String, tokens: Range<Int>, strip: Int, method: MentionMethod, role: RoleCode? = nil) {
        emit(id, kind: .person, country: affiliation(id).country ?? officeCountry(id),
             tokens: tokens, strip: strip, method: method, role: role)
    }

    /// Country of a placeholder office id (`office:ROLE:PLACE`) or a discovered person (`new:…@PLACE`).
    func officeCountry(_ id: String) -> String? {
        guard let place = Self.placeOf(id) else { return nil }
        if kb.states.index(forKey: place) != nil { return place }
        return kb.organizations[place]?.country
    }

    /// Organisation of a placeholder office or discovered person whose place is an organisation.
    func officeOrganization(_ id: String) -> String? {
        guard let place = Self.placeOf(id), kb.organizations.index(forKey: place) != nil else { return nil }
        return place
    }

    static func placeOf(_ id: String) -> String? {
        if id.hasPrefix("office:") { return id.split(separator: ":").last.map(String.init) }
        if id.hasPrefix("new:"), let at = id.lastIndex(of: "@") { return String(id[id.index(after: at)...]) }
        return nil
    }
}

/// Function words and verbs that end a discovered name.
enum StopWords {
    static let words: WordSet = WordSet([
        "في", "من", "إلى", "الى", "على", "عن", "مع", "إن", "أن", "ان", "قد", "لقد", "كان", "كانت", "قال", "قالت",
        "أكد", "أكدت", "أعلن", "أعلنت", "اعتبر", "أشار", "أضاف", "بحث", "التقى", "استقبل", "يوم", "اليوم", "أمس",
        "خلال", "بعد", "قبل", "حول", "الذي", "التي", "الذين", "هذا", "هذه", "ذلك", "تلك", "و", "أو", "ثم", "لدى",
        "عند", "بين", "حيث", "كما", "وقال", "وأكد", "وأضاف", "أيضا", "السبت", "الأحد", "الاثنين", "الثلاثاء",
        "الأربعاء", "الخميس", "الجمعة", "إنه", "إنها", "أنه", "أنها", "الرئيس", "رئيس", "وزير", "نائب",
    ])

    static func contains(_ hash: UInt64) -> Bool { words.contains(hash) }

    /// Words inside full names that are not surnames (بن، ولد، أبو، الشيخ …).
    static let particles: WordSet = WordSet([
        "بن", "ابن", "بنت", "ولد", "أبو", "أبي", "أبا", "عبد", "آل", "الشيخ", "السيد", "الأمير", "الملك", "الدكتور",
        "باشا", "بيك", "خان", "الدين", "الله", "الرحمن", "الحاج", "جونيور", "دي", "دا", "فون", "فان", "لا", "لو",
    ])

    /// Professions outside politics, before a name: the name is a private person's (sports, arts, letters). Not
    /// الإعلامي and الصحفي: they are also adjectives (المكتب الإعلامي للعبادي، المؤتمر الصحفي).
    static let professions = WordSet([
        "اللاعب", "للاعب", "واللاعب", "لاعب", "اللاعبة", "المدرب", "للمدرب", "والمدرب", "مدرب", "المدربة", "الحارس", "المهاجم",
        "المدافع", "الفنان", "الفنانة", "والفنان", "والفنانة", "للفنان", "للفنانة", "الممثل", "الممثلة", "المطرب", "المطربة",
        "المغني", "المغنية", "الكاتب", "الكاتبة", "للكاتب", "الروائي", "الروائية", "الشاعر", "الشاعرة", "للشاعر", "المخرج",
        "المخرجة", "المذيع", "المذيعة", "النجم", "النجمة",
        "الملاكم", "العداء", "الداعية", "المنشد",
    ])

    /// Given names that are more often ordinary words, which a name often follows: "بأن بوتين" (that Putin),
    /// "باسم نتنياهو" (on Netanyahu's behalf), "انتصار تسيبراس" (Tsipras's victory), "الآن ظريف" (now Zarif),
    /// "أنا روحاني" (I, Rouhani), "خليفة أوباما" (Obama's successor), "صدام تسيبراس" (Tsipras's clash). Before a surname they
    /// do not make it somebody else's.
    static let wordsBeforeNames = WordSet(["بأن", "بان", "باسم", "انتصار", "الآن", "ألان", "أنا", "آنا", "شي", "لي", "كي", "ما", "خليفة", "صدام"])

    /// Prepositions spelled with alef maqsura, which normalisation would confuse with names (على/علي).
    static let writtenPrepositions: Set<String> = ["على", "إلى", "الى", "حتى", "لدى", "متى", "عل"]
}

extension Recognizer {
    /// The raw lexicon matches of a text with their targets, for `mentions --explain`.
    public func explain(_ text: TokenizedText) -> [(text: String, targets: [String])] {
        lexicon.scan(text).map { m in
            (text.original(tokens: m.tokens) + (m.strip > 0 ? " (−\(m.strip))" : ""), m.targets.map { "\($0)" })
        }
    }
}
