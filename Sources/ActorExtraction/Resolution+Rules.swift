import ActorKnowledge
import ActorText

extension Resolution {
    /// Walks the raw matches once, applying the rules in order of specificity.
    func run() {
        var k = 0
        var venueEnd = -1  // token index just after the last capital taken as a venue
        var adjectiveEnd = -1  // token index just after the last adjective taken as a state
        var branchEnd = -1  // token index just after the last state taken as where an organisation is
        while k < raw.count {
            emitSurnames(from: k > 0 ? raw[k - 1].tokens.upperBound : 0, to: raw[k].tokens.lowerBound)
            if isMedia(k) { k += 1; continue }
            if let (role, place) = title(k), let next = resolveTitle(at: k, role: role, place: place) {
                k = next
                continue
            }
            if has(k, .counterpart), let next = resolveCounterpart(at: k) {
                k = next
                continue
            }
            if has(k, .genericOfficial), let next = resolveGeneric(at: k) {
                k = next
                continue
            }
            if has(k, .salientState), raw[k].article, !(k + 1 < raw.count && adjacent(k, k + 1) && namesActor(k + 1)) {
                // "قوات النظام", "الحكومة" with no state after them: the state the document is about — named
                // at least twice so far and more often than any other; nothing when none stands out.
                if let s = salientState() {
                    emit(s, kind: .state, country: s, tokens: raw[k].tokens, strip: raw[k].strip, method: .coreference)
                    k += 1
                    continue
                }
            }
            if has(k, .kingdom), raw[k].article, raw[k].tokens.count == 1 {
                // "المملكة" alone: the kingdom named last (السعودية … المملكة; الملك محمد السادس … المملكة);
                // nothing when no kingdom was named before.
                if let c = lastKingdom {
                    emit(c, kind: .state, country: c, tokens: raw[k].tokens, strip: raw[k].strip, method: .coreference)
                }
                k += 1
                continue
            }
            // Context that makes an ambiguous short name a person; only looked at when there is one.
            let ambiguousPerson = raw[k].has(kinds: RawMatch.Kinds.ambiguousPerson)
            let contextBefore = ambiguousPerson
                && ((k > 0 && adjacent(k - 1, k) && (has(k - 1, .personContext) || has(k - 1, .reportingVerb)))
                    || colonAfter(k) || (k + 1 < raw.count && adjacent(k, k + 1) && has(k + 1, .reportingVerb)))
            // A short form of somebody not named here, where a person named in full has that surname ("علي باقري
            // كني … وأكد باقري": not Mohammad Bagheri).
            if raw[k].tokens.count == 1, let local = surname(at: raw[k].tokens.lowerBound), introduced.contains(local.id),
               raw[k].targets.contains(where: { if case .person(let id, true, _) = $0 { return !introduced.contains(id) } else { return false } }),
               !raw[k].targets.contains(where: { if case .person(let id, _, _) = $0 { return introduced.contains(id) } else { return false } }) {
                emitPerson(local.id, tokens: raw[k].tokens, strip: raw[k].strip, method: .coreference)
                k += 1
                continue
            }
            // A surname that is also a state adjective, right after an institution noun, is the adjective:
            // "الجيش السوداني" is Sudan's army, not Iraq's prime minister Mohammed Shia al-Sudani.
            let adjectiveOfNoun = k > 0 && adjacent(k - 1, k) && has(k - 1, .institutionNoun) && state(k, form: .adjective) != nil
            if !adjectiveOfNoun, let p = person(k, allowAmbiguous: contextBefore) {
                let short = raw[k].targets.contains { if case .person(p, true, _) = $0 { return true } else { return false } }
                emitPerson(p, tokens: raw[k].tokens, strip: raw[k].strip,
                           method: short && introduced.contains(p) ? .coreference : .lexicon)
                k += 1
                continue
            }
            if let o = organization(k) {
                emit(o, kind: .organization, country: kb.organizations[o]?.country, tokens: raw[k].tokens,
                     strip: raw[k].strip, method: .lexicon)
                k += 1
                continue
            }
            let capital = state(k, form: .capital)
            let variant = raw[k].article ? nil : state(k, form: .nameVariant)
            let institution = state(k, form: .institution)
            let name = state(k, form: .name) ?? variant ?? institution
            // A capital that is not also this state's own name (الكويت، تونس، الجزائر) may be a venue; a word
            // that names one state and is another's capital (عمان: Oman, Amman) is a place when used as one;
            // so is a building that speaks for a state (في البيت الأبيض، في قصر الشعب).
            let placeLike = (capital.map { $0 != state(k, form: .name) && $0 != variant } ?? false)
                || (institution != nil && state(k, form: .name) == nil)
            if placeLike, isVenue(k, venueEnd: venueEnd) || isQuoted(k) {
                venueEnd = raw[k].tokens.upperBound
                k += 1
                continue
            }
            // An institution followed by another state's adjective is that state's (الاحتلال الأمريكي): the
            // adjective is taken on the next step.
            if let s = name, institution == s, state(k, form: .name) == nil, k + 1 < raw.count, adjacent(k, k + 1),
               let other = state(k + 1, form: .adjective), other != s {
                k += 1
                continue
            }
            // A state or capital that names a sports team or club is not the state: منتخب الإمارات، نادي الكويت،
            // ريال مدريد، أتلتيكو مدريد، باريس سان جيرمان، and a capital with its own adjective (روما الإيطالي).
            if name != nil || capital != nil, let skipTo = sportsName(k, capital: capital) {
                k = skipTo
                continue
            }
            // "عمّان" with a shadda is Amman (Jordan); عُمان and the bare عمان are Oman — unless the document
            // names Jordan otherwise and Oman nowhere else (a Jordanian story's عمان is its capital).
            if let c = capital, let s = name, c != s,
               text.original(tokens: raw[k].tokens).unicodeScalars.contains("\u{0651}") || documentPrefers(c, over: s, except: k) {
                emit(c, kind: .state, country: c, tokens: raw[k].tokens, strip: raw[k].strip, method: .lexicon)
                k += 1
                continue
            }
            // "الإخوان في تونس ومصر وليبيا"، "القاعدة في باكستان": a state right after an organisation and في
            // (and the states listed with it) is where that organisation's branch is, a place, not an actor.
            if name != nil, isBranchPlace(k, branchEnd: branchEnd) {
                branchEnd = raw[k].tokens.upperBound
                k += 1
                continue
            }
            if let s = name {
                emit(s, kind: .state, country: s, tokens: raw[k].tokens, strip: raw[k].strip, method: .lexicon)
                k += 1
                continue
            }
            // Otherwise a capital stands for its state (أعلنت موسكو، عقوبات على طهران، أن واشنطن ستراقب).
            // Measured on SaudiNewsNet and on the written evaluation set, this default beats requiring a
            // verb next to the capital: the press uses capitals as actors far more often than as plain
            // cities, and the city uses (سوق لندن، جسر لندن) are caught by the place nouns in cues.tsv.
            if let c = capital {
                emit(c, kind: .state, country: c, tokens: raw[k].tokens, strip: raw[k].strip, method: .lexicon)
                k += 1
                continue
            }
            if let a = state(k, form: .people), !(k > 0 && adjacent(k - 1, k) && has(k - 1, .genericOfficial)), !describesPeople(k) {
                // الروس، الأميركيين: the state's side, standing alone.
                emit(a, kind: .state, country: a, tokens: raw[k].tokens, strip: raw[k].strip, method: .lexicon)
                adjectiveEnd = raw[k].tokens.upperBound
                k += 1
                continue
            }
            if let a = state(k, form: .adjective) {
                let afterNoun = k > 0 && adjacent(k - 1, k) && has(k - 1, .institutionNoun)
                let chained = raw[k].tokens.lowerBound == adjectiveEnd
                    && text.tokens[raw[k].tokens.lowerBound].boundaryBefore == .space
                if afterNoun || chained {
                    emit(a, kind: .state, country: a, tokens: raw[k].tokens, strip: raw[k].strip, method: .lexicon)
                    adjectiveEnd = raw[k].tokens.upperBound
                    // "مديرة المكتب الصحفي في الخارجية الأمريكية، إليزابيث ترودو": a name right after an
                    // institution of a state is one of its officials.
                    if afterNoun, let nameRange = discoverName(from: raw[k].tokens.upperBound) {
                        let name = nameRange.map { text.normalized($0) }.joined(separator: " ")
                        let id = "new:\(name)@\(a)"
                        discovered[id] = text.original(tokens: nameRange)
                        emit(id, kind: .person, country: a, tokens: nameRange, strip: 0, method: .pattern)
                        var next = k + 1
                        while next < raw.count && raw[next].tokens.lowerBound < nameRange.upperBound { next += 1 }
                        k = next
                        continue
                    }
                }
            }
            k += 1
        }
        emitSurnames(from: raw.last?.tokens.upperBound ?? 0, to: text.tokens.count)
    }

