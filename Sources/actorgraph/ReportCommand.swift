import ActorCorpus
import ActorExtraction
import ActorGraph
import ActorPipeline
import ActorRender
import ArgumentParser
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report: per period, the diagram, top actors and relations with evidence, and the changes since the previous period.",
        discussion: """
            All diagrams share one layout, so an actor keeps its place from period to period. The file has no
            external assets or scripts; open it in any browser or attach it to a report.

            Examples:
              actorgraph report seeds --by year -o Output/report.html
              actorgraph report corpus/ --period before=2015..2015-06 --period after=2015-07.. -o report.html
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup(title: "Periods") var time: PeriodOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The HTML file (written atomically).", valueName: "file"))
    var output: String

    @Option(help: "Nodes: person, state or all.")
    var level: GraphLevel = .state

    @Option(help: "Node labels: en, ar or both.")
    var labels: DOTStyle.Labels = .both

    @Option(help: "Report title.")
    var title: String = "Who deals with whom"

    @Option(help: "Actors drawn per period at most (the strongest).")
    var topNodes: Int = 60

    @Flag(name: .shortAndLong, help: "No summary on standard error.")
    var quiet = false

    func validate() throws {
        guard time.scheme != nil else { throw ValidationError("give --by year|quarter|month|week or --period NAME=FROM..TO") }
        guard topNodes >= 1 else { throw ValidationError("--top-nodes must be 1 or more") }
    }

    func run() throws {
        let input = self.input, level = self.level
        let corpus = CorpusBuilder(jobs: ProcessInfo.processInfo.activeProcessorCount, dedupe: .near) {
            GraphBuilder(recognizer: Recognizer(knowledge: try input.knowledge()), options: BuildOptions(level: level))
        }
        let (periods, summary) = try corpus
            .build(input.inputs, reader: input.reader, periods: time.scheme)
        if !quiet { FileHandle.standardError.write(Data("actorgraph: \(summary.text)\n".utf8)) }
        guard !periods.isEmpty else {
            throw InputError(location: input.inputs.joined(separator: " "), message: "no dated document falls in the periods; check the dates")
        }
        let graphs = periods.map { p -> RelationGraph in
            var g = p.graph.filtered(GraphFilter(topNodes: topNodes))
            g.computeMetrics()
            return g
        }
        var style = DOTStyle(labels: labels, legend: false)
        let engine: LayoutEngine = (graphs.map(\.nodes.count).max() ?? 0) <= 60 ? .neato : .sfdp
        style.positions = try SharedLayout(union: graphs, engine: engine, style: style).positions
        style.splines = graphs.map(\.edges.count).reduce(0, +) <= 600
        var sections: [HTMLReport.Period] = []
        for (i, (p, g)) in zip(periods, graphs).enumerated() {
            var s = style
            s.idPrefix = "p\(i)-"
            s.title = p.label
            let svg = String(decoding: try GraphRenderer(style: s, fragment: true).render(g, format: .svg, engine: engine), as: UTF8.self)
            var diff: GraphDiff? = nil
            var diffSVG: String? = nil
            if i > 0 {
                let d = GraphDiff(from: graphs[i - 1], to: g, labelBefore: periods[i - 1].label, labelAfter: p.label)
                diff = d
                var ds = style
                ds.idPrefix = "d\(i)-"
                let dot = DiffEncoder(style: ds).encode(d, before: graphs[i - 1], after: g)
                let raw = String(decoding: try Graphviz.shared.renderPinned(dot: dot, format: .svg), as: UTF8.self)
                diffSVG = SVGPostProcessor.finish(raw, title: "\(periods[i - 1].label) → \(p.label)",
                                                  description: "What changed between the two periods.", idPrefix: "d\(i)-", fragment: true)
            }
            var t = style
            t.idPrefix = "t\(i)-"
            t.labels = .en
            let thumb = String(decoding: try GraphRenderer(style: t, fragment: true).render(g, format: .svg, engine: engine), as: UTF8.self)
            sections.append(HTMLReport.Period(label: p.label, graph: g, svg: svg, diff: diff, diffSVG: diffSVG, thumbnailSVG: thumb))
        }
        let html = HTMLReport(title: title, periods: sections).html()
        try AtomicFile.write(Data(html.utf8), to: output)
    }
}
