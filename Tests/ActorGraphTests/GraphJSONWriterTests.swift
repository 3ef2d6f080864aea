import Foundation
import Testing

@testable import ActorGraph

/// `jsonData()` writes with `GraphJSONWriter`; it must give the bytes `JSONEncoder` gives.
@Suite("Graph JSON writer")
struct GraphJSONWriterTests {
    static func expectSameBytes(_ g: RelationGraph, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(GraphJSONWriter.canWrite(g), sourceLocation: sourceLocation)
        let fast = try g.jsonData(), slow = try g.encoderJSONData()
        #expect(fast == slow, "\n\(String(decoding: fast, as: UTF8.self))\n---\n\(String(decoding: slow, as: UTF8.self))",
                sourceLocation: sourceLocation)
    }

    static let awkward: [String] = {
        var list = ["", "plain", "قال \"الوزير\": \\ / // تم", "a\u{2028}b\u{2029}c\u{7F}d", "😀 e\u{301} \u{FEFF}", "</script>"]
        list.append(String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) }))
        for c in 0..<0x20 { list.append("x\(Character(Unicode.Scalar(UInt8(c))))y") }
        // Longer strings, which the writer scans eight bytes at a time: the bytes to escape at every offset,
        // among their neighbours (0x1F/0x20, 0x21/0x22/0x23, 0x5B/0x5C/0x5D) and Arabic letters.
        let pieces = ["روسيا ", "\"", "\\", "\n", "\u{1F}", " ", "!", "#", "[", "]", "\u{7F}", "ab", "é", "\t", "😀", "وزير"]
        var state: UInt64 = 7
        for _ in 0..<80 {
            var s = ""
            for _ in 0..<(4 + Int(state % 30)) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                s += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            list.append(s)
        }
        return list
    }()

    static let numbers: [Double] = [
        0, -0.0, 1, -1, 0.5, 0.1, 1.0 / 3, 2.0 / 1024, 123.25, 1e15, 1e16, 1.5e16, 123456789012345683968, 1e21, 1e22, 1e300,
        -1e-7, 7.376931872589018e-06, .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude, 0.0073382567544038125,
    ]

    @Test("Strings with quotes, backslashes, slashes, control characters and other scalars")
    func strings() throws {
        for s in Self.awkward {
            var g = RelationGraph(metadata: GraphMetadata(inputs: [s], sources: [s, "z"], options: [s: s, "level": "state"], title: s))
            g.addNode(Node(id: "A" + s, name: s, nameAr: s, type: .state, country: s, firstSeen: s, lastSeen: nil))
            g.addNode(Node(id: "B", name: "B", nameAr: "", type: .person, country: nil))
            g.addEdge(Edge(source: "A" + s, target: "B", directed: true, cooperation: 1, firstSeen: s, evidence: [
                Evidence(document: s, sentence: 1, start: 2, end: 3, text: s, trigger: s, category: s, score: -1.5, source: s, date: s, url: s),
            ]))
            try Self.expectSameBytes(g)
        }
    }

    @Test("Numbers as JSONEncoder writes them, integral ones without .0")
    func numbers() throws {
        var rng = SystemRandomNumberGenerator()
        var values = Self.numbers
        for _ in 0..<300 {
            let d = Double(bitPattern: rng.next())
            if d.isFinite { values.append(d) }
        }
        for v in values {
            var g = RelationGraph()
            var a = Node(id: "A", name: "A", nameAr: "أ", type: .state, country: "A", mentions: 3, windows: 2)
            a.metrics = NodeMetrics(degree: 1, strength: v, pagerank: v, betweenness: -v, community: 7)
            g.addNode(a)
            g.addNode(Node(id: "B", name: "B", nameAr: "ب", type: .organization, country: nil))
            g.addEdge(Edge(source: "A", target: "B", weight: v, count: 2, cooperation: abs(v), conflict: 0.25,
                           evidence: [Evidence(document: "d", sentence: 0, start: 0, end: 1, text: "t", score: v)]))
            try Self.expectSameBytes(g)
        }
    }

    @Test("Empty graph, empty lists and options, absent optional fields")
    func empty() throws {
        try Self.expectSameBytes(RelationGraph())
        var g = RelationGraph(metadata: GraphMetadata(tool: "x", inputs: [], documents: 0, dateFrom: nil, dateTo: nil, sources: [], options: [:]))
        g.addNode(Node(id: "A", name: "A", nameAr: "", type: .state, country: nil))
        g.addNode(Node(id: "B", name: "B", nameAr: "", type: .state, country: nil))
        g.addEdge(Edge(source: "B", target: "A", evidence: []))
        try Self.expectSameBytes(g)
    }

    @Test("Option keys and node ids in other scripts sort as JSONEncoder sorts them")
    func ordering() throws {
        var g = RelationGraph(metadata: GraphMetadata(options: ["b": "1", "B": "2", "ب": "3", "a_b": "4", "ab": "5", "é": "6", "e\u{301}x": "7", "Z": "8", "10": "9", "9": "10"]))
        for id in ["b", "B", "ب", "é", "e\u{301}", "10", "9"] { g.addNode(Node(id: id, name: id, nameAr: id, type: .person, country: nil)) }
        g.addEdge(Edge(source: "é", target: "e\u{301}", evidence: [Evidence(document: "x", sentence: 0, start: 0, end: 0, text: "")]))
        g.addEdge(Edge(source: "ب", target: "B"))
        try Self.expectSameBytes(g)
    }

    @Test("Edges written in parallel parts give the same bytes as JSONEncoder and as one part")
    func parallelParts() throws {
        var g = RelationGraph()
        for i in 0..<40 { g.addNode(Node(id: "N\(i)", name: "Node \(i)", nameAr: "عقدة \(i)", type: .state, country: "N\(i)", mentions: i + 1)) }
        for i in 0..<40 {
            for j in (i + 1)..<40 where (i * 7 + j) % 3 == 0 {
                g.addEdge(Edge(source: "N\(i)", target: "N\(j)", count: i + j, cooperation: Double(i) / 4, conflict: Double(j) / 8,
                               evidence: [Evidence(document: "d\(i)", sentence: j, start: 0, end: 5, text: "قال \"\(i)\"\n\(j)")]))
            }
        }
        #expect(g.edges.count > 256)
        try Self.expectSameBytes(g)
        for parts in [1, 2, 3, 7] {
            var one = GraphJSONWriter(), split = GraphJSONWriter()
            one.array(g.edges) { w, e in w.write(e) }
            split.parallelArray(g.edges, parts: parts) { w, e in w.write(e) }
            #expect(Array(one.finishedPieces().joined()) == Array(split.finishedPieces().joined()), "\(parts) parts")
        }
    }
}