    /// Whether the match at `k` names an actor or a state (a name, adjective or person): "النظام السوري",
    /// "نظام الأسد", "الحكومة التركية" are not bare.
    func namesActor(_ k: Int) -> Bool {
        raw[k].has(kinds: RawMatch.Kinds.anyState | RawMatch.Kinds.person | RawMatch.Kinds.organization)
    }

    /// The state mentioned most often so far (by its own mentions and its people's), if it was named at least
    /// twice and more often than any other.
    /// - Complexity: O(1): the counts are kept by `emit`.
    func salientState() -> String? {
        guard let s = salient, s.count >= 2, !s.tied else { return nil }
        return s.state
    }

    /// Whether token `t` begins with the article ال (after any proclitic و ف ب ك ل).
    func startsWithArticle(_ t: Int) -> Bool {
        let codes = text.codes(of: t)
        var i = codes.startIndex
        typealias A = ArabicAlphabet
        while i < codes.endIndex, codes.endIndex - i > 3,
              codes[i] == A.waw || codes[i] == A.feh || codes[i] == A.beh || codes[i] == A.kaf { i += 1 }
        guard codes.endIndex - i >= 4 else { return false }
        if codes[i] == ArabicAlphabet.alef && codes[i + 1] == ArabicAlphabet.lam { return true }
        return codes[i] == ArabicAlphabet.lam && codes[i + 1] == ArabicAlphabet.lam  // للرئيس
    }

