// actorgraph-bench: numbers, not pass/fail.
//
//   actorgraph-bench render-loop N     renders a small graph N times in this process; prints RSS before/after
//   actorgraph-bench recognize FILES…  tokenizes and recognises the files (repeated to ≥ 50 MB); prints MB/s
import ActorExtraction
import ActorGraph
import ActorPipeline
import ActorCorpus
import ActorKnowledge
import ActorRender
import ActorText
import Foundation

func residentBytes() -> Int {
    guard let s = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let pages = s.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func sampleDOT() -> String {
    var g = RelationGraph()
    let names = [("RUS", "Russia", "روسيا"), ("IRN", "Iran", "إيران"), ("TUR", "Turkey", "تركيا"), ("SYR", "Syria", "سوريا")]
    for (id, en, ar) in names { g.addNode(Node(id: id, name: en, nameAr: ar, type: .state, country: id, mentions: 2)) }
    g.addEdge(Edge(source: "RUS", target: "IRN", count: 3, cooperation: 2))
    g.addEdge(Edge(source: "RUS", target: "TUR", count: 1, conflict: 1))
    g.addEdge(Edge(source: "SYR", target: "IRN", count: 2))
    var style = DOTStyle()
    if ProcessInfo.processInfo.environment["BENCH_NO_LEGEND"] != nil { style.legend = false }
    var dot = DOTEncoder(style: style).encode(g)
    if let o = ProcessInfo.processInfo.environment["BENCH_OVERLAP"] { dot = dot.replacingOccurrences(of: "overlap=false", with: "overlap=\(o)") }
    return dot
}

let args = Array(CommandLine.arguments.dropFirst())
switch args.first {
case "render-loop":
    let n = args.count > 1 ? Int(args[1]) ?? 1000 : 1000
    let dot = sampleDOT()
    // Optional: only one engine (e.g. `render-loop 1000 dot`), to tell whose memory grows.
    let engines: [LayoutEngine] = args.count > 2 ? args[2].split(separator: ",").compactMap { LayoutEngine(rawValue: String($0)) }
        : [.dot, .neato, .fdp, .sfdp, .circo, .twopi]
    let withFailures = !(args.count > 3 && args[3] == "no-failures")
    var errors = 0
    func round(_ i: Int) throws {
        _ = try Graphviz.shared.render(dot: dot, engine: engines[i % engines.count], format: i % 3 == 0 ? .png : .svg)
        // Failing renders must free everything too.
        if withFailures {
            do { _ = try Graphviz.shared.render(dot: "graph { a -- }", engine: .dot, format: .svg) } catch { errors += 1 }
        }
    }
    // Warm up with the same mix: plugins, fontconfig and cairo caches, allocator arenas.
    for i in 0..<300 { try round(i) }
    errors = 0
    let before = residentBytes()
    let t0 = now()
    for i in 0..<n { try round(i) }
    let t1 = now()
    let after = residentBytes()
    // Then as many again: a leak grows linearly, allocator warm-up does not.
    for i in 0..<n { try round(i) }
    let after2 = residentBytes()
    print("renders=\(n) failed_renders=\(errors) seconds=\(String(format: "%.2f", t1 - t0)) rss_before=\(before) rss_after=\(after) growth=\(after - before) second_growth=\(after2 - after)")
case "recognize":
    // `recognize --only FILES…`: the full recognition pass alone (for profiling and whole-process timing).
    let only = args.contains("--only")
    let files = Array(args.dropFirst()).filter { $0 != "--only" }
    var texts: [String] = []
    for f in files { if let s = try? String(contentsOfFile: f, encoding: .utf8) { texts.append(s) } }
    guard !texts.isEmpty else { print("usage: actorgraph-bench recognize FILES…"); exit(2) }
    let t0 = now()
    let recognizer = Recognizer(knowledge: try KnowledgeBase.bundled())
    let t1 = now()
    let bytesPerPass = texts.reduce(0) { $0 + $1.utf8.count }
    let passes = max(1, 50_000_000 / bytesPerPass)
    var mentions = 0
    let t2 = now()
    for _ in 0..<passes {
        for t in texts { mentions += recognizer.mentions(in: TokenizedText(t), date: "2016-12-01").count }
    }
    let t3 = now()
    if only {
        print(String(format: "bytes=%d passes=%d mentions=%d seconds=%.3f MB_per_s=%.1f", bytesPerPass, passes, mentions, t3 - t2, Double(bytesPerPass * passes) / 1e6 / (t3 - t2)))
        exit(0)
    }
    // Tokenizing alone and the lexicon scan alone, each the fastest of five rounds (a noisy machine slows
    // some rounds; the fastest is the code's speed).
    var tokens = 0, raw = 0
    var tokenizeBest = Double.infinity, scanBest = Double.infinity
    let pre = texts.map { TokenizedText($0) }
    let slice = max(1, passes / 2)
    for _ in 0..<5 {
        tokens = 0; raw = 0
        let a = now()
        for _ in 0..<slice { for t in texts { tokens += TokenizedText(t).tokens.count } }
        let b = now()
        for _ in 0..<slice { for t in pre { raw += recognizer.lexicon.rawMatchCount(t) } }
        let c = now()
        tokenizeBest = min(tokenizeBest, b - a)
        scanBest = min(scanBest, c - b)
    }
    let mb = Double(bytesPerPass * passes) / 1e6
    let sliceMB = Double(bytesPerPass * slice) / 1e6
    print(String(format: "tokenize_only_MB_per_s=%.1f scan_only_MB_per_s=%.1f tokens=%d raw_matches=%d", sliceMB / tokenizeBest, sliceMB / scanBest, tokens, raw))
    print(String(format: "knowledge_base_load_s=%.3f bytes=%d passes=%d mentions=%d seconds=%.3f MB_per_s=%.1f", t1 - t0, bytesPerPass, passes, mentions, t3 - t2, mb / (t3 - t2)))
case "aliases":
    // actorgraph-bench aliases: every Arabic alias of the knowledge base with its actor id, as TSV, for the
    // Python reference pipeline (the same list both pipelines match).
    let kb = try KnowledgeBase.bundled()
    var out = "alias\tid\ttype\n"
    func line(_ alias: String, _ id: String, _ type: String) { out += "\(alias)\t\(id)\t\(type)\n" }
    for s in kb.states.values.sorted(by: { $0.id < $1.id }) {
        for n in s.namesAr + s.capitalAr + s.institutionsAr { line(n, s.id, "state") }
    }
    for o in kb.organizations.values.sorted(by: { $0.id < $1.id }) {
        for n in o.namesAr { line(n, o.id, "organization") }
        for n in o.shortAr where !n.ambiguous { line(n.text, o.id, "organization") }
    }
    for p in kb.officials.values.sorted(by: { $0.id < $1.id }) {
        for n in p.namesAr { line(n, p.id, "person") }
        for n in p.shortAr where !n.ambiguous { line(n.text, p.id, "person") }
    }
    FileHandle.standardOutput.write(Data(out.utf8))
case "eval":
    // actorgraph-bench eval DIR [--verbose]: recognition scored against DIR/gold.jsonl.
    guard args.count > 1 else { print("usage: actorgraph-bench eval DIR [--verbose]"); exit(2) }
    let recognizer = Recognizer(knowledge: try KnowledgeBase.bundled())
    var evaluation = Evaluation()
    try evaluation.run(directory: args[1], recognizer: recognizer, verbose: args.contains("--verbose"))
    for line in evaluation.report { print(line) }
    print(evaluation.summary)
    var pairs = PairEvaluation()
    try pairs.run(directory: args[1], knowledge: recognizer.knowledge, verbose: args.contains("--verbose"))
    for line in pairs.report { print(line) }
    print(pairs.confusionLine)
    print(pairs.summary)
default:
    print("usage: actorgraph-bench render-loop N | recognize FILES… | eval DIR [--verbose]")
    exit(2)
}
