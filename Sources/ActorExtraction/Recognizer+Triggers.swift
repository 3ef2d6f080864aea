import ActorKnowledge
import ActorText

/// A stance trigger found in a document.
public struct TriggerHit: Sendable, Hashable {
    /// Token range of the trigger phrase.
    public var tokens: Range<Int>
    public var sentence: Int
    /// The trigger as written.
    public var text: String
    public var category: TriggerCategory
    /// Signed intensity (−10…+10), already reversed when negated.
    public var score: Double
    /// Whether a negation (لم، لن، لا، عدم …) reversed it.
    public var negated: Bool
    /// A definite noun (الاتفاق، الاجتماع): usually names an event already known, the topic of another
    /// predicate ("وصف الاتفاق بأنه خطأ"), rather than an event between the actors of the sentence.
    public var definiteNoun: Bool = false
    /// A noun (حرب، اتفاق، زيارة), definite or not: in construct with an actor (حرب إيران) it names that actor's act.
    public var noun: Bool = false
    /// Whether it carries a pronoun enclitic (دعمها، حليفهم، إدانته): the act or tie of somebody named before it.
    public var possessed: Bool = false
    /// For a trigger that relates only the two actors around it (إلى جانب): the first tokens of their mentions.
    public var pairLeft: Int? = nil
    public var pairRight: Int? = nil
}

/// Everything the recogniser finds in one document.
public struct DocumentAnalysis: Sendable {
    public var text: TokenizedText
    public var mentions: [Mention]
    public var triggers: [TriggerHit]
}

extension Recognizer {
    /// Intensity of a demand found by its construction (طالب X بـ…), as for طالبت in the trigger lexicon.
    static let demandIntensity = -2.0
    /// Intensity of "alongside" between two actors (an alliance in deed, weaker than a declared one).
    static let alongsideIntensity = 4.0

    /// A verb that is a trigger only when one of its nouns follows in the clause.
    struct Construction: Sendable {
        var cue: AliasTarget.Cue
        /// Normalised nouns, article removed (``WordHash`` hashes).
        var nouns: WordSet
        var category: TriggerCategory
        /// As for the same category in the trigger lexicon.
        var intensity: Double

        init(_ cue: AliasTarget.Cue, _ nouns: [String], _ category: TriggerCategory, _ intensity: Double) {
            self.cue = cue
            self.nouns = WordSet(nouns)
            self.category = category
            self.intensity = intensity
        }
    }

    static let constructions: [Construction] = [
        Construction(.signConstruction, [
            "اتفاق", "اتفاقا", "اتفاقية", "اتفاقيات", "اتفاقات", "إعلان", "إعلانا", "مذكرة", "مذكرات", "معاهدة",
            "ميثاق", "ميثاقا", "وثيقة", "بروتوكول", "بروتوكولا", "عقد", "عقدا", "عقود", "صفقة", "صفقات",
        ], .sign, 6),
        Construction(.suspendConstruction, [
            "عضوية", "عضويتها", "عضويته", "مشاركة", "مشاركتها", "مشاركته",
        ], .sanction, -6),
    ]

    /// Whether a trigger word is used for something that is no act between actors: a refusal to comment or
    /// to disclose ("رفض المتحدث التعليق", "رفضت الكشف عن هويتها": declined to comment, to be named), دعم as
    /// a subsidy ("دعم الطاقة", "دعم الوقود": energy and fuel subsidies, not support for anybody), or طالبا
    /// as "a student".
    /// - Complexity: O(1): a few tokens after the trigger.
    static func isNotAnAct(_ category: TriggerCategory, _ tokens: Range<Int>, in text: TokenizedText) -> Bool {
        let end = tokens.upperBound
        guard end < text.tokens.count else { return false }
        let sentence = text.sentenceOfToken[tokens.lowerBound]
        switch category {
        case .reject, .deny:
            // The refused thing comes within a few words, after the subject of a verb-first sentence.
            var t = end
            while t < min(text.tokens.count, end + 6), text.sentenceOfToken[t] == sentence {
                if Self.declinedObjects.contains(text.hashes[t]) { return true }
                t += 1
            }
            return false
        case .support:
            return text.tokens[end].spaceOnlyBefore && Self.subsidised.contains(text.hashes[end])
        case .demand where tokens.count == 1 && text.hashes[tokens.lowerBound] == Self.talibaan:
            // طالبا is "they two demanded" or "demanding" only with what is demanded (بوقف، بالانسحاب) after
            // it; otherwise it is "a student" (120 طالبا، طالبا جامعيا).
            var t = end
            while t < min(text.tokens.count, end + 4), text.sentenceOfToken[t] == sentence {
                let codes = text.codes(of: t)
                if codes.count >= 4, codes.first == ArabicAlphabet.beh { return false }
                t += 1
            }
            return true
        default:
            return false
        }
    }