    /// Whether a colon follows the match at `k` (a speaker: "ولايتي: اجتماع موسكو …").
    func colonAfter(_ k: Int) -> Bool {
        let end = raw[k].tokens.upperBound
        let from = Int(text.tokens[end - 1].utf8End)
        let bytes = text.utf8Text.bytes
        let to = end < text.tokens.count ? Int(text.tokens[end].utf8Start) : bytes.count
        guard from < to else { return false }
        return bytes[from..<min(to, from + 4)].contains(UInt8(ascii: ":"))
    }

    /// Whether the document names state `c` in some other match than `k` and state `s` in none: for a word
    /// that is `s`'s name and `c`'s capital (عمان).
    /// - Complexity: O(m) in the raw matches.
    func documentPrefers(_ c: String, over s: String, except k: Int) -> Bool {
        var namesC = false
        for j in raw.indices where j != k && raw[j].has(kinds: RawMatch.Kinds.anyState) {
            // Other occurrences of the same word decide nothing.
            if state(j, form: .name) == s && state(j, form: .capital) == c { continue }
            for t in raw[j].targets {
                guard case .state(let id, _) = t else { continue }
                if id == s { return false }
                if id == c { namesC = true }
            }
        }
        return namesC
    }

    /// Whether state name `k` stands where a group (armed, political, opposition) is: right after "GROUP في"
    /// (الإخوان في تونس، القاعدة في باكستان), or listed right after such a state (ومصر، ليبيا).
    func isBranchPlace(_ k: Int, branchEnd: Int) -> Bool {
        // "… في الكاميرون ونيجيريا، التي حذر رئيسها …": a relative clause about the state makes it an actor.
        let after = raw[k].tokens.upperBound
        if after < text.tokens.count, Self.relativePronouns.contains(text.hashes[after]) { return false }
        if raw[k].tokens.lowerBound == branchEnd, raw[k].proclitic == ArabicAlphabet.waw || raw[k].strip == 0 { return true }
        guard k >= 2, adjacent(k - 1, k), adjacent(k - 2, k - 1), raw[k - 1].strip == 0, raw[k - 1].tokens.count == 1,
              Self.inWord.contains(text.hashes[raw[k - 1].tokens.lowerBound]) else { return false }
        // Only for groups: an intergovernmental body or UN agency "in" a state is its mission there (بعثة الأمم
        // المتحدة في أفغانستان، برنامج الأغذية العالمي في العراق), a relation with it.
        guard let o = organization(k - 2), let kind = kb.organizations[o]?.kind else { return false }
        return kind != .intergovernmental && kind != .unBody
    }

    static let inWord: WordSet = WordSet(["في"])
    static let relativePronouns: WordSet = WordSet(["الذي", "التي"])

    /// A capital is a venue after a preposition (في جنيف، إلى أنقرة), with the proclitic ب (بموسكو), after a
    /// meeting noun (اجتماع موسكو، مسار أستانا), or coordinated with a venue just before (في جنيف وأنقرة).
    func isVenue(_ k: Int, venueEnd: Int) -> Bool {
        if raw[k].proclitic == ArabicAlphabet.beh { return true }
        if k > 0 && adjacent(k - 1, k) && (has(k - 1, .venuePreposition) || has(k - 1, .meetingNoun)) { return true }
        if raw[k].proclitic == ArabicAlphabet.waw {
            // "في جنيف وأنقرة": the previous word ended a venue.
            if raw[k].tokens.lowerBound == venueEnd { return true }
        }
        return false
    }

