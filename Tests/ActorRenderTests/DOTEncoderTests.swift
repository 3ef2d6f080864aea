import ActorGraph
import Testing

@testable import ActorRender

@Suite("DOT encoding")
struct DOTEncoderTests {
    @Test("Quotes, backslashes and line breaks in names cannot break out of a DOT string")
    func escaping() {
        #expect(DOTEscaping.quoted("a\"b") == "\"a\\\"b\"")
        #expect(DOTEscaping.quoted("a\\") == "\"a\\\\\"")
        #expect(DOTEscaping.quoted("x\ny\u{7}") == "\"x\\ny\"")
        var g = sampleGraph()
        g.addNode(Node(id: "evil", name: "\"]; x [label=\"pwn", nameAr: "", type: .person, country: nil))
        let dot = DOTEncoder().encode(g)
        #expect(!dot.contains("x [label=\"pwn\""))
    }

    @Test("The same graph gives byte-identical DOT")
    func deterministic() {
        let a = DOTEncoder().encode(sampleGraph())
        var shuffled = sampleGraph()
        shuffled.replace(nodes: shuffled.nodes.reversed(), edges: shuffled.edges.reversed())
        #expect(a == DOTEncoder().encode(shuffled))
    }

    @Test("Cooperative edges are blue, conflictual red, neutral grey")
    func stanceColours() {
        #expect(Palette.edgeColor(Edge(source: "a", target: "b", cooperation: 2)) == Palette.cooperation)
        #expect(Palette.edgeColor(Edge(source: "a", target: "b", conflict: 2)) == Palette.conflict)
        #expect(Palette.edgeColor(Edge(source: "a", target: "b")) == Palette.neutral)
    }
}
