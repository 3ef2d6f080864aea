import Testing

@testable import ActorGraph

@Suite("Evidence order")
struct EvidenceOrderTests {
    /// The order as it was defined, on tuples.
    static func reference(_ x: Evidence, _ y: Evidence) -> Bool {
        let sx = abs(x.score ?? 0), sy = abs(y.score ?? 0)
        if sx != sy { return sx > sy }
        return (x.document, x.sentence, x.start, x.trigger ?? "", x.source ?? "", x.score ?? 0)
            < (y.document, y.sentence, y.start, y.trigger ?? "", y.source ?? "", y.score ?? 0)
    }

    @Test("Field-by-field comparison is the tuple order, with nil as the empty string")
    func sameAsTuples() {
        var g = SystemRandomNumberGenerator()
        let strings: [String?] = [nil, "", "a", "b", "é", "e\u{301}", "دعم"]
        let scores: [Double?] = [nil, 0, -0.0, 1.5, -1.5, 3]
        func random() -> Evidence {
            Evidence(document: ["a", "b", "e\u{301}", "é"].randomElement(using: &g)!, sentence: Int.random(in: 0..<2, using: &g),
                     start: Int.random(in: 0..<2, using: &g), end: 0, text: "",
                     trigger: strings.randomElement(using: &g)!, score: scores.randomElement(using: &g)!,
                     source: strings.randomElement(using: &g)!)
        }
        for _ in 0..<20000 {
            let x = random(), y = random()
            #expect((x < y) == Self.reference(x, y))
        }
    }
}
