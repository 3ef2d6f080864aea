import ActorGraph
import Foundation
import Testing

/// Runs `xmllint --noout` on a file; `nil` when xmllint is missing.
func xmllint(_ path: String, extra: [String] = []) throws -> (Int32, String)? {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint") else { return nil }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
    p.arguments = ["--noout"] + extra + [path]
    let err = Pipe()
    p.standardError = err
    try p.run()
    let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    return (p.terminationStatus, text)
}

@Suite("Exports, embedding and escaping", .serialized)
struct ExportCLITests {
    @Test("SVG, GraphML and GEXF parse with xmllint; JSON round-trips; CSV has a header and a row per node",
          arguments: ["svg", "graphml", "gexf"])
    func xmlExports(format: String) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("g.\(format)").path
        let r = try runCLI(["build", "seeds", "--level", "state", "--quiet", "--format", format, "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        let lint = try #require(try xmllint(out), "xmllint is missing; scripts/setup.sh installs libxml2-utils")
        #expect(lint.0 == 0, "\(lint.1)")
    }

    @Test("CSV writes a node list and an edge list")
    func csv() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runCLI(["build", "seeds", "--level", "state", "--quiet", "--format", "csv", "-o", dir.appendingPathComponent("g.csv").path])
        #expect(r.status == 0, "\(r.stderr)")
        let nodes = try String(contentsOfFile: dir.appendingPathComponent("g.nodes.csv").path, encoding: .utf8)
        let edges = try String(contentsOfFile: dir.appendingPathComponent("g.edges.csv").path, encoding: .utf8)
        #expect(nodes.hasPrefix("id,name,name_ar,type,country"))
        #expect(edges.hasPrefix("source,target,directed,weight"))
        #expect(nodes.contains("RUS,Russia,روسيا,state,RUS"))
    }

    @Test("Two SVG fragments with different prefixes inline in one HTML page without duplicate ids")
    func fragmentsInOnePage() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = try runCLI(["build", "seeds", "--quiet", "--level", "state", "--fragment", "--id-prefix", "a-"])
        let b = try runCLI(["build", "seeds", "--quiet", "--level", "person", "--fragment", "--id-prefix", "b-"])
        #expect(a.status == 0 && b.status == 0)
        #expect(a.out.hasPrefix("<svg"))
        #expect(!a.out.contains("<?xml") && !a.out.contains("DOCTYPE"))
        #expect(a.out.contains("role=\"img\"") && a.out.contains("<desc id=\"a-desc\">"))
        let page = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"/><title>t</title></head><body>\n" + a.out + "\n" + b.out + "\n</body></html>\n"
        let path = dir.appendingPathComponent("page.html").path
        try page.write(toFile: path, atomically: true, encoding: .utf8)
        // As XHTML-like XML: every id must be unique.
        let xml = page.replacingOccurrences(of: "<!DOCTYPE html>\n", with: "")
        let xmlPath = dir.appendingPathComponent("page.xml").path
        try xml.write(toFile: xmlPath, atomically: true, encoding: .utf8)
        let lint = try #require(try xmllint(xmlPath))
        #expect(lint.0 == 0, "\(lint.1)")
        var ids: [String: Int] = [:]
        let pattern = try NSRegularExpression(pattern: " id=\"([^\"]+)\"")
        for m in pattern.matches(in: page, range: NSRange(page.startIndex..., in: page)) {
            // Graphviz writes - as &#45; inside attributes.
            let id = (page as NSString).substring(with: m.range(at: 1)).replacingOccurrences(of: "&#45;", with: "-")
            ids[id, default: 0] += 1
        }
        #expect(ids.filter { $0.value > 1 }.isEmpty, "\(ids.filter { $0.value > 1 })")
        #expect(ids.keys.contains { $0.hasPrefix("a-n-") } && ids.keys.contains { $0.hasPrefix("b-n-") })
    }

    @Test("Nodes and edges carry CSS classes for type, country and stance")
    func cssClasses() throws {
        let r = try runCLI(["build", "seeds", "--quiet", "--level", "state"])
        let svg = r.out.replacingOccurrences(of: "&#45;", with: "-")
        #expect(svg.contains("type-state country-RUS\""))
        #expect(svg.contains("stance-cooperation"))
    }

    @Test("An actor named \"><script>alert(1)</script> in a user lexicon stays inert text in SVG, DOT, GEXF, GraphML and CSV")
    func hostileNames() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let article = dir.appendingPathComponent("a.txt")
        try "التقى الوزير زاكزاك نظيره الروسي سيرغي لافروف في موسكو.\n".write(to: article, atomically: true, encoding: .utf8)
        let lexicon = dir.appendingPathComponent("evil.tsv")
        let evil = "\"><script>alert(1)</script>"
        try "id\tname_en\tnames_ar\tshort_ar\troles\nevil\t\(evil)\tزاكزاك\t\tforeign_minister@FRA:2020..\n".write(to: lexicon, atomically: true, encoding: .utf8)
        for format in ["svg", "canon", "gexf", "graphml", "json"] {
            let out = dir.appendingPathComponent("g.\(format)").path
            let r = try runCLI(["build", article.path, "--date", "2021-01-01", "--lexicon", lexicon.path, "--quiet", "--format", format,
                                "--node-link-template", "https://example.org/{name}", "-o", out])
            #expect(r.status == 0, "\(format): \(r.stderr)")
            let text = try String(contentsOfFile: out, encoding: .utf8)
            switch format {
            case "canon", "json":
                // Not markup: the name must stay inside its quoted string, its quote escaped.
                #expect(text.contains("\\\"><script>"), "\(format): the quote is not escaped")
            default:
                #expect(!text.contains("<script>"), "\(format) holds a live <script>")
            }
            if format == "svg" || format == "gexf" || format == "graphml" {
                let lint = try #require(try xmllint(out))
                #expect(lint.0 == 0, "\(format): \(lint.1)")
            }
            if format == "svg" { #expect(text.contains("&lt;script&gt;") || text.contains("%3Cscript%3E")) }
        }
        // The HTML report too.
        let report = dir.appendingPathComponent("r.html").path
        let rr = try runCLI(["report", article.path, "--date", "2021-01-01", "--lexicon", lexicon.path, "--quiet", "--level", "all",
                             "--by", "year", "-o", report])
        #expect(rr.status == 0, "\(rr.stderr)")
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(!html.contains("<script>") && html.contains("&lt;script&gt;"))
        // javascript: links from a template are refused.
        let r = try runCLI(["build", article.path, "--date", "2021-01-01", "--lexicon", lexicon.path, "--quiet",
                            "--node-link-template", "javascript:alert('{name}')"])
        #expect(r.status == 0)
        #expect(!r.out.contains("javascript:"))
    }
}
