import ActorGraph
import ArgumentParser
import Foundation
import ActorCorpus
import ActorPipeline

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw a saved graph (from `build --format json`) as SVG, DOT, PNG or PDF.",
        discussion: """
            Examples:
              actorgraph render Output/seeds.json --format svg -o Output/seeds.svg
              actorgraph render Output/seeds.json --format png --engine neato -o seeds.png
            """)

    @Argument(help: ArgumentHelp("A graph written by `actorgraph build --format json`.", valueName: "graph"))
    var graph: String

    @OptionGroup var draw: DrawOptions
    @OptionGroup(title: "Filters") var filters: FilterOptions

    func run() throws {
        guard let data = FileManager.default.contents(atPath: graph) else {
            throw InputError(location: graph, message: "cannot read the graph file; check the path")
        }
        let g = try RelationGraph(jsonData: data, source: graph)
        try write(try filters.apply(to: g), draw: draw, filtered: !filters.isEmpty)
    }
}
