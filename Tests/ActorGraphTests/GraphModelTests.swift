import Foundation
import Testing

@testable import ActorGraph

func node(_ id: String, _ mentions: Int = 1, date: String? = nil) -> Node {
    Node(id: id, name: id, nameAr: "", type: .state, country: id, mentions: mentions, firstSeen: date, lastSeen: date)
}

func ev(_ doc: String, _ s: Int) -> Evidence {
    Evidence(document: doc, sentence: s, start: 0, end: 1, text: "\(doc) \(s)")
}

@Suite("Graph model")
struct GraphModelTests {
    let a = RelationGraph(
        metadata: GraphMetadata(inputs: ["a"], documents: 1, dateFrom: "2016-01-01", dateTo: "2016-01-01"),
        nodes: [node("RUS", 2, date: "2016-01-01"), node("IRN", 1, date: "2016-01-01")],
        edges: [Edge(source: "RUS", target: "IRN", count: 1, cooperation: 2, evidence: [ev("a", 0)])])
    let b = RelationGraph(
        metadata: GraphMetadata(inputs: ["b"], documents: 1, dateFrom: "2024-01-01", dateTo: "2024-01-01"),
        nodes: [node("RUS", 1, date: "2024-01-01"), node("TUR", 1, date: "2024-01-01")],
        edges: [Edge(source: "TUR", target: "RUS", count: 3, conflict: 1, evidence: [ev("b", 2), ev("b", 1)])])
    let c = RelationGraph(
        metadata: GraphMetadata(inputs: ["c"], documents: 2),
        nodes: [node("IRN", 4), node("RUS", 1)],
        edges: [Edge(source: "IRN", target: "RUS", count: 2, evidence: [ev("c", 5)])])

    @Test("Merge is commutative")
    func commutative() {
        #expect(a.merge(b) == b.merge(a))
        #expect(a.merge(c) == c.merge(a))
    }

    @Test("Merge is associative, also with an evidence cap")
    func associative() {
        #expect(a.merge(b).merge(c) == a.merge(b.merge(c)))
        #expect(a.merge(b, evidenceCap: 1).merge(c, evidenceCap: 1) == a.merge(b.merge(c, evidenceCap: 1), evidenceCap: 1))
    }

    @Test("Merge adds counts and stance totals and widens dates")
    func mergeAdds() throws {
        let m = a.merge(b).merge(c)
        let rus = try #require(m.node("RUS"))
        #expect(rus.mentions == 4)
        #expect(rus.firstSeen == "2016-01-01" && rus.lastSeen == "2024-01-01")
        let e = try #require(m.edge(EdgeKey(source: "RUS", target: "IRN", directed: false)))
        #expect(e.count == 3 && e.cooperation == 2 && e.evidence.count == 2)
        #expect(m.metadata.documents == 4 && m.metadata.inputs == ["a", "b", "c"])
    }

    @Test("Undirected edges are keyed by the sorted pair")
    func undirectedKey() {
        let e = Edge(source: "TUR", target: "RUS")
        #expect(e.source == "RUS" && e.target == "TUR")
        let d = Edge(source: "TUR", target: "RUS", directed: true)
        #expect(d.source == "TUR")
    }

    @Test("JSON round-trips exactly and is byte-identical for equal graphs")
    func jsonRoundTrip() throws {
        let g = a.merge(b)
        let data = try g.jsonData()
        let back = try RelationGraph(jsonData: data)
        #expect(back == g)
        #expect(try back.jsonData() == data)
        let text = String(decoding: data, as: UTF8.self)
        for key in ["\"source\"", "\"target\"", "\"directed\"", "\"weight\"", "\"cooperation\"", "\"conflict\"", "\"stance\"", "\"evidence\"", "\"format\" : \"actorgraph-graph\""] {
            #expect(text.contains(key), "missing \(key)")
        }
    }

    @Test("Reading a file that is not a graph says what is wrong")
    func badJSON() {
        #expect(throws: GraphFormatError.self) { try RelationGraph(jsonData: Data("{\"format\":\"x\"}".utf8), source: "x.json") }
        #expect(throws: GraphFormatError.self) { try RelationGraph(jsonData: Data("not json".utf8), source: "x.json") }
        let dangling = """
            {"format":"actorgraph-graph","version":1,"metadata":{"tool":"0","inputs":[],"documents":0,"sources":[],"options":{}},
             "nodes":[],"edges":[{"source":"A","target":"B","directed":false,"weight":1,"count":1,"cooperation":0,"conflict":0,"stance":0,"evidence":[]}]}
            """
        #expect(throws: GraphFormatError.self) { try RelationGraph(jsonData: Data(dangling.utf8), source: "x.json") }
    }
}
