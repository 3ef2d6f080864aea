import ActorCorpus
import ActorGraph
import ArgumentParser
import Foundation

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge saved graphs (shards of a corpus) into one.",
        discussion: """
            Merging is associative and commutative: shards built separately (on other machines, in any order)
            merge into the graph of the whole corpus. Counts and stance totals add, evidence is united and
            capped, metrics and derived weights are recomputed.

            Examples:
              actorgraph merge part1.json part2.json -o all.json
              actorgraph merge shards/*.json --evidence 3 -o all.json
            """)

    @Argument(help: ArgumentHelp("Graphs written by `actorgraph build --format json`.", valueName: "graph"))
    var graphs: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file (JSON, written atomically); standard output when absent.", valueName: "file"))
    var output: String?

    @Option(help: "Most evidence sentences kept per edge.")
    var evidence: Int = 5

    func validate() throws {
        guard !graphs.isEmpty else { throw ValidationError("give at least one graph to merge") }
        guard evidence >= 0 else { throw ValidationError("--evidence must be 0 or more") }
    }

    func run() throws {
        var merged: RelationGraph? = nil
        for path in graphs {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw InputError(location: path, message: "cannot read the graph file; check the path")
            }
            let g = try RelationGraph(jsonData: data, source: path)
            merged = merged.map { $0.merge(g, evidenceCap: evidence) } ?? g
        }
        guard var result = merged else { return }
        if let w = result.metadata.options["weight"].flatMap(WeightMeasure.init(rawValue:)) { result.applyWeight(w) }
        result.computeMetrics()
        try emit(pieces: try result.jsonPieces(), to: output)
    }
}