    /// Whether raw match `k` is one word in quotation marks (ل"الرياض"، «الرياض»، “بغداد”): news quotes a city's
    /// name when it is a title — a newspaper (Al-Riyadh), an operation, a book — not when it means the city or
    /// its government.
    func isQuoted(_ k: Int) -> Bool {
        guard raw[k].tokens.count == 1, raw[k].strip == 0 else { return false }
        let token = text.tokens[raw[k].tokens.lowerBound]
        return text.utf8Text.bytes.withUnsafeBufferPointer { b in
            let start = Int(token.utf8Start), end = Int(token.utf8End)
            let opens = (start >= 1 && b[start - 1] == 0x22)
                || (start >= 2 && b[start - 2] == 0xC2 && b[start - 1] == 0xAB)  // «
                || (start >= 3 && b[start - 3] == 0xE2 && b[start - 2] == 0x80 && b[start - 1] == 0x9C)  // “
            let closes = (end < b.count && b[end] == 0x22)
                || (end + 1 < b.count && b[end] == 0xC2 && b[end + 1] == 0xBB)  // »
                || (end + 2 < b.count && b[end] == 0xE2 && b[end + 1] == 0x80 && b[end + 2] == 0x9D)  // ”
            return opens && closes
        }
    }

    /// The state named by an adjective or a state name right after raw match `k`.
    func stateAfter(_ k: Int) -> String? {
        guard k + 1 < raw.count, adjacent(k, k + 1) else { return nil }
        // An adjective agrees with its noun in definiteness: "الرئيس التركي" is the Turkish president, but in
        // "الأمير تركي الفيصل" the indefinite تركي is a name.
        let definiteTitle = startsWithArticle(raw[k].tokens.upperBound - 1)
        let adjective = definiteTitle && !raw[k + 1].article ? nil : state(k + 1, form: .adjective)
        return adjective ?? state(k + 1, form: .name)
            ?? (raw[k + 1].article ? nil : state(k + 1, form: .nameVariant))
    }

    /// Whether person `id` holds, on the document's date, an office that the generic title of role `role` can
    /// refer back to: "المتحدث اليمني" is not the Yemeni president named before, "الوزير الروسي" is a Russian
    /// minister of any portfolio, "المبعوث" an envoy, a representative or an ambassador. A person whose office is
    /// unknown (a name discovered without a title) may be anyone.
    func holds(_ id: String, roleLike role: RoleCode) -> Bool {
        func fits(_ held: RoleCode) -> Bool {
            switch role {
            case .minister:
                return [.minister, .foreignMinister, .defenceMinister, .interiorMinister, .deputyForeignMinister].contains(held)
            case .envoy, .specialEnvoy:
                return [.envoy, .specialEnvoy, .unRepresentative, .negotiator, .ambassador, .advisor].contains(held)
            case .ambassador:
                return [.ambassador, .unRepresentative, .envoy].contains(held)
            case .spokesperson:
                return [.spokesperson, .mfaSpokesperson, .presidentialSpokesperson, .governmentSpokesperson,
                        .militarySpokesperson].contains(held)
            default:
                return held == role
            }
        }
        if let official = kb.officials[id] {
            let current = official.roles.filter { r in dateDay.map { r.covers(day: $0) } ?? (r.to == nil) }
            return current.isEmpty || current.contains { fits($0.code) }
        }
        guard let held = lastRoleByPerson[id] else { return true }
        return fits(held)
    }

    /// Whether the state name at `k`, written with the preposition لـ after a title, is where the titled person
    /// goes, not the state they serve: "زيارة ولي ولي العهد وزير الدفاع للأردن" (to Jordan; Jordan has no such
    /// office). Only when the knowledge base knows nobody who ever held that office for that state: "رئيسا
    /// للولايات المتحدة" and "وزير الخارجية للمملكة العربية السعودية" name the state's office. An envoy, an
    /// ambassador or a representative is always named for a state with لـ (المبعوث الأممي لليمن).
    static func isDestination(_ k: Int, state: String, of role: RoleCode, in r: Resolution) -> Bool {
        guard r.raw[k].proclitic == ArabicAlphabet.lam, r.state(k, form: .adjective) == nil else { return false }
        switch role {
        case .envoy, .specialEnvoy, .ambassador, .unRepresentative, .negotiator, .highRepresentative: return false
        default: return !r.lexicon.hasOfficeholders(role: role, place: state)
        }
    }

