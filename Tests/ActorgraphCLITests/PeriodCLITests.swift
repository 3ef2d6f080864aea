import ActorGraph
import Foundation
import Testing

@testable import ActorGraph

@Suite("Periods, diff and report", .serialized)
struct PeriodCLITests {
    @Test("A diff from B to A is the inverse of the diff from A to B")
    func diffSymmetry() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runCLI(["build", "seeds", "--quiet", "--level", "all", "--by", "year", "--format", "json", "-o", dir.path + "/g-{period}.json"])
        #expect(r.status == 0, "\(r.stderr)")
        let a = try RelationGraph(jsonData: Data(contentsOf: dir.appendingPathComponent("g-2016.json")))
        let b = try RelationGraph(jsonData: Data(contentsOf: dir.appendingPathComponent("g-2024.json")))
        let ab = GraphDiff(from: a, to: b, labelBefore: "2016", labelAfter: "2024")
        let ba = GraphDiff(from: b, to: a, labelBefore: "2024", labelAfter: "2016")
        #expect(ab.inverted == ba)
        #expect(ba.inverted == ab)
        // What the seeds must show: new and gone actors, Russia–Turkey cooperative in both.
        let added = Set(ab.addedActors.map(\.id)), removed = Set(ab.removedActors.map(\.id))
        for id in ["abbas-araghchi", "hakan-fidan", "LBN", "IRQ"] { #expect(added.contains(id), "\(id) not new") }
        for id in ["mohammad-javad-zarif", "ali-akbar-velayati"] { #expect(removed.contains(id), "\(id) not gone") }
        let rt = try #require(ab.changedRelations.first { $0.source == "RUS" && $0.target == "TUR" })
        #expect(rt.stanceBefore > 0 && rt.stanceAfter > 0)
        #expect(!rt.evidenceBefore.isEmpty && !rt.evidenceAfter.isEmpty)
    }

    /// Node id → (x, y) of its label in an SVG, with the canvas transform applied.
    func positions(_ svg: String) throws -> [String: String] {
        let text = svg.replacingOccurrences(of: "&#45;", with: "-")
        let transform = try NSRegularExpression(pattern: "translate\\(([-0-9.]+) ([-0-9.]+)\\)")
        let t = transform.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)).map { (text as NSString).substring(with: $0.range) } ?? ""
        // The centre of each node's shape: an ellipse's cx,cy or the mean of a polygon's points.
        let node = try NSRegularExpression(pattern: "<g id=\"n-([^\"]+)\" class=\"node[^>]*>[\\s\\S]*?<(ellipse|polygon)([^>]*)>")
        var out: [String: String] = [:]
        let ns = text as NSString
        for m in node.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let attrs = ns.substring(with: m.range(at: 3))
            var cx = 0.0, cy = 0.0
            if ns.substring(with: m.range(at: 2)) == "ellipse" {
                func value(_ k: String) -> Double {
                    let r = try! NSRegularExpression(pattern: " \(k)=\"([-0-9.]+)\"")
                    return r.firstMatch(in: attrs, range: NSRange(attrs.startIndex..., in: attrs)).map { Double((attrs as NSString).substring(with: $0.range(at: 1)))! } ?? 0
                }
                cx = value("cx"); cy = value("cy")
            } else {
                let pts = try NSRegularExpression(pattern: "points=\"([^\"]+)\"").firstMatch(in: attrs, range: NSRange(attrs.startIndex..., in: attrs))
                    .map { (attrs as NSString).substring(with: $0.range(at: 1)) } ?? ""
                let xy = pts.split(separator: " ").map { $0.split(separator: ",").compactMap { Double($0) } }.filter { $0.count == 2 }
                let distinct = xy.count > 1 && xy.first! == xy.last! ? Array(xy.dropLast()) : xy
                cx = distinct.map { $0[0] }.reduce(0, +) / Double(max(distinct.count, 1))
                cy = distinct.map { $0[1] }.reduce(0, +) / Double(max(distinct.count, 1))
            }
            out[ns.substring(with: m.range(at: 1))] = t + String(format: " %.0f,%.0f", cx, cy)
        }
        return out
    }

    @Test("Period diagrams share one layout: an actor present in both periods is drawn at the same place")
    func pinnedPositions() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runCLI(["build", "seeds", "--quiet", "--level", "state", "--by", "year", "--format", "svg", "-o", dir.path + "/g-{period}.svg"])
        #expect(r.status == 0, "\(r.stderr)")
        let a = try positions(String(contentsOf: dir.appendingPathComponent("g-2016.svg"), encoding: .utf8))
        let b = try positions(String(contentsOf: dir.appendingPathComponent("g-2024.svg"), encoding: .utf8))
        let shared = Set(a.keys).intersection(b.keys)
        #expect(shared.count >= 4, "\(a.keys.sorted()) / \(b.keys.sorted())")
        for id in shared { #expect(a[id] == b[id], "\(id): \(a[id]!) vs \(b[id]!)") }
    }

    @Test("The report is one self-contained HTML file that parses, with inline SVG and Arabic right-to-left")
    func report() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("report.html").path
        let r = try runCLI(["report", "seeds", "--quiet", "--level", "all", "--by", "year", "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.contains("<svg") && html.contains("dir=\"rtl\""))
        #expect(!html.contains("<script") && !html.contains("src=\"http") && !html.contains("href=\"http"))
        // Polyglot markup: without its DOCTYPE it must be well-formed XML.
        let xmlPath = dir.appendingPathComponent("report.xml").path
        try html.replacingOccurrences(of: "<!DOCTYPE html>\n", with: "").write(toFile: xmlPath, atomically: true, encoding: .utf8)
        let lint = try #require(try xmllint(xmlPath))
        #expect(lint.0 == 0, "\(lint.1)")
    }
}
