import ActorGraph
import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("actorgraph build and render", .serialized)
struct BuildRenderCLITests {
    @Test("build writes each format; SVG is XML, PNG and PDF have their magic bytes",
          arguments: ["svg", "dot", "canon", "png", "pdf", "json"])
    func buildFormats(format: String) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("g.\(format)").path
        let r = try runCLI(["build", "seeds", "--format", format, "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: out))
        switch format {
        case "svg": #expect(XMLParser(data: data).parse())
        case "png": #expect(Array(data.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        case "pdf": #expect(data.starts(with: Array("%PDF".utf8)))
        case "json": #expect(try RelationGraph(jsonData: data).nodes.count > 5)
        default: #expect(String(decoding: data, as: UTF8.self).contains("graph actorgraph"))
        }
    }

    @Test("build writes to standard output without -o")
    func stdout() throws {
        let r = try runCLI(["build", "seeds/004_51fdcd873230be12.txt", "--format", "json"])
        #expect(r.status == 0)
        let g = try RelationGraph(jsonData: r.stdout)
        // The manifest beside the file gives its date.
        #expect(g.metadata.dateFrom == "2024-11-30")
    }

    @Test("At state level the seeds relate Russia with Iran and Syria, with evidence sentences")
    func stateLevelSeeds() throws {
        let r = try runCLI(["build", "seeds", "--level", "state", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let g = try RelationGraph(jsonData: r.stdout)
        for pair in [("IRN", "RUS"), ("RUS", "SYR")] {
            let e = g.edge(EdgeKey(source: pair.0, target: pair.1, directed: false))
            #expect(e != nil, "no edge \(pair)")
            #expect(e?.evidence.isEmpty == false)
        }
        #expect(g.nodes.allSatisfy { $0.type == .state || $0.type == .organization })
    }

    @Test("render turns a saved graph into the same SVG that build draws")
    func renderSavedGraph() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = dir.appendingPathComponent("g.json").path
        #expect(try runCLI(["build", "seeds", "--format", "json", "-o", json]).status == 0)
        let a = try runCLI(["render", json, "--format", "svg"])
        let b = try runCLI(["build", "seeds", "--format", "svg"])
        #expect(a.status == 0 && b.status == 0)
        #expect(a.stdout == b.stdout)
    }

    @Test("Rendering starts no child process: a fake `dot` first on PATH is never run")
    func noChildProcess() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let marker = dir.appendingPathComponent("executed").path
        for name in ["dot", "neato", "sfdp", "fdp", "sh", "bash"] {
            let fake = dir.appendingPathComponent(name).path
            try "#!/bin/sh\ntouch \(marker)\n".write(toFile: fake, atomically: true, encoding: .utf8)
            chmod(fake, 0o755)
        }
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = dir.path
        let out = dir.appendingPathComponent("g.svg").path
        let r = try runCLI(["build", "seeds", "--format", "svg", "-o", out], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: out))
        #expect(!FileManager.default.fileExists(atPath: marker), "a program from PATH was executed")
    }

    @Test("Rendering starts no child process at all: strace sees one execve (the tool's own) and no fork")
    func noExecUnderStrace() throws {
        let strace = ["/usr/bin/strace", "/bin/strace"].first { FileManager.default.isExecutableFile(atPath: $0) }
        try #require(strace != nil, "strace is not installed; scripts/setup.sh installs it")
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("trace").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: strace!)
        p.arguments = ["-f", "-qq", "-e", "trace=execve,fork,vfork,clone3", "-o", log, actorgraphBinary.path,
                       "build", "seeds", "--format", "png", "-o", dir.appendingPathComponent("g.png").path]
        p.currentDirectoryURL = packageRoot
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let trace = try String(contentsOfFile: log, encoding: .utf8)
        let execs = trace.split(separator: "\n").filter { $0.contains("execve(") }
        #expect(execs.count == 1, "\(execs)")
        #expect(!trace.contains("fork("), "\(trace)")
        // Threads are clone3 calls with CLONE_THREAD; a child process would lack it.
        let processes = trace.split(separator: "\n").filter { $0.contains("clone3(") && !$0.contains("CLONE_THREAD") }
        #expect(processes.isEmpty, "\(processes)")
    }

    @Test("A missing input names the path and exits 1; a bad option exits 2")
    func errors() throws {
        let r = try runCLI(["build", "no/such/dir", "--format", "json"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("no/such/dir"))
        #expect(r.stderr.split(separator: "\n").count == 1)
        let u = try runCLI(["build", "seeds", "--level", "galaxy"])
        #expect(u.status == 2)
        let e = try runCLI(["build", "seeds", "--engine", "spring"])
        #expect(e.status == 2)
        #expect(e.stderr.contains("sfdp"))
    }

    @Test("A malformed manifest names file:line")
    func badManifest() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "روسيا وإيران".write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try "file,date\na.txt,2016-13-45\n".write(to: dir.appendingPathComponent("manifest.csv"), atomically: true, encoding: .utf8)
        let r = try runCLI(["build", dir.path, "--format", "json"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("manifest.csv:2"))
    }

    @Test("The same input gives byte-identical output", arguments: ["svg", "png", "pdf", "json", "gexf"])
    func deterministic(format: String) throws {
        let a = try runCLI(["build", "seeds", "--quiet", "--format", format])
        Thread.sleep(forTimeInterval: 1.1)  // a timestamp would differ
        let b = try runCLI(["build", "seeds", "--quiet", "--format", format])
        #expect(a.stdout == b.stdout && !a.stdout.isEmpty)
    }

    @Test("--lexicon adds an official; a malformed line is reported as file:line with exit 1")
    func userLexicon() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let article = dir.appendingPathComponent("a.txt")
        try "التقى وزير الخارجية البيروفي خافيير غونزاليس أوليتشيا نظيره الروسي سيرغي لافروف في موسكو.\n".write(to: article, atomically: true, encoding: .utf8)
        let lexicon = dir.appendingPathComponent("mine.tsv")
        try "# my officials\nid\tname_en\tnames_ar\tshort_ar\troles\njavier-gonzalez-olaechea\tJavier González-Olaechea\tخافيير غونزاليس أوليتشيا\tأوليتشيا\tforeign_minister@PER:2023-09..2025-05\n"
            .write(to: lexicon, atomically: true, encoding: .utf8)
        let r = try runCLI(["mentions", article.path, "--date", "2024-03-01", "--lexicon", lexicon.path, "--format", "tsv"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.out.contains("javier-gonzalez-olaechea\tperson\tPER"))
        #expect(r.out.contains("sergey-lavrov"))
        let bad = dir.appendingPathComponent("bad.tsv")
        try "id\tname_en\tnames_ar\troles\nx\tX\tاكس\tforeign_minister@PER:2023-13..\n".write(to: bad, atomically: true, encoding: .utf8)
        let e = try runCLI(["mentions", article.path, "--lexicon", bad.path])
        #expect(e.status == 1)
        #expect(e.stderr.contains("bad.tsv:2"))
    }
}
