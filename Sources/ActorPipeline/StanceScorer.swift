import ActorExtraction
import ActorKnowledge
import ActorText

/// The stance of one pair of actors in one window, from the triggers that link them.
struct PairStance {
    var cooperation = 0.0
    var conflict = 0.0
    /// Directional weight from the first actor to the second, and back.
    var forward = 0.0
    var backward = 0.0
    /// The strongest trigger, as evidence.
    var trigger: TriggerHit? = nil
    /// The actor the strongest directed trigger comes from.
    var source: String? = nil
    /// Whether a contrast word (بينما، في حين، لكن) separates the two actors, which cuts the link.
    var cut = false
    /// Whether the two are co-agents or co-targets of a directed trigger (aligned, not related by it).
    var aligned = false

    /// Net stance: above 0 cooperative, below 0 conflictual.
    var net: Double { cooperation - conflict }
}

/// Scores pairs of actors from the stance triggers of their sentence.
///
/// The triggers that count for a pair are those in the stretch of the sentence that holds both actors and
/// no contrast word between them (so "دعمت روسيا النظام، بينما طالبت واشنطن برحيله" does not relate Russia
/// with Washington's demand). A refusal (رفض، نفى) cancels a cooperative trigger right after it (رفض
/// التعاون). Direction, for directed categories (condemn, support, attack, veto …), follows Arabic word
/// order: an actor before the trigger is its subject (SVO, or a participle's earlier subject: منددة بـ);
/// when both follow it (VSO: هاجم الائتلاف قوات النظام), the first is the subject.
struct StanceScorer {
    let text: TokenizedText
    /// Triggers grouped by sentence, in text order.
    let triggersBySentence: [Int: [TriggerHit]]
    /// Token indices where a contrast word opens a clause, by sentence.
    let contrastsBySentence: [Int: [Int]]

    /// First tokens of the actor mentions, by sentence, sorted.
    let actorsBySentence: [Int: [Int]]

    /// The actor whose mention starts at a token.
    let actorAt: [Int: String]

    /// - Parameter sentences: the sentences that hold two or more actors (only they are scored).
    /// - Parameter listOf: for each actor mention's first token, the list of coordinated actors it belongs to
    ///   (روسيا وإيران وتركيا: one list; an actor named alone is a list of one).
    /// The list (of coordinated actors) of each actor mention, by its first token; see `init`.
    let listOf: [Int: Int]

    init(text: TokenizedText, triggers: [TriggerHit], sentences: Set<Int>, actors: [Int: [Int]] = [:], actorAt: [Int: String] = [:],
         listOf: [Int: Int] = [:]) {
        self.actorsBySentence = actors.mapValues { $0.sorted() }
        self.actorAt = actorAt
        self.listOf = listOf
        self.text = text
        var bySentence: [Int: [TriggerHit]] = [:]
        for t in triggers { bySentence[t.sentence, default: []].append(t) }
        triggersBySentence = bySentence
        var contrasts: [Int: [Int]] = [:]
        for s in sentences where s < text.sentences.count {
            contrasts[s] = text.contrastStarts(in: text.sentences[s].tokens, newSubjectOnly: true)
        }
        contrastsBySentence = contrasts
    }

    /// Of the mentions `xs` and `ys` (token, sentence), the two in one sentence that are closest, preferring a
    /// pair that no contrast word separates; `nil` when they never share a sentence.
    /// - Complexity: O(n + m) for mentions in text order (a merge walk), so a huge one-sentence document does
    ///   not become quadratic.
    func closestPair(_ xs: [(token: Int, sentence: Int)], _ ys: [(token: Int, sentence: Int)]) -> (px: Int, py: Int, sentence: Int)? {
        var best: (px: Int, py: Int, sentence: Int, key: (Int, Int))? = nil
        func consider(_ x: (token: Int, sentence: Int), _ y: (token: Int, sentence: Int)) {
            guard x.sentence == y.sentence, x.token != y.token else { return }
            let lo = min(x.token, y.token), hi = max(x.token, y.token)
            let cut = (contrastsBySentence[x.sentence] ?? []).contains { $0 > lo && $0 <= hi } ? 1 : 0
            let key = (cut, hi - lo)
            if best == nil || key < best!.key { best = (x.token, y.token, x.sentence, key) }
        }
        // Each mention's nearest neighbours of the other actor are the ones just before and after it.
        var j = 0
        for x in xs {
            while j < ys.count && ys[j].token < x.token { j += 1 }
            if j < ys.count { consider(x, ys[j]) }
            if j > 0 { consider(x, ys[j - 1]) }
        }
        return best.map { ($0.px, $0.py, $0.sentence) }
    }

