import ActorCorpus
import ActorExtraction
import ActorGraph
import ActorKnowledge
import ActorPipeline
import ActorRender
import ArgumentParser
import Foundation

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two graphs: actors and relations added and removed, weight and stance changes, flips.",
        discussion: """
            Compares two saved graphs, or two periods of one corpus. Writes a Markdown summary (default), the
            diff as JSON, or a diff diagram (both graphs laid out once, so positions match the period diagrams).

            Examples:
              actorgraph diff Output/seeds-2016.json Output/seeds-2024.json
              actorgraph diff seeds --period 2016=2016..2016 --period 2024=2024..2024 --format svg -o diff.svg
              actorgraph diff a.json b.json --format json -o diff.json
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, json, svg, png, pdf, dot }

    @Argument(help: ArgumentHelp("Two graphs (.json from build), or articles with two periods.", valueName: "input"))
    var inputs: [String]

    @OptionGroup(title: "Periods") var time: PeriodOptions

    @Option(name: [.short, .long], help: "md (summary), json, or a diagram: svg, png, pdf, dot.")
    var format: Format = .md

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file (atomically); standard output when absent.", valueName: "file"))
    var output: String?

    @Option(help: "Nodes when building from articles: person, state or all.")
    var level: GraphLevel = .state

    @Option(help: "Node labels in diagrams: en, ar or both.")
    var labels: DOTStyle.Labels = .both

    @Option(help: ArgumentHelp("Extra knowledge-base file; repeatable.", valueName: "file"))
    var lexicon: [String] = []

    func validate() throws {
        if time.scheme == nil && (inputs.count != 2 || !inputs.allSatisfy({ $0.hasSuffix(".json") })) {
            throw ValidationError("give two graph files (A.json B.json), or articles with two --period options (or --by)")
        }
    }

    func run() throws {
        let (a, b, la, lb) = try graphs()
        let diff = GraphDiff(from: a, to: b, labelBefore: la, labelAfter: lb)
        var names: [String: String] = [:]
        for n in a.nodes + b.nodes { names[n.id] = n.name }
        switch format {
        case .md: try emit(Data(diff.markdown(names: names).utf8), to: output)
        case .json:
            let e = JSONEncoder()
            e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try emit(try e.encode(diff) + Data("\n".utf8), to: output)
        case .svg, .png, .pdf, .dot:
            var style = DOTStyle(labels: labels)
            let union = [a, b]
            let engine: LayoutEngine = union.map(\.nodes.count).max() ?? 0 <= 60 ? .neato : .sfdp
            style.positions = try SharedLayout(union: union, engine: engine, style: style).positions
            style.splines = (a.edges.count + b.edges.count) <= 600
            let dot = DiffEncoder(style: style).encode(diff, before: a, after: b)
            let gv = GraphvizFormat(rawValue: format.rawValue)!
            var bytes = try Graphviz.shared.renderPinned(dot: dot, format: gv)
            if gv == .svg {
                bytes = Array(SVGPostProcessor.finish(String(decoding: bytes, as: UTF8.self), title: "\(la) → \(lb)",
                                                      description: "Changes in actors and relations from \(la) to \(lb).",
                                                      idPrefix: "", fragment: false).utf8)
            }
            try emit(Data(bytes), to: output)
        }
    }

    /// The two graphs and their labels.
    func graphs() throws -> (RelationGraph, RelationGraph, String, String) {
        if time.scheme == nil {
            var gs: [RelationGraph] = []
            for path in inputs {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw InputError(location: path, message: "cannot read the graph file; check the path")
                }
                gs.append(try RelationGraph(jsonData: data, source: path))
            }
            func label(_ g: RelationGraph, _ path: String) -> String {
                g.metadata.options["period"] ?? g.metadata.title ?? (path as NSString).lastPathComponent
            }
            return (gs[0], gs[1], label(gs[0], inputs[0]), label(gs[1], inputs[1]))
        }
        var kb = try KnowledgeBase.bundled()
        for f in lexicon { try kb.load(contentsOf: URL(fileURLWithPath: f), displayName: f) }
        let builder = GraphBuilder(recognizer: Recognizer(knowledge: kb), options: BuildOptions(level: level))
        let (periods, _) = try CorpusBuilder(builder: builder, jobs: ProcessInfo.processInfo.activeProcessorCount, dedupe: .near)
            .build(inputs, reader: CorpusReader(), periods: time.scheme)
        guard periods.count == 2 else {
            throw ValidationError("the periods hold \(periods.count) parts (\(periods.map(\.label).joined(separator: ", "))); diff needs exactly two: name them with --period")
        }
        return (periods[0].graph, periods[1].graph, periods[0].label, periods[1].label)
    }
}