    /// title [+ state adjective | state name | organisation] [+ ،] [+ name].
    /// - Returns: the next raw index, or `nil` to let other rules look at `k`.
    func resolveTitle(at k: Int, role: RoleCode, place: String?) -> Int? {
        var j = k + 1
        var where_ = place
        var stateFromTitle: String? = nil
        if let s = stateAfter(k), !Self.isDestination(k + 1, state: s, of: role, in: self) {
            stateFromTitle = s
            where_ = s
            j = k + 2
        } else if k + 1 < raw.count, adjacent(k, k + 1), let o = organization(k + 1) ?? orgAny(k + 1) {
            where_ = o
            j = k + 2
        }
        // A former holder (الرئيس الفرنسي السابق، وزير الخارجية الأمريكي الأسبق، الرئيس السابق لـ…): not the
        // officeholder of the date. A name after it is read as any name is (بيل كلينتون); an unknown one is not
        // taken for an official of that state.
        if isFormer(k, titleEnd: raw[j - 1].tokens.upperBound) {
            var next = j
            let t = raw[j - 1].tokens.upperBound
            // Past the "former" word when it is a lexicon phrase itself.
            while next < raw.count && raw[next].tokens.lowerBound <= t { next += 1 }
            return next
        }
        // A named person right after the title (a comma may separate them).
        if j < raw.count, adjacent(j - 1, j, allowComma: true), let p = person(j, allowAmbiguous: true) {
            emitPerson(p, tokens: raw[j].tokens, strip: raw[j].strip, method: .lexicon, role: role)
            return j + 1
        }
        // "المتحدث باسم الجماعة محمد عبد السلام": one plain word (الجماعة، الحركة، الحزب) between the title and a
        // known name, with nothing but spaces around it.
        if where_ == nil, j < raw.count, raw[j].tokens.lowerBound == raw[j - 1].tokens.upperBound + 1,
           onlySpaceBefore(raw[j].tokens.lowerBound), onlySpaceBefore(raw[j].tokens.lowerBound - 1),
           let p = person(j, allowAmbiguous: true) {
            emitPerson(p, tokens: raw[j].tokens, strip: raw[j].strip, method: .lexicon, role: role)
            return j + 1
        }
        var titleEnd = raw[j - 1].tokens.upperBound
        // "نائب وزير الخارجية المصري السفير حمدي سند لوزا", "الموفد السعودي الأمير يزيد بن فرحان": an honorific
        // (rank, courtesy title) between the title and the name.
        if where_ != nil, let end = honorificEnd(at: titleEnd) {
            var h = j
            while h < raw.count && raw[h].tokens.lowerBound < end { h += 1 }
            if h < raw.count, raw[h].tokens.lowerBound == end, onlySpaceBefore(end), let p = person(h, allowAmbiguous: true) {
                emitPerson(p, tokens: raw[h].tokens, strip: raw[h].strip, method: .lexicon, role: role)
                return h + 1
            }
            if discoverName(from: end) != nil { titleEnd = end }
        }
        // An unknown name right after: discover the official.
        if let place = where_, let nameRange = discoverName(from: titleEnd) {
            let name = (nameRange.lowerBound..<nameRange.upperBound).map { text.normalized($0) }.joined(separator: " ")
            let id = "new:\(name)@\(place)"
            discovered[id] = text.original(tokens: nameRange)
            emit(id, kind: .person, country: officeCountry(id), tokens: nameRange, strip: 0, method: .pattern, role: role)
            // Skip raw matches inside the discovered name.
            var next = j
            while next < raw.count && raw[next].tokens.lowerBound < nameRange.upperBound { next += 1 }
            return next
        }
        guard let place = where_ else { return nil }
        // "لفيصل المقداد، نائب وزير الخارجية السوري": a title in apposition to the person just named.
        if let last = mentions.last, last.kind == .person, last.tokens.upperBound == raw[k].tokens.lowerBound,
           last.country == place || last.organization == place {
            return j
        }
        // The name may follow after a qualifier ("المندوب الروسي لدى المنظمات الدولية في فيينا ميخائيل
        // أوليانوف"): then the name is the mention, not the title.
        if personOfPlaceAhead(place, after: j, within: 8) { return j }
        // No name: the person this title refers to, if one of that office was named before in the article, …
        if let p = introducedOrder.reversed().first(where: { id in
            kb.officials[id]?.roles.contains { r in
                r.code == role && r.place == place && (dateDay.map { r.covers(day: $0) } ?? (r.to == nil))
            } == true
        }) {
            emitPerson(p, tokens: raw[k].tokens.lowerBound..<titleEnd, strip: raw[k].strip, method: .coreference, role: role)
            return j
        }
        // … else, for a generic word (الوزير الروسي، المسؤول الإيراني), the last person of that state, …
        if has(k, .genericOfficial), let p = lastPersonByCountry[place], holds(p, roleLike: role) {
            emitPerson(p, tokens: raw[k].tokens.lowerBound..<titleEnd, strip: raw[k].strip, method: .coreference, role: role)
            return j
        }
        // Dual titles (وزيرا خارجية روسيا وتركيا، وزيرا الخارجية الروسي والتركي): one officeholder per state.
        if isDual(k), let first = stateFromTitle, j < raw.count, adjacent(j - 1, j), raw[j].proclitic == ArabicAlphabet.waw,
           let second = state(j, form: .adjective) ?? state(j, form: .name) {
            for (s, m) in [(first, k + 1), (second, j)] {
                if let p = lexicon.officeholder(role: role, place: s, date: date) {
                    emitPerson(p, tokens: raw[m].tokens, strip: raw[m].strip, method: .pattern, role: role)
                } else {
                    emit(s, kind: .state, country: s, tokens: raw[m].tokens, strip: raw[m].strip, method: .lexicon)
                }
            }
            return j + 1
        }
        // … else the officeholder on the article's date — unless the name follows later in the sentence
        // ("مندوب سورية لدى الأمم المتحدة بشار الجعفري"), where the name itself will be the mention, …
        if let p = lexicon.officeholder(role: role, place: place, date: date) {
            if namedAhead(p, after: j, within: 8) { return j }
            // "لفيصل المقداد، نائب وزير الخارجية السوري": the title in apposition to the name just given.
            if let last = mentions.last, last.actor == p, last.tokens.upperBound == raw[k].tokens.lowerBound { return j }
            emitPerson(p, tokens: raw[k].tokens.lowerBound..<titleEnd, strip: raw[k].strip, method: .pattern, role: role)
            return j
        }
        // … else, for an office many hold at once (السفير السعودي، المبعوث الأممي), the state it speaks for, …
        if !role.isSingleHolder {
            if let s = stateFromTitle {
                emit(s, kind: .state, country: s, tokens: raw[k + 1].tokens, strip: raw[k + 1].strip, method: .lexicon)
            }
            return j
        }
        // … else the office itself (no date, or no record of the holder), which still belongs to its state.
        let office = "office:\(role.rawValue):\(place)"
        emit(office, kind: .person, country: officeCountry(office),
             tokens: raw[k].tokens.lowerBound..<titleEnd, strip: raw[k].strip, method: .pattern, role: role)
        return j
    }