    /// How far (in tokens) outside the stretch between two actors a trigger may stand and still count.
    static let reach = 30
    /// Weight of a definite noun trigger (الاتفاق، الاجتماع) against a verb's 1.
    static let topicWeight = 0.4
    /// For the two parties of a mediation, its weight as a conflict (a fraction of its intensity).
    static let mediatedDisputeWeight = 0.4
    /// Weight of a trigger whose object is not an actor (رحبت بالخطوة) against one that governs an actor.
    static let otherObjectWeight = 0.35
    /// Hostile acts one can refuse to do (رفض إدانة، رفض فرض عقوبات، رفض أي عدوان).
    static let refusable: Set<TriggerCategory> = [.condemn, .sanction, .attack, .fight, .expel, .veto, .blockade]

    /// Weight of a definite noun that the sentence goes on to evaluate (الاتفاق … بأنه خطأ).
    static let evaluatedTopicWeight = 0.1

    /// Whether a بأنه / بأنها / بأن follows trigger `t` within a few tokens: it is being described.
    func isEvaluated(_ t: TriggerHit) -> Bool {
        var i = t.tokens.upperBound
        while i < min(text.tokens.count, t.tokens.upperBound + 4), Int(text.sentenceOfToken[i]) == t.sentence {
            if Self.describedAs.contains(text.hashes[i]) { return true }
            i += 1
        }
        return false
    }

    /// "أي" (any) and its proclitic forms: before a cooperative noun it makes the act hypothetical.
    static let any: WordSet = WordSet(["أي", "لأي", "بأي", "وأي", "فأي"])

    /// Whether cooperative trigger `t` is hypothetical: "any agreement, any support" (ترحب بأي اتفاق يمنع إيران،
    /// لن تعترف بأي اتفاقات، حذرت من أي تسوية، نافية تقديم أي دعم) names no act between the sentence's actors.
    func isHypothetical(_ t: TriggerHit) -> Bool {
        let p = t.tokens.lowerBound
        return t.score > 0 && p > 0 && Int(text.sentenceOfToken[p - 1]) == t.sentence && Self.any.contains(text.hashes[p - 1])
    }

    static let describedAs: WordSet = WordSet(["بأنه", "بأنها", "بأنهم", "بأن", "بكونه", "بكونها"])
    static let betweenWord = WordHash.hash(NormalizedForm.codes(of: "بين"))

    /// The first بين after trigger `t` in its sentence (within ``reach``), if any.
    func betweenAfter(_ t: TriggerHit) -> Int? {
        var i = t.tokens.upperBound
        while i < min(text.tokens.count, t.tokens.upperBound + Self.reach), Int(text.sentenceOfToken[i]) == t.sentence {
            if text.hashes[i] == Self.betweenWord { return i }
            i += 1
        }
        return nil
    }

    /// How many tokens after a trigger an actor may start and still be its object or subject (أدانت تركيا،
    /// الضغط على نظام الأسد، بحث مع نظيره التركي).
    static let objectReach = 4

