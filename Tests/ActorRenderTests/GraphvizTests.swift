import ActorGraph
import Foundation
import Testing

@testable import ActorRender

#if canImport(FoundationXML)
import FoundationXML
#endif

/// A small graph with Arabic names, as the builder makes them.
func sampleGraph() -> RelationGraph {
    RelationGraph(
        nodes: [
            Node(id: "RUS", name: "Russia", nameAr: "روسيا", type: .state, country: "RUS", mentions: 3),
            Node(id: "IRN", name: "Iran", nameAr: "إيران", type: .state, country: "IRN", mentions: 2),
            Node(id: "sergey-lavrov", name: "Sergey Lavrov", nameAr: "سيرغي لافروف", type: .person, country: "RUS", mentions: 1),
        ],
        edges: [
            Edge(source: "RUS", target: "IRN", count: 2, cooperation: 3,
                 evidence: [Evidence(document: "a.txt", sentence: 0, start: 0, end: 30, text: "اتفقت روسيا وإيران على مواصلة التعاون")]),
            Edge(source: "sergey-lavrov", target: "IRN", count: 1),
        ])
}

final class XMLCheck: NSObject, XMLParserDelegate {
    var text = ""
    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}

@Suite("Graphviz rendering in the process")
struct GraphvizTests {
    let dot = DOTEncoder(style: DOTStyle(labels: .both)).encode(sampleGraph())

    @Test("SVG parses as XML and holds the node labels, Arabic in logical order")
    func svgHoldsLabels() throws {
        let svg = try Graphviz.shared.render(dot: dot, engine: .dot, format: .svg)
        let parser = XMLParser(data: Data(svg))
        let check = XMLCheck()
        parser.delegate = check
        #expect(parser.parse(), "SVG must be well-formed XML")
        #expect(check.text.contains("Russia"))
        #expect(check.text.contains("روسيا"))
        #expect(check.text.contains("سيرغي لافروف"))
    }

    @Test("PNG and PDF start with their magic bytes", arguments: [GraphvizFormat.png, .pdf])
    func binaryMagic(format: GraphvizFormat) throws {
        let bytes = try Graphviz.shared.render(dot: dot, engine: .neato, format: format)
        let magic: [UInt8] = format == .png ? [0x89, 0x50, 0x4E, 0x47] : Array("%PDF".utf8)
        #expect(Array(bytes.prefix(4)) == magic)
    }

    @Test("Laid-out DOT carries positions; canon DOT does not", arguments: LayoutEngine.allCases)
    func dotFormats(engine: LayoutEngine) throws {
        let laid = String(decoding: try Graphviz.shared.render(dot: dot, engine: engine, format: .dot), as: UTF8.self)
        #expect(laid.contains("pos="))
        let canon = String(decoding: try Graphviz.shared.render(dot: dot, engine: engine, format: .canon), as: UTF8.self)
        #expect(canon.contains("لافروف"))
    }

    @Test("Invalid DOT yields Graphviz's own message, and the next render still works")
    func invalidDOT() throws {
        #expect {
            _ = try Graphviz.shared.render(dot: "graph { a -- ; }}}", engine: .dot, format: .svg)
        } throws: { error in
            guard let e = error as? GraphvizError else { return false }
            return e.stage == .parse && e.message.contains("syntax error")
        }
        let svg = try Graphviz.shared.render(dot: dot, engine: .dot, format: .svg)
        #expect(!svg.isEmpty)
    }

    @Test("An unknown engine or format is an error listing the valid ones")
    func unknownNames() {
        #expect {
            _ = try Graphviz.shared.render(dot: dot, engineName: "spring", formatName: "svg")
        } throws: { error in
            let e = error as? GraphvizError
            return e?.stage == .engine && e!.message.contains("sfdp") && e!.message.contains("neato")
        }
        #expect {
            _ = try Graphviz.shared.render(dot: dot, engineName: "dot", formatName: "gif89")
        } throws: { error in
            let e = error as? GraphvizError
            return e?.stage == .format && e!.message.contains("svg") && e!.message.contains("png")
        }
    }

    @Test("Concurrent renders from many tasks all succeed (one owner serialises them)")
    func concurrentRenders() async throws {
        let source = dot
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<16 {
                group.addTask { try Graphviz.shared.render(dot: source, engine: .fdp, format: .svg).count }
            }
            for try await n in group { #expect(n > 1000) }
        }
    }

    @Test("1,000 renders (and 1,000 failing ones) do not grow memory, measured in a process of their own")
    func noLeak() throws {
        // In its own process, so other tests running in parallel do not disturb the measurement.
        let here = Bundle.main.bundleURL
        let bin = [here.appendingPathComponent("actorgraph-bench"), here.deletingLastPathComponent().appendingPathComponent("actorgraph-bench")]
            .first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? here.appendingPathComponent("actorgraph-bench")
        let p = Process()
        p.executableURL = bin
        p.arguments = ["render-loop", "1000"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let fields = Dictionary(uniqueKeysWithValues: text.split(separator: " ").compactMap { kv -> (String, Int)? in
            let parts = kv.split(separator: "=")
            guard parts.count == 2, let v = Int(parts[1].trimmingCharacters(in: .whitespacesAndNewlines)) else { return nil }
            return (String(parts[0]), v)
        })
        let growth = try #require(fields["second_growth"], "no measurement in: \(text)")
        #expect(fields["failed_renders"] == 2000)
        // After 300 warm-up rounds and 1,000 measured ones, 1,000 more must not grow the process: a leak of
        // one small graph per render (a kilobyte or more) would show as a megabyte here.
        #expect(growth < 700_000, "resident memory grew by \(growth) bytes over the second 1,000 renders: \(text)")
    }
}

/// Resident set size of this process, from /proc/self/statm.
func residentBytes() -> Int {
    guard let s = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let pages = s.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}