    /// "نظيره التركي [هاكان فيدان]": the same office as the last person named, in another state.
    func resolveCounterpart(at k: Int) -> Int? {
        let j = k + 1
        guard let s = stateAfter(k) else { return nil }
        if j + 1 < raw.count, adjacent(j, j + 1, allowComma: true), let p = person(j + 1, allowAmbiguous: true) {
            emitPerson(p, tokens: raw[j + 1].tokens, strip: raw[j + 1].strip, method: .lexicon, role: lastPerson?.role)
            return j + 2
        }
        let end = raw[j].tokens.upperBound
        if let role = lastPerson?.role {
            if let nameRange = discoverName(from: end) {
                let name = nameRange.map { text.normalized($0) }.joined(separator: " ")
                let id = "new:\(name)@\(s)"
                discovered[id] = text.original(tokens: nameRange)
                emit(id, kind: .person, country: s, tokens: nameRange, strip: 0, method: .pattern, role: role)
                var next = j + 1
                while next < raw.count && raw[next].tokens.lowerBound < nameRange.upperBound { next += 1 }
                return next
            }
            if let p = lexicon.officeholder(role: role, place: s, date: date) {
                emitPerson(p, tokens: raw[k].tokens.lowerBound..<end, strip: raw[k].strip, method: .coreference, role: role)
                return j + 1
            }
        }
        // "يلتقي المنتخب السعودي نظيره الكويتي": the counterpart of a team is a team, not a state.
        if teamBefore(raw[k].tokens.lowerBound) { return j + 1 }
        emit(s, kind: .state, country: s, tokens: raw[j].tokens, strip: raw[j].strip, method: .lexicon)
        return j + 1
    }

    /// If the state or capital at raw match `k` is part of a team's or club's name, the raw match to go on
    /// from (past the name); else `nil`. A team word right before it (منتخب، المنتخب، نادي), a club prefix
    /// (ريال، أتلتيكو), "سان" after a capital (باريس سان جيرمان), or the capital's own adjective after it (روما
    /// الإيطالي، ميلان is no capital).
    /// - Complexity: O(1).
    func sportsName(_ k: Int, capital: String?) -> Int? {
        let first = raw[k].tokens.lowerBound, last = raw[k].tokens.upperBound
        if raw[k].strip == 0, first > 0, text.tokens[first].spaceOnlyBefore,
           Self.teamWords.contains(text.hashes[first - 1]) || Self.clubPrefixes.contains(text.hashes[first - 1]) {
            return k + 1
        }
        guard let c = capital, state(k, form: .name) == nil else { return nil }
        if last < text.tokens.count, text.tokens[last].spaceOnlyBefore, text.hashes[last] == Self.saint { return k + 1 }
        if k + 1 < raw.count, adjacent(k, k + 1), state(k + 1, form: .adjective) == c { return k + 2 }
        return nil
    }