    /// Whether trigger `t` bears on the pair: the first actor it governs (within ``objectReach`` tokens after
    /// it) is one of the two — "أدانت تركيا الغارات الروسية" for Turkey and Russia, not for a third state of the
    /// sentence — or it governs no actor and ends its clause. A trigger whose object is a third actor or a
    /// thing (رحبت بالخطوة) relates others.
    func governsPair(_ t: TriggerHit, x: String, y: String, actors: [Int]) -> Bool {
        let end = t.tokens.upperBound
        if let first = Self.firstActor(in: actors, from: end), first < end + Self.objectReach {
            // "ترحب بأي اتفاق يمنع إيران": its object is a hypothetical thing, not the actor after it.
            if (end..<first).contains(where: { Self.any.contains(text.hashes[$0]) }) { return false }
            guard let who = actorAt[first] else { return true }
            return who == x || who == y
        }
        return governsActor(t, actors: actors)
    }

    /// The first token of the actor that trigger `t` has as its subject through a relative pronoun right
    /// before it (الذي، التي): the last actor mention within three tokens before the pronoun.
    func relativeAntecedent(_ t: TriggerHit, actors: [Int]) -> Int? {
        let r = t.tokens.lowerBound - 1
        guard r > 0, Int(text.sentenceOfToken[r]) == t.sentence, Self.relativePronouns.contains(text.hashes[r]) else { return nil }
        // The last actor before the pronoun.
        let next = Self.firstActorIndex(in: actors, from: r)
        guard next > 0 else { return nil }
        let z = actors[next - 1]
        return r - z <= 3 ? z : nil
    }

    /// Singular only: a dual or plural pronoun (اللتين، الذين) may stand for a whole list before it ("روسيا والصين
    /// اللتين استخدمتا الفيتو": both acted).
    static let relativePronouns = WordSet(["الذي", "التي"])
    static let withWord = WordSet(["مع"])

    /// The first actor token at or after `token` in the sorted `actors`, by binary search (a one-sentence
    /// document can hold millions of mentions).
    static func firstActor(in actors: [Int], from token: Int) -> Int? {
        let i = firstActorIndex(in: actors, from: token)
        return i < actors.count ? actors[i] : nil
    }

