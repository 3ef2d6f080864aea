import ActorExtraction
import ActorText
import Foundation

/// Scores recognition against an annotated set (`gold.jsonl` beside `eNN.txt` files; see
/// Tests/Fixtures/eval/README.md): mention precision and recall per type, identity accuracy and, for people,
/// whether the state is right.
struct Evaluation {
    struct GoldMention: Decodable {
        var text: String
        var occurrence: Int
        var type: String
        var name_en: String
        var country: String?
    }
    struct GoldPair: Decodable {
        var a: String
        var b: String
        var level: String
        var stance: String
        var sentence: String
    }
    /// One line of `gold.jsonl` (format: Tests/Fixtures/eval/README.md).
    struct GoldDoc: Decodable {
        var file: String
        var date: String?
        var mentions: [GoldMention]
        var pairs: [GoldPair]?
    }

    struct Counts {
        var gold = 0, predicted = 0, matched = 0, identity = 0
        var precision: Double { predicted == 0 ? 1 : Double(matched) / Double(predicted) }
        var recall: Double { gold == 0 ? 1 : Double(matched) / Double(gold) }
    }

    var byType: [String: Counts] = [:]
    var personCountryRight = 0, personCountryTotal = 0
    var report: [String] = []

    static func scalarRange(of needle: String, occurrence: Int, in hay: [Unicode.Scalar]) -> Range<Int>? {
        let n = Array(needle.unicodeScalars)
        guard !n.isEmpty, n.count <= hay.count else { return nil }
        var seen = 0
        var i = 0
        while i + n.count <= hay.count {
            if hay[i] == n[0] && Array(hay[i..<(i + n.count)]) == n {
                seen += 1
                if seen == occurrence { return i..<(i + n.count) }
            }
            i += 1
        }
        return nil
    }

    /// The article beside the gold file, or (for the seeds' gold) in `seeds/`.
    static func textPath(_ directory: String, _ file: String) -> String {
        let beside = (directory as NSString).appendingPathComponent(file)
        if FileManager.default.fileExists(atPath: beside) { return beside }
        return ((directory as NSString).deletingLastPathComponent as NSString)
            .deletingLastPathComponent.appending("/../seeds/\(file)")
    }

    static func key(_ name: String) -> String {
        String(name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased().unicodeScalars.filter { CharacterSet.letters.contains($0) || $0 == " " }.map(Character.init))
    }

    static func sameName(_ a: String, _ b: String) -> Bool {
        let x = key(a), y = key(b)
        if x == y { return true }
        let lx = x.split(separator: " ").last, ly = y.split(separator: " ").last
        return lx != nil && lx == ly
    }

    mutating func run(directory: String, recognizer: Recognizer, verbose: Bool) throws {
        let goldPath = (directory as NSString).appendingPathComponent("gold.jsonl")
        let lines = try String(contentsOfFile: goldPath, encoding: .utf8).split(separator: "\n")
        for line in lines where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let doc = try JSONDecoder().decode(GoldDoc.self, from: Data(line.utf8))
            let text = try String(contentsOfFile: Self.textPath(directory, doc.file), encoding: .utf8)
            let scalars = Array(text.unicodeScalars)
            let predicted = recognizer.mentions(in: TokenizedText(text), date: doc.date)
            var used = Set<Int>()
            for g in doc.mentions {
                byType[g.type, default: Counts()].gold += 1
                guard let r = Self.scalarRange(of: g.text, occurrence: g.occurrence, in: scalars) else {
                    report.append("\(doc.file): gold text not found: \(g.text)")
                    continue
                }
                let hit = predicted.indices.first { i in
                    !used.contains(i) && predicted[i].kind.rawValue == g.type && predicted[i].start < r.upperBound && r.lowerBound < predicted[i].end
                }
                guard let i = hit else {
                    if verbose { report.append("\(doc.file): MISSED \(g.type) «\(g.text)» (\(g.name_en))") }
                    continue
                }
                used.insert(i)
                let p = predicted[i]
                byType[g.type, default: Counts()].matched += 1
                var same = false
                switch g.type {
                case "state": same = p.actor == g.country
                case "person":
                    let name = recognizer.describe(p.actor, date: doc.date)?.nameEn ?? p.text
                    same = Self.sameName(name, g.name_en) || (p.actor.hasPrefix("new:") && p.country == g.country)
                    personCountryTotal += 1
                    if p.country == g.country { personCountryRight += 1 } else if verbose {
                        report.append("\(doc.file): WRONG STATE «\(g.text)» \(p.actor) \(p.country ?? "nil") ≠ \(g.country ?? "nil")")
                    }
                default: same = true
                }
                if same { byType[g.type, default: Counts()].identity += 1 } else if verbose {
                    report.append("\(doc.file): WRONG ACTOR «\(g.text)» → \(p.actor) (gold \(g.name_en))")
                }
            }
            for (i, p) in predicted.enumerated() {
                byType[p.kind.rawValue, default: Counts()].predicted += 1
                if !used.contains(i) && verbose { report.append("\(doc.file): EXTRA \(p.kind.rawValue) «\(p.text)» → \(p.actor)") }
            }
        }
    }

    var summary: String {
        var out: [String] = []
        var all = Counts()
        for t in ["person", "state", "organization"] {
            let c = byType[t] ?? Counts()
            all.gold += c.gold; all.predicted += c.predicted; all.matched += c.matched; all.identity += c.identity
            out.append(String(format: "%@_precision=%.3f %@_recall=%.3f %@_identity=%.3f", t, c.precision, t, c.recall, t,
                              c.matched == 0 ? 0 : Double(c.identity) / Double(c.matched)))
        }
        let ps = byType["person"] ?? Counts(), st = byType["state"] ?? Counts()
        let psP = Double(ps.matched + st.matched) / Double(max(1, ps.predicted + st.predicted))
        let psR = Double(ps.matched + st.matched) / Double(max(1, ps.gold + st.gold))
        out.append(String(format: "officials_states_precision=%.3f officials_states_recall=%.3f", psP, psR))
        out.append(String(format: "person_state_accuracy=%.3f", personCountryTotal == 0 ? 0 : Double(personCountryRight) / Double(personCountryTotal)))
        out.append("gold_mentions=\(all.gold) predicted=\(all.predicted) matched=\(all.matched)")
        return out.joined(separator: "\n")
    }
}
