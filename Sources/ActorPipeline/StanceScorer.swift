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

    init(text: TokenizedText, triggers: [TriggerHit]) {
        self.text = text
        var bySentence: [Int: [TriggerHit]] = [:]
        for t in triggers { bySentence[t.sentence, default: []].append(t) }
        triggersBySentence = bySentence
        var contrasts: [Int: [Int]] = [:]
        for s in Set(triggers.map(\.sentence)) where s < text.sentences.count {
            contrasts[s] = text.contrastStarts(in: text.sentences[s].tokens)
        }
        contrastsBySentence = contrasts
    }

    /// The stance between actor `x` (first mention at token `px`) and `y` (at `py`) in `sentence`.
    func score(x: String, px: Int, y: String, py: Int, sentence: Int) -> PairStance {
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
        var lastRefusalEnd = -10
        var bestMagnitude = 0.0
        for t in triggers where t.tokens.lowerBound >= from && t.tokens.lowerBound < to {
            if t.category.negatesFollowing { lastRefusalEnd = t.tokens.upperBound }
            if t.score > 0 && t.tokens.lowerBound - lastRefusalEnd <= 2 && t.tokens.lowerBound >= lastRefusalEnd {
                continue  // رفض التعاون: the refusal carries the stance
            }
            if t.score > 0 { result.cooperation += t.score } else { result.conflict += -t.score }
            var subject: String? = nil
            if t.category.isDirected && !t.negated {
                let pos = t.tokens.lowerBound
                if pos < lo || (pos > lo && pos < hi) {
                    subject = lo == px ? x : y
                }
                if subject == x { result.forward += abs(t.score) } else if subject == y { result.backward += abs(t.score) }
            }
            if abs(t.score) > bestMagnitude {
                bestMagnitude = abs(t.score)
                result.trigger = t
                result.source = subject
            }
        }
        return result
    }
}