    /// Whether the people form at raw match `k` (الروس، الأمريكيين) describes the definite noun right before it,
    /// other than an institution's (السياح الروس، الطلاب الأمريكيين — not الجنود الروس, الدبلوماسيين الأمريكيين,
    /// whose nouns are institution nouns): then it names private people, not the state's side.
    /// - Complexity: O(1).
    func describesPeople(_ k: Int) -> Bool {
        let t = raw[k].tokens.lowerBound
        guard raw[k].strip == 0, raw[k].article, t > 0, text.tokens[t].boundaryBefore == .space, text.tokens[t].spaceOnlyBefore else { return false }
        // Soldiers, diplomats, officials (institution nouns, generic officials) are the state's agents.
        if k > 0 && raw[k - 1].tokens.upperBound == t && (has(k - 1, .institutionNoun) || has(k - 1, .genericOfficial)) { return false }
        let prev = text.codes(of: t - 1)
        return prev.count >= 4 && prev.first == ArabicAlphabet.alef && prev.dropFirst().first == ArabicAlphabet.lam
    }

    /// Words that begin clubs' names before a city: ريال (Real), أتلتيكو (Atlético).
    static let clubPrefixes: WordSet = WordSet(["ريال", "أتلتيكو", "اتلتيكو", "أتليتيكو"])
    static let saint = WordHash.hash(NormalizedForm.codes(of: "سان"))

    /// Whether a sports team (منتخب، نادي) is named earlier in the sentence of token `t`. Not فريق: it is also a
    /// military rank (الفريق البرهان) and a working group.
    func teamBefore(_ t: Int) -> Bool {
        let sentence = text.sentenceOfToken[t]
        var i = t - 1
        while i >= 0 && text.sentenceOfToken[i] == sentence {
            if Self.teamWords.contains(text.hashes[i]) { return true }
            i -= 1
        }
        return false
    }

    static let teamWords: WordSet = WordSet(["المنتخب", "منتخب", "والمنتخب", "ومنتخب", "لمنتخب", "للمنتخب", "بالمنتخب",
                                             "النادي", "نادي", "ونادي", "والنادي"])

    /// "الوزير الروسي": a person of that state named before; "مسؤول تركي", "المسؤولين الروس": the state.
    func resolveGeneric(at k: Int) -> Int? {
        guard let s = stateAfter(k) else { return nil }
        let j = k + 1
        if j + 1 < raw.count, adjacent(j, j + 1, allowComma: true), let p = person(j + 1, allowAmbiguous: true) {
            emitPerson(p, tokens: raw[j + 1].tokens, strip: raw[j + 1].strip, method: .lexicon)
            return j + 2
        }
        // Only a definite singular refers back: "مسؤول تركي" (an official) and "المسؤولين الروس" (officials)
        // are not someone named before.
        let word = text.normalized(raw[k].tokens.upperBound - 1)
        let plural = word.hasSuffix("ين") || word.hasSuffix("ون")
        if raw[k].article, !plural, let p = lastPersonByCountry[s] {
            emitPerson(p, tokens: raw[k].tokens.lowerBound..<raw[j].tokens.upperBound, strip: raw[k].strip, method: .coreference)
        } else {
            emit(s, kind: .state, country: s, tokens: raw[j].tokens, strip: raw[j].strip, method: .lexicon)
        }
        return j + 1
    }

    /// Whether the title at `k` is a dual (وزيرا، رئيسا، وزيري): its first word ends in ا or ي after the
    /// singular stem.
    func isDual(_ k: Int) -> Bool {
        let first = text.original(tokens: raw[k].tokens.lowerBound..<(raw[k].tokens.lowerBound + 1))
        return ["وزيرا", "وزيري", "رئيسا", "رئيسي"].contains { first.hasSuffix($0) }
    }

    /// Whether person `id` is named by one of the next raw matches within `window` of them, in the same sentence.
    func namedAhead(_ id: String, after j: Int, within window: Int) -> Bool {
        guard j < raw.count else { return false }
        let sentence = text.sentenceOfToken[raw[j - 1].tokens.lowerBound]
        var m = j
        while m < raw.count, m < j + window, text.sentenceOfToken[raw[m].tokens.lowerBound] == sentence {
            if raw[m].targets.contains(where: { if case .person(id, _, _) = $0 { return true } else { return false } }) { return true }
            m += 1
        }
        return false
    }

    /// Whether a person of `place` (state or organisation) is named in the next raw matches of the sentence.
    func personOfPlaceAhead(_ place: String, after j: Int, within window: Int) -> Bool {
        guard j < raw.count, j > 0 else { return false }
        let sentence = text.sentenceOfToken[raw[j - 1].tokens.lowerBound]
        var m = j
        while m < raw.count, m < j + window, text.sentenceOfToken[raw[m].tokens.lowerBound] == sentence {
            if case .title = raw[m].targets.first { return false }  // another title starts another person
            for t in raw[m].targets {
                if case .person(let id, _, let ambiguous) = t, !ambiguous,
                   affiliation(id).country == place || affiliation(id).organization == place {
                    return true
                }
            }
            m += 1
        }
        return false
    }

