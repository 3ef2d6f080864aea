import ActorCorpus
import ActorExtraction
import ActorGraph
import ActorKnowledge
import ActorPipeline
import ActorText
import Foundation

/// Scores relations against the `pairs` of an annotated set: recall of the sentence-level pairs a reader
/// lists (state level and person level) and agreement of the stance sign with the reader's.
struct PairEvaluation {
    typealias GoldDoc = Evaluation.GoldDoc

    var found: [String: Int] = [:], total: [String: Int] = [:]
    var signAgree = 0, signTotal = 0
    /// Gold stance (cooperation, conflict, neutral) × predicted sign of the evidence score, and the score's size:
    /// `confusion["neutral→conflict", weak]` counts gold-neutral pairs given a conflict score of at most 0.5.
    var confusion: [String: Int] = [:]
    var report: [String] = []

    static func key(_ s: String) -> String { Evaluation.key(s) }

    mutating func run(directory: String, knowledge: KnowledgeBase, verbose: Bool) throws {
        let recognizer = Recognizer(knowledge: knowledge)
        var ids: [String: String] = [:]
        for s in knowledge.states.values { ids[Self.key(s.nameEn)] = s.id }
        for o in knowledge.organizations.values { ids[Self.key(o.nameEn)] = o.id }
        for p in knowledge.officials.values { ids[Self.key(p.nameEn)] = p.id }
        let lines = try String(contentsOfFile: (directory as NSString).appendingPathComponent("gold.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        let builders = [
            "state": GraphBuilder(recognizer: recognizer, options: BuildOptions(level: .state, evidencePerEdge: 1000)),
            "person": GraphBuilder(recognizer: recognizer, options: BuildOptions(level: .all, evidencePerEdge: 1000)),
        ]
        for line in lines where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let doc = try JSONDecoder().decode(GoldDoc.self, from: Data(line.utf8))
            let path = Evaluation.textPath(directory, doc.file)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            // Gold names → the ids our recogniser gives the same spans (so the pair test measures relations,
            // not name spellings); at state level people fold into their states.
            var local = ids
            var localState: [String: String] = [:]
            let scalars = Array(text.unicodeScalars)
            let predicted = recognizer.mentions(in: TokenizedText(text), date: doc.date)
            for m in doc.mentions {
                if m.type == "state", let c = m.country { local[Self.key(m.name_en)] = c }
                guard let r = Evaluation.scalarRange(of: m.text, occurrence: m.occurrence, in: scalars),
                      let p = predicted.first(where: { $0.start < r.upperBound && r.lowerBound < $0.end }) else { continue }
                if local[Self.key(m.name_en)] == nil || m.type != "state" { local[Self.key(m.name_en)] = p.actor }
                localState[Self.key(m.name_en)] = p.kind == ActorKind.person ? (p.organization ?? p.country) : p.actor
            }
            var graphs: [String: RelationGraph] = [:]
            for (level, b) in builders {
                graphs[level] = b.graph(for: Document(id: doc.file, text: text, date: doc.date, origin: path))
            }
            for p in doc.pairs ?? [] {
                let level = p.level == "state" ? "state" : "person"
                total[level, default: 0] += 1
                guard let g = graphs[level] else { continue }
                let names = level == "state" ? localState.merging(local) { a, _ in a } : local
                let x = names[Self.key(p.a)] ?? Self.lookup(p.a, in: g)
                let y = names[Self.key(p.b)] ?? Self.lookup(p.b, in: g)
                guard let x, let y, let edge = g.edge(EdgeKey(source: x, target: y)) else {
                    if verbose { report.append("\(doc.file): MISSED \(level) pair \(p.a) – \(p.b): \(String(p.sentence.prefix(90)))") }
                    continue
                }
                let gold = String(p.sentence.unicodeScalars.prefix(60))
                guard let ev = edge.evidence.first(where: { $0.text.contains(gold) || p.sentence.contains($0.text) }) else {
                    if verbose { report.append("\(doc.file): MISSED \(level) pair \(p.a) – \(p.b) in that sentence (\(x)–\(y)): \(String(p.sentence.prefix(90)))") }
                    continue
                }
                found[level, default: 0] += 1
                let score = ev.score ?? 0
                let sign = score > 0 ? "cooperation" : score < 0 ? "conflict" : "neutral"
                confusion["\(p.stance)→\(sign)\(score != 0 && abs(score) <= 0.5 ? " (weak)" : "")", default: 0] += 1
                if p.stance != "neutral" {
                    signTotal += 1
                    let predicted = (ev.score ?? 0) > 0 ? "cooperation" : (ev.score ?? 0) < 0 ? "conflict" : "neutral"
                    if predicted == p.stance { signAgree += 1 } else if verbose {
                        report.append("\(doc.file): SIGN \(p.a) – \(p.b): gold \(p.stance), got \(predicted) (\(ev.trigger ?? "no trigger")): \(String(p.sentence.prefix(90)))")
                    }
                }
            }
        }
    }

    /// A node of `g` whose name matches `name` (exactly, or by surname for people).
    static func lookup(_ name: String, in g: RelationGraph) -> String? {
        g.nodes.first { Evaluation.sameName($0.name, name) }?.id
    }

    /// The three-class confusion of stance, one `gold→predicted=count` item per cell ("weak": |score| ≤ 0.5).
    var confusionLine: String {
        "stance_confusion " + confusion.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }

    var summary: String {
        func r(_ l: String) -> Double { Double(found[l] ?? 0) / Double(max(total[l] ?? 0, 1)) }
        return String(format: "state_pair_recall=%.3f (%d/%d) person_pair_recall=%.3f (%d/%d) stance_sign_agreement=%.3f (%d/%d)",
                      r("state"), found["state"] ?? 0, total["state"] ?? 0, r("person"), found["person"] ?? 0, total["person"] ?? 0,
                      Double(signAgree) / Double(max(signTotal, 1)), signAgree, signTotal)
    }
}