    static let talibaan = WordHash.hash(NormalizedForm.codes(of: "طالبا"))

    /// What one declines to do that is no act towards anybody: comment, make a statement, disclose, name.
    static let declinedObjects = WordSet([
        "التعليق", "بالتعليق", "للتعليق", "الإدلاء", "بالإدلاء", "الكشف", "الإفصاح", "ذكر",
    ])

    /// What دعم (support) subsidises when it is a subsidy: energy, fuel, electricity, staple goods, prices ("داعم
    /// للطاقة" a subsidiser of energy; "الدعم الحكومي" government subsidies).
    static let subsidised = WordSet([
        "الطاقة", "الوقود", "المحروقات", "البنزين", "الديزل", "الكهرباء", "السلع", "الأسعار", "الخبز", "القمح", "السكر",
        "الأعلاف", "للطاقة", "للوقود", "للمحروقات", "للكهرباء", "للسلع", "الحكومي",
    ])

    /// على and عن, after which a cancellation verb means something else (علق على: commented on).
    static let onOrAbout: WordSet = WordSet(["على", "عن"])

    /// Mentions and stance triggers of a document, from one scan.
    /// - Complexity: O(t) in the tokens.
    public func analyze(_ text: TokenizedText, date: String?) -> DocumentAnalysis {
        let (raw, mentions) = resolve(text, date: date)
        var triggers: [TriggerHit] = []
        for (k, m) in raw.enumerated() where m.has(kinds: RawMatch.Kinds.trigger) {
            for target in m.targets {
                guard case .trigger(let index) = target else { continue }
                let entry = knowledge.triggers[Int(index)]
                if Self.isNotAnAct(entry.category, m.tokens, in: text) { break }
                // "حلف «ناتو»"، "تحالف …": an alliance word right before an organisation is part of its name.
                if entry.category == .ally, k + 1 < raw.count, raw[k + 1].tokens.lowerBound == m.tokens.upperBound,
                   raw[k + 1].has(kinds: RawMatch.Kinds.organization) { break }
                // A negation one or two words before, in the same clause: لم يتفق، لن تقبل، عدم التدخل.
                var negated = false, cancelled = false
                var b = k - 1
                while b >= 0, m.tokens.lowerBound - raw[b].tokens.upperBound <= 1 {
                    // علق على، علقت عن: "commented on", not "suspended".
                    let cancels = raw[b].has(.cancellation) && !Self.onOrAbout.contains(text.hashes[min(raw[b].tokens.upperBound, text.tokens.count - 1)])
                    if cancels || raw[b].has(.negation),
                       text.sentenceOfToken[raw[b].tokens.lowerBound] == text.sentenceOfToken[m.tokens.lowerBound] {
                        // A negated cancellation keeps the act: "لن تخفف ضغوطها" (will not ease its pressure).
                        let doubled = cancels && b > 0 && raw[b].tokens.lowerBound - raw[b - 1].tokens.upperBound <= 1
                            && raw[b - 1].has(.negation)
                        negated = !doubled
                        cancelled = cancels && !doubled
                        break
                    }
                    b -= 1
                }
                // Not doing something weighs half of doing it; cancelling a cooperative act (تعليق مشاركة، إلغاء
                // الزيارة) is a conflictual act as strong as the act; stopping a hostile one (وقف الغارات) stays half.
                let score = !negated ? entry.intensity : (cancelled && entry.intensity > 0 ? -entry.intensity : -entry.intensity / 2)
                triggers.append(TriggerHit(
                    tokens: m.tokens, sentence: Int(text.sentenceOfToken[m.tokens.lowerBound]),
                    text: text.original(tokens: m.tokens), category: entry.category,
                    score: score, negated: negated,
                    definiteNoun: entry.kind == "noun" && m.article, noun: entry.kind == "noun", possessed: m.enclitic))
                break
            }
        }
        // "طالب وزير الخارجية الإيراني السعودية بوقف الغارات": طالب followed by an actor and then a word with
        // the preposition بـ is the verb "demanded", not the noun "student".
        var next = 0
        for m in raw where m.has(.demandConstruction) {
            let end = m.tokens.upperBound
            while next < mentions.count && mentions[next].tokens.lowerBound < end { next += 1 }
            guard next < mentions.count, mentions[next].tokens.lowerBound < end + 4 else { continue }
            var after = mentions[next].tokens.upperBound
            if next + 1 < mentions.count, mentions[next + 1].tokens.lowerBound == after { after = mentions[next + 1].tokens.upperBound }
            guard after < text.tokens.count, text.sentenceOfToken[after] == text.sentenceOfToken[m.tokens.lowerBound] else { continue }
            let codes = text.codes(of: after)
            guard codes.count >= 4, codes.first == ArabicAlphabet.beh else { continue }
            triggers.append(TriggerHit(
                tokens: m.tokens, sentence: Int(text.sentenceOfToken[m.tokens.lowerBound]),
                text: text.original(tokens: m.tokens), category: .demand, score: Self.demandIntensity, negated: false))
        }
        // Verb … noun constructions: "وقع ممثلو الجيش وقوات الدعم السريع في جدة اتفاقا" (signed), "علّق الاتحاد
        // الأفريقي عضوية السودان" (suspended): the verb followed in its clause by one of its nouns, with no
        // hostile trigger between; alone وقع is also "occurred" and علق also "commented".
        for construction in Self.constructions {
            var r = 0
            for m in raw where m.has(construction.cue) {
                let sentence = text.sentenceOfToken[m.tokens.lowerBound]
                while r < raw.count && raw[r].tokens.lowerBound < m.tokens.upperBound { r += 1 }
                var t = m.tokens.upperBound, q = r, found = false
                while t < min(text.tokens.count, m.tokens.upperBound + 30), text.sentenceOfToken[t] == sentence {
                    while q < raw.count && raw[q].tokens.upperBound <= t { q += 1 }
                    if q < raw.count, raw[q].tokens.lowerBound <= t, raw[q].targets.contains(where: {
                        if case .trigger(let i) = $0 { return knowledge.triggers[Int(i)].intensity < 0 } else { return false }
                    }) { break }
                    if construction.nouns.contains(WordHash.hash(Canonical.strip(text.codes(of: t)))) { found = true; break }
                    t += 1
                }
                guard found else { continue }
                triggers.append(TriggerHit(
                    tokens: m.tokens, sentence: Int(sentence), text: text.original(tokens: m.tokens),
                    category: construction.category, score: construction.intensity, negated: false))
            }
        }
        // "صوتت سوريا إلى جانب روسيا": alongside, right between two actors, puts them on one side; it relates
        // only those two (elsewhere إلى جانب is also "besides").
        var a = 0
        for m in raw where m.has(.alongside) {
            while a < mentions.count && mentions[a].tokens.upperBound < m.tokens.lowerBound { a += 1 }
            guard a < mentions.count, mentions[a].tokens.upperBound == m.tokens.lowerBound else { continue }
            var b = a + 1
            while b < mentions.count && mentions[b].tokens.lowerBound < m.tokens.upperBound { b += 1 }
            guard b < mentions.count, mentions[b].tokens.lowerBound == m.tokens.upperBound,
                  mentions[b].sentence == mentions[a].sentence else { continue }
            var hit = TriggerHit(
                tokens: m.tokens, sentence: mentions[a].sentence, text: text.original(tokens: m.tokens),
                category: .ally, score: Self.alongsideIntensity, negated: false)
            hit.pairLeft = mentions[a].tokens.lowerBound
            hit.pairRight = mentions[b].tokens.lowerBound
            triggers.append(hit)
        }
        triggers.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
        return DocumentAnalysis(text: text, mentions: mentions, triggers: triggers)
    }
}
