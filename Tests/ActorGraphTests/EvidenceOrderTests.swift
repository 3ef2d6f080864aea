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

    @Test("Folding evidence by merging two sorted lists keeps what sorting both and dropping repeats keeps")
    func mergeIsSortAndUnique() {
        var state: UInt64 = 99
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        // Few distinct values, so that lists share items and tie on the order's fields with other texts.
        func random() -> Evidence {
            Evidence(document: ["a", "b"][next(2)], sentence: next(2), start: 0, end: 0, text: ["x", "y"][next(2)],
                     trigger: [nil, "t"][next(2)], score: [nil, 1, -1, 2][next(4)])
        }
        for _ in 0..<3000 {
            let cap = 1 + next(6)
            func sortedList() -> [Evidence] {
                var e = Edge(source: "A", target: "B", evidence: [])
                e.absorb(Edge(source: "A", target: "B", evidence: (0..<next(7)).map { _ in random() }), evidenceCap: cap)
                return e.evidence
            }
            let a = sortedList(), b = sortedList()
            var viaSort = a + b
            viaSort.sort()
            var expected: [Evidence] = []
            for ev in viaSort where expected.last != ev {
                if expected.count == cap { break }
                expected.append(ev)
            }
            #expect(Edge.merge(a, b, cap: cap) == expected, "\(a) + \(b), cap \(cap)")
        }
    }
}
