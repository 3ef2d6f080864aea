import ActorCorpus
import ActorExtraction
import ActorGraph
import ActorPipeline
import ActorRender
import ArgumentParser
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the actor graph of articles and write it as JSON or a diagram.",
        discussion: """
            Finds the actors in each article, relates those that occur in the same window (a sentence by
            default), and writes the graph. Dates and sources come from a manifest.csv beside the inputs.

            Examples:
              actorgraph build seeds --format json -o Output/seeds.json
              actorgraph build seeds --level state --format svg -o Output/seeds-state.svg
              actorgraph build article.txt --date 2024-11-30 --format dot
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var draw: DrawOptions
    @OptionGroup(title: "Filters") var filters: FilterOptions
    @OptionGroup(title: "Periods") var time: PeriodOptions

    @Option(help: "Nodes: person, state (people folded into their states) or all.")
    var level: GraphLevel = .all

    @Option(help: "Co-occurrence window: clause, sentence, paragraph or document.")
    var window: CooccurrenceWindow = .sentence

    @Option(help: "Organisations: keep, fold (into their state where they have one) or drop.")
    var organizations: OrganizationPolicy = .keep

    @Option(help: "Most evidence sentences kept per edge.")
    var evidence: Int = 5

    @Option(help: "Edge weight: count (shared windows), dice, jaccard or pmi.")
    var weight: WeightMeasure = .count

    @Option(help: "Parallel jobs (default: all cores). The output is the same for any number.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Reprints: off, exact (identical texts count once) or near (near-identical texts count once).")
    var dedupe: DedupeMode = .near

    @Flag(name: .shortAndLong, help: "No summary or progress on standard error.")
    var quiet = false

    func validate() throws {
        guard evidence >= 0 else { throw ValidationError("--evidence must be 0 or more") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be 1 or more") }
        if time.scheme != nil && !(draw.output ?? "").contains("{period}") {
            throw ValidationError("with --by or --period, -o must name the files with {period}, e.g. -o 'Output/graph-{period}.svg'")
        }
    }

    func run() throws {
        let input = self.input
        let options = BuildOptions(level: level, window: window, organizations: organizations, evidencePerEdge: evidence)
        let interactive = !quiet && isatty(STDERR_FILENO) != 0
        // The knowledge base loads while the first input is read.
        let corpus = CorpusBuilder(jobs: jobs, dedupe: dedupe) {
            GraphBuilder(recognizer: Recognizer(knowledge: try input.knowledge()), options: options)
        }
        let (periodGraphs, summary) = try corpus
            .build(input.inputs, reader: input.reader, periods: time.scheme) { n in
                if interactive { FileHandle.standardError.write(Data("\ractorgraph: \(n) documents…".utf8)) }
            }
        if interactive { FileHandle.standardError.write(Data("\r".utf8)) }
        if !quiet {
            for w in summary.warnings.prefix(5) { FileHandle.standardError.write(Data("actorgraph: warning: \(w)\n".utf8)) }
            if summary.warnings.count > 5 {
                FileHandle.standardError.write(Data("actorgraph: … and more warnings like these (counted in the summary)\n".utf8))
            }
            FileHandle.standardError.write(Data("actorgraph: \(summary.text)\n".utf8))
        }
        var prepared: [(String, RelationGraph)] = []
        for (label, built) in periodGraphs {
            var graph = built
            graph.metadata.inputs = input.inputs.sorted()
            graph.metadata.options["dedupe"] = dedupe.rawValue
            if !label.isEmpty { graph.metadata.options["period"] = label }
            if let t = draw.title { graph.metadata.title = label.isEmpty ? t : "\(t) — \(label)" }
            graph.applyWeight(weight)
            graph.computeMetrics()
            prepared.append((label, try filters.apply(to: graph)))
        }
        if time.scheme == nil {
            try write(prepared[0].1, draw: draw, filtered: !filters.isEmpty, quiet: quiet)
            return
        }
        if prepared.isEmpty {
            throw InputError(location: input.inputs.joined(separator: " "), message: "no dated document falls in the periods; check the dates (manifest, --date-field or --date)")
        }
        // Periods share one layout, so their diagrams line up.
        let layout = draw.format.graphviz == nil ? nil
            : try SharedLayout(union: prepared.map(\.1), engine: draw.engine(for: prepared.map(\.1.nodes.count).max() ?? 0), style: draw.style)
        for (label, graph) in prepared {
            var d = draw
            d.output = draw.output!.replacingOccurrences(of: "{period}", with: label)
            try write(graph, draw: d, filtered: !filters.isEmpty, quiet: quiet, positions: layout?.positions ?? [:])
            if !quiet { FileHandle.standardError.write(Data("actorgraph: wrote \(d.output!)\n".utf8)) }
        }
    }
}

/// Writes a graph in the chosen format. Diagrams of graphs larger than ``DrawOptions/defaultTopNodes``
/// keep the strongest actors unless a filter was given (said on standard error).
func write(_ graph: RelationGraph, draw: DrawOptions, filtered: Bool = false, quiet: Bool = false,
           positions: [String: DOTStyle.Position] = [:]) throws {
    switch draw.format {
    case .json: try emit(pieces: try graph.jsonPieces(), to: draw.output)
    case .gexf: try emit(Data(graph.gexf().utf8), to: draw.output)
    case .graphml: try emit(Data(graph.graphml().utf8), to: draw.output)
    case .csv:
        let base = draw.output!.hasSuffix(".csv") ? String(draw.output!.dropLast(4)) : draw.output!
        try AtomicFile.write(Data(graph.nodesCSV().utf8), to: base + ".nodes.csv")
        try AtomicFile.write(Data(graph.edgesCSV().utf8), to: base + ".edges.csv")
    default:
        var drawn = graph
        if !filtered && graph.nodes.count > DrawOptions.defaultTopNodes {
            drawn = graph.filtered(GraphFilter(topNodes: DrawOptions.defaultTopNodes))
            if !quiet {
                FileHandle.standardError.write(Data("actorgraph: drawing the \(DrawOptions.defaultTopNodes) strongest of \(graph.nodes.count) actors; use --top-nodes or --min-weight to choose\n".utf8))
            }
        }
        var style = draw.style
        style.positions = positions
        let renderer = GraphRenderer(style: style, fragment: draw.fragment)
        let engine = draw.engine(for: drawn.nodes.count)
        try emit(Data(try renderer.render(drawn, format: draw.format.graphviz!, engine: engine)), to: draw.output)
    }
}

extension GraphLevel: ExpressibleByArgument {}
extension CooccurrenceWindow: ExpressibleByArgument {}
extension OrganizationPolicy: ExpressibleByArgument {}
extension DedupeMode: ExpressibleByArgument {}
