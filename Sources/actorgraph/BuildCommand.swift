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

    func validate() throws {
        guard evidence >= 0 else { throw ValidationError("--evidence must be 0 or more") }
    }

    func run() throws {
        let kb = try input.knowledge()
        let docs = try input.documents()
        let builder = GraphBuilder(
            recognizer: Recognizer(knowledge: kb),
            options: BuildOptions(level: level, window: window, organizations: organizations, evidencePerEdge: evidence))
        var graph = builder.graph(for: docs)
        if let t = draw.title { graph.metadata.title = t }
        graph.applyWeight(weight)
        graph.computeMetrics()
        try write(try filters.apply(to: graph), draw: draw)
    }
}

/// Writes a graph in the chosen format.
func write(_ graph: RelationGraph, draw: DrawOptions) throws {
    let data: Data
    if let gv = draw.format.graphviz {
        let renderer = GraphRenderer(style: DOTStyle(labels: draw.labels, title: draw.title))
        data = Data(try renderer.render(graph, format: gv, engine: draw.engine(for: graph.nodes.count)))
    } else {
        data = try graph.jsonData()
    }
    try emit(data, to: draw.output)
}

extension GraphLevel: ExpressibleByArgument {}
extension CooccurrenceWindow: ExpressibleByArgument {}
extension OrganizationPolicy: ExpressibleByArgument {}