    /// Any organisation at `k`, ambiguous short forms included (after a title they are not ambiguous).
    func orgAny(_ k: Int) -> String? {
        for t in raw[k].targets { if case .organization(let id, _, _) = t { return id } }
        return nil
    }

    /// The tokens of a person's name starting at token `t`: a given name followed by one to three more
    /// words, stopping at punctuation, function words, verbs of saying, lexicon phrases and, after its first two
    /// words, frequent ordinary words (`common-words.tsv`).
    func discoverName(from t: Int) -> Range<Int>? {
        let tokens = text.tokens
        guard t < tokens.count, tokens[t].boundaryBefore == .space || tokens[t].boundaryBefore == .clause else { return nil }
        guard lexicon.givenNames[text.hashes[t]] != nil else { return nil }
        // على and علي normalise alike; the original spelling tells the preposition from the name.
        let written = text.original(tokens: t..<(t + 1))
        if StopWords.writtenPrepositions.contains(written) { return nil }
        var end = t + 1
        while end < tokens.count, end - t < 4, tokens[end].boundaryBefore == .space, onlySpaceBefore(end) {
            let h = text.hashes[end]
            if StopWords.contains(h) || startsLexiconPhrase(end) { break }
            // After the first two words an ordinary word ends the name ("أيوب القرا القريب جدا").
            if end - t >= 2, lexicon.commonWords[h] != nil, lexicon.givenNames[h] == nil { break }
            end += 1
        }
        // A name never ends in بن، ولد، أبو، عبد: the next word belongs to it even when it begins a lexicon phrase
        // ("علي بن الحسين", "إياد بن أمين مدني").
        while end < tokens.count, end - t < 5, StopWords.particles.contains(text.hashes[end - 1]), tokens[end].boundaryBefore == .space,
              onlySpaceBefore(end), !StopWords.contains(text.hashes[end]) {
            end += 1
        }
        // A lone given name is not a name; "عبد" needs its second part.
        guard end - t >= 2 else { return nil }
        return t..<end
    }

    /// Whether the title at raw match `k` (its state or organisation ending before token `titleEnd`) names a
    /// former holder: السابق، الأسبق، الراحل after the title or after its state.
    /// - Complexity: O(1).
    func isFormer(_ k: Int, titleEnd: Int) -> Bool {
        func former(_ t: Int) -> Bool {
            t < text.tokens.count && text.tokens[t].spaceOnlyBefore && Self.former.contains(text.hashes[t])
        }
        return former(raw[k].tokens.upperBound) || former(titleEnd)
    }

    /// السابق، الأسبق، الراحل and their feminine forms, المخلوع and المعزول (deposed): a former holder of the
    /// title before.
    static let former: WordSet = WordSet(["السابق", "السابقة", "الأسبق", "الأسبقة", "الراحل", "الراحلة", "المخلوع", "المعزول"])

    /// The token after an honorific starting at token `t` (السفير، الأمير، الفريق أول …), if there is one.
    func honorificEnd(at t: Int) -> Int? {
        guard t < text.tokens.count, text.tokens[t].spaceOnlyBefore,
              Self.honorifics.contains(text.hashes[t]) else { return nil }
        if t + 1 < text.tokens.count, text.tokens[t + 1].spaceOnlyBefore,
           text.hashes[t + 1] == Self.first { return t + 2 }  // الفريق أول
        return t + 1
    }

    static let honorifics: WordSet = WordSet([
        "السفير", "الأمير", "الشيخ", "السيد", "السيدة", "الدكتور", "الدكتورة", "المستشار", "المشير", "الفريق", "اللواء",
        "العميد", "العقيد", "المهندس", "الأستاذ", "القاضي", "الحاج", "الجنرال", "الأدميرال", "البروفيسور", "الإمام",
    ])
    static let first = WordHash.hash(NormalizedForm.codes(of: "أول"))

    /// Whether only spaces separate token `t` from the one before (no colon, quote or bracket).
    func onlySpaceBefore(_ t: Int) -> Bool {
        let gap = text.original(utf8: Int(text.tokens[t - 1].utf8End)..<Int(text.tokens[t].utf8Start))
        return gap.unicodeScalars.allSatisfy { $0 == " " || $0 == "\u{A0}" }
    }

    /// Whether a raw match other than a name starts at token `t`.
    /// - Complexity: O(log m) in the raw matches.
    func startsLexiconPhrase(_ t: Int) -> Bool {
        var lo = 0, hi = raw.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if raw[mid].tokens.lowerBound < t { lo = mid + 1 } else { hi = mid }
        }
        guard lo < raw.count, raw[lo].tokens.lowerBound == t else { return false }
        return raw[lo].targets.contains { if case .person = $0 { return false } else { return true } }
    }
}