    /// The index in the sorted `actors` of the first token at or after `token` (`actors.count` when none).
    static func firstActorIndex(in actors: [Int], from token: Int) -> Int {
        var lo = 0, hi = actors.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if actors[mid] < token { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Whether trigger `t` governs an actor — one starts within ``objectReach`` tokens after it — or stands
    /// alone at the end of its clause (اتفقا، التقيا); `false` when its object is another word.
    func governsActor(_ t: TriggerHit, actors: [Int]) -> Bool {
        let end = t.tokens.upperBound
        if let first = Self.firstActor(in: actors, from: end), first < end + Self.objectReach { return true }
        guard end < text.tokens.count, Int(text.sentenceOfToken[end]) == t.sentence else { return true }
        return text.tokens[end].boundaryBefore.rawValue >= ScalarClass.clause.rawValue
    }

    /// The stance between actor `x` (first mention at token `px`) and `y` (at `py`) in `sentence`.
    ///
    /// Triggers count with a weight that falls with their distance from the pair: 1 between the two actors,
    /// 1/(1+d) at d tokens outside them, nothing beyond ``reach``. When the two actors are coordinated
    /// (روسيا والصين، الولايات المتحدة وبريطانيا), a directed trigger (veto, strike, condemn) has them on the
    /// same side: they are aligned (a cooperative +3), and only mutual triggers (agree, meet, fight) relate
    /// them to each other.
    /// - Parameter enumerated: the two are members of a list of four or more (see
    ///   ``GraphBuilder/enumerationLength``): coordinated, but never aligned by it.
    func score(x: String, px: Int, y: String, py: Int, sentence: Int, coordinated: Bool = false, enumerated: Bool = false) -> PairStance {
        var result = PairStance()
        guard let triggers = triggersBySentence[sentence], sentence < text.sentences.count else { return result }
        let lo = min(px, py), hi = max(px, py)
        let contrasts = contrastsBySentence[sentence] ?? []
        if contrasts.contains(where: { $0 > lo && $0 <= hi }) {
            result.cut = true
            return result
        }
        let bounds = text.sentences[sentence].tokens
        let from = contrasts.last(where: { $0 <= lo }) ?? bounds.lowerBound
        let to = contrasts.first(where: { $0 > hi }) ?? bounds.upperBound
        var best = 0.0
        var aligned = false
        let inSegment = triggers.filter { $0.tokens.lowerBound >= from && $0.tokens.lowerBound < to }
        let actors = (actorsBySentence[sentence] ?? []).filter { $0 >= from && $0 < to }
        var skip = Set<Int>()  // indices in inSegment not to count
        var refused = Set<Int>()  // contents a refusal negates: what its subject refuses to do
        for (i, e) in inSegment.enumerated() where e.category.embedsFollowing {
            // The trigger after an accusation or refusal is its content (اتهمت واشنطن موسكو بدعم الأسد).
            guard i + 1 < inSegment.count, inSegment[i + 1].tokens.lowerBound - e.tokens.upperBound <= 6 else { continue }
            let c = inSegment[i + 1]
            // Its objects: the actors between the two triggers, less the subject when none precedes the
            // accusation (VSO: the first actor after the verb is its subject).
            var objects = actors.filter { $0 >= e.tokens.upperBound && $0 < c.tokens.lowerBound }
            if !actors.contains(where: { $0 < e.tokens.lowerBound }), !objects.isEmpty { objects.removeFirst() }
            // "رفضت روسيا إدانة الجيش الوطني الليبي", "رفضت أي عدوان على سوريا": a refusal with no object of its
            // own, before a hostile act that is not a definite noun (رفض العدوان rejects a known act of another),
            // is refusing to do it: for its subject and the act's target, the act is negated.
            if e.category == .reject || e.category == .deny, !e.negated, objects.isEmpty, !c.definiteNoun, !c.negated,
               Self.refusable.contains(c.category), lo < c.tokens.lowerBound, hi >= c.tokens.upperBound {
                skip.insert(i)
                refused.insert(i + 1)
                continue
            }
            if objects.contains(lo) && hi >= c.tokens.upperBound {
                skip.insert(i)  // the pair is the content's: the accused and what it is accused of
            } else {
                skip.insert(i + 1)  // the pair is the accusation's: its content is not their relation
            }
        }
        for (i, t) in inSegment.enumerated() {
            if skip.contains(i) { continue }
            if let l = t.pairLeft, let r = t.pairRight, (l, r) != (lo, hi) { continue }
            if isHypothetical(t) { continue }
            let pos = t.tokens.lowerBound
            // "المتمردون الحوثيون وحليفهم … صالح، … محمد علي الحوثي": a trigger with a pronoun enclitic is the act
            // or tie of somebody named before it, so it does not relate two actors that both come after it.
            if t.possessed && pos < lo { continue }
            // "السعودية وحلفاؤها … ضد الحوثي": an alliance word right after an actor names that actor's own
            // allies, not a tie to the other actor.
            // (But "تركيا تحالفها مع الولايات المتحدة" names the partner with مع.)
            if t.category == .ally && t.pairLeft == nil && actors.contains(pos - 1) && pos - 1 == lo,
               !(t.tokens.upperBound < text.tokens.count && Self.withWord.contains(text.hashes[t.tokens.upperBound])) { continue }
            let distance = pos < lo ? lo - t.tokens.upperBound : (pos > hi ? pos - hi - 1 : 0)
            guard distance <= Self.reach else { continue }
            // Between the two, but with another actor nearer on each side ("أ … ب يدعم ج … د"): the word relates
            // the nearer two; the outer pair only shares the sentence.
            // Actors of the same list as one of the two (موسكو وطهران وأنقرة، داعش وجبهة النصرة) are its side, not
            // nearer actors.
            if pos > lo && pos < hi && t.pairLeft == nil {
                let loList = listOf[lo], hiList = listOf[hi]
                if actors.contains(where: { $0 > lo && $0 < pos && (loList == nil || listOf[$0] != loList) }),
                   actors.contains(where: { $0 >= t.tokens.upperBound && $0 < hi && (hiList == nil || listOf[$0] != hiList) }) {
                    continue
                }
            }
            // "نيجيريا، التي حذر رئيسها الولايات المتحدة": a verb at the head of a relative clause has the actor
            // just before the relative pronoun as its subject, and relates it to what follows — not an actor
            // named earlier (الكاميرون), and not two actors that both come before it.
            if let z = relativeAntecedent(t, actors: actors), let subject = actorAt[z] {
                if subject != x && subject != y { continue }
                if hi < pos { continue }
            }
            if coordinated && t.category.isDirected {
                aligned = true
                continue
            }
            // A fight outside the pair is against someone else: "روسيا والولايات المتحدة تقتربان من محاربة
            // المسلحين" makes the two allies; "التعاون الإيراني السوري الروسي في محاربة الإرهاب" likewise.
            let outside = pos < lo || pos > hi
            // …but a noun in construct with the two is their act with each other: حرب إيران والعراق.
            let construct = t.noun && t.tokens.upperBound == lo
            if t.score < 0 && !t.negated && !t.category.isCooperative && !t.category.isDirected && outside && coordinated && !construct {
                aligned = true
                continue
            }
            // Rounded to a multiple of 1/1024: sums of such numbers are exact in binary floating point, so
            // totals do not depend on the order in which shards are merged.
            // A definite noun (الاتفاق) is more often the topic than the relation: it counts less. So does a
            // trigger whose object is something other than an actor (رحبت بالخطوة، دعم الإرهاب): it relates
            // its subject to that thing, not to the other actor of the sentence.
            // A definite noun that is then evaluated ("وصف نتنياهو الاتفاق مع إيران بأنه خطأ تاريخي") is only the
            // topic: the evaluation is the relation.
            let definite = !t.definiteNoun ? 1 : (isEvaluated(t) ? Self.evaluatedTopicWeight : Self.topicWeight)
            let topic = definite * (governsPair(t, x: x, y: y, actors: actors) ? 1 : Self.otherObjectWeight)
            // Mediation between two parties (توسطت مصر بين حماس وإسرائيل، وساطة قطرية بين واشنطن وطهران) presupposes
            // their dispute: for the two parties (both after it) it weighs as a mild conflict.
            // The parties are the actors after بين when the sentence has it (توسطت قطر بين أمريكا وإيران: Qatar is
            // the mediator, not a party); otherwise both actors after the trigger.
            let between = t.category == .mediate ? betweenAfter(t) : nil
            let parties = t.category == .mediate && !t.negated && (between.map { lo > $0 } ?? (pos < lo))
            let sign = parties ? -Self.mediatedDisputeWeight : 1
            let base = refused.contains(i) ? -t.score / 2 : t.score
            let weighted = (base * sign * topic / Double(1 + max(distance, 0)) * 1024).rounded() / 1024
            if weighted > 0 { result.cooperation += weighted } else { result.conflict += -weighted }
            var subject: String? = nil
            if t.category.isDirected && !t.negated && (pos < lo || pos < hi) {
                subject = lo == px ? x : y
                if subject == x { result.forward += abs(weighted) } else { result.backward += abs(weighted) }
            }
            if abs(weighted) > best {
                best = abs(weighted)
                result.trigger = t
                result.source = subject
            }
        }
        if enumerated && result.cooperation == 0 && result.conflict == 0 {
            // Listed among many: neither aligned by the act nor by being named together.
            return result
        }
        if aligned && result.cooperation == 0 && result.conflict == 0 {
            result.cooperation = 3
            result.aligned = true
        } else if coordinated && result.trigger == nil && result.cooperation == 0 && result.conflict == 0 {
            // Named together with no word relating them (مساعي إيران وروسيا): weakly aligned.
            result.cooperation = 1
            result.aligned = true
        }
        return result
    }
}

