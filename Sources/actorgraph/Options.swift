import ActorCorpus
import ActorGraph
import ActorKnowledge
import ActorPipeline
import ActorRender
import ArgumentParser
import Foundation

/// Options for reading articles and the knowledge base.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Articles: .txt, .json (array), .jsonl, .csv, .gz of those, .zip archives, directories, or - for standard input.", valueName: "input"))
    var inputs: [String]

    @Option(help: ArgumentHelp("Field holding the article text in JSON/CSV records (default: content, text, body …).", valueName: "name"))
    var textField: String?

    @Option(help: ArgumentHelp("Field holding the headline (prepended to the text).", valueName: "name"))
    var titleField: String?

    @Option(help: ArgumentHelp("Field holding the publication date (default: date, published, date_extracted …).", valueName: "name"))
    var dateField: String?

    @Option(help: ArgumentHelp("Field holding the source (newspaper, agency).", valueName: "name"))
    var sourceField: String?

    @Option(help: ArgumentHelp("Field holding a stable document id (default: id, url).", valueName: "name"))
    var idField: String?

    @Flag(help: "Skip bad records (reported with file:line) instead of stopping at the first one.")
    var keepGoing = false

    @Option(help: ArgumentHelp("Date (YYYY-MM-DD) for inputs that the manifest does not date.", valueName: "date"))
    var date: String?

    @Option(help: ArgumentHelp("Source name for inputs that the manifest does not name.", valueName: "name"))
    var source: String?

    @Option(name: .customLong("lexicon"),
            help: ArgumentHelp("Extra knowledge-base file (TSV, see docs/knowledge-format.md); repeatable. Its entries add to or override the bundled ones.", valueName: "file"))
    var lexicons: [String] = []

    func validate() throws {
        if let date, DateParsing.isoDay(date) == nil {
            throw ValidationError("--date \"\(date)\" is not a date; write it as YYYY-MM-DD")
        }
    }

    func knowledge() throws -> KnowledgeBase {
        var kb = try KnowledgeBase.bundled()
        for file in lexicons { try kb.load(contentsOf: URL(fileURLWithPath: file), displayName: file) }
        return kb
    }

    var reader: CorpusReader {
        CorpusReader(
            fields: FieldMapping(text: textField, title: titleField, date: dateField, source: sourceField, id: idField),
            defaultDate: date.flatMap(DateParsing.isoDay), defaultSource: source, keepGoing: keepGoing)
    }

    /// All documents (for commands that list per document; `build` streams instead).
    func documents() throws -> [Document] {
        var all: [Document] = []
        var report = CorpusReader.Report()
        try reader.read(inputs, report: &report) { all += $0 }
        for w in report.warnings { FileHandle.standardError.write(Data("actorgraph: warning: \(w)\n".utf8)) }
        return all
    }
}

/// The output formats of commands that write graphs.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case svg, dot, canon, png, pdf, json, gexf, graphml, csv

    var graphviz: GraphvizFormat? { GraphvizFormat(rawValue: rawValue) }
}

/// Options for drawing.
struct DrawOptions: ParsableArguments {
    @Option(name: [.short, .long], help: "Output format: svg, dot (laid out, with positions), canon (plain DOT), png, pdf, json, gexf (Gephi), graphml or csv (FILE.nodes.csv and FILE.edges.csv).")
    var format: OutputFormat = .svg

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file (written atomically); standard output when absent.", valueName: "file"))
    var output: String?

    @Option(help: "Layout engine: auto (dot for small graphs, sfdp for large), dot, neato, fdp, sfdp, circo or twopi.")
    var engine: String = "auto"

    @Option(help: "Node labels: en, ar or both.")
    var labels: DOTStyle.Labels = .both

    @Option(help: "Diagram title.")
    var title: String?

    @Flag(help: "SVG: write an <svg> element without XML declaration or DOCTYPE, for inlining in HTML.")
    var fragment = false

    @Option(help: ArgumentHelp("Prefix for every element id in the SVG, so several diagrams can share a page.", valueName: "prefix"))
    var idPrefix: String = ""

    @Option(help: "Group actors: none, or country (a box per state around its people and institutions).")
    var clusterBy: ClusterBy = .none

    @Option(help: ArgumentHelp("Link each edge, e.g. '{url}' (the first evidence's article) or 'https://example.org/search?q={source}+{target}'. Only http(s) links are written.", valueName: "template"))
    var linkTemplate: String?

    @Option(help: ArgumentHelp("Link each node, e.g. 'https://en.wikipedia.org/wiki/{name}' ({id}, {name}, {country}).", valueName: "template"))
    var nodeLinkTemplate: String?

    @Flag(inversion: .prefixedNo, help: "Draw the legend and subtitle (period, articles, sources).")
    var legend = true

    enum ClusterBy: String, ExpressibleByArgument, CaseIterable { case none, country }

    func validate() throws {
        if engine != "auto" && LayoutEngine(rawValue: engine) == nil {
            throw ValidationError("unknown layout engine \"\(engine)\"; use one of: auto, \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if !idPrefix.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }) {
            throw ValidationError("--id-prefix may hold only letters, digits, - and _")
        }
        if format == .csv && output == nil {
            throw ValidationError("--format csv writes two files (FILE.nodes.csv and FILE.edges.csv); give -o FILE")
        }
    }

    var style: DOTStyle {
        DOTStyle(labels: labels, title: title, legend: legend, clusterByCountry: clusterBy == .country, idPrefix: idPrefix,
                 nodeLink: nodeLinkTemplate, edgeLink: linkTemplate)
    }

    func engine(for nodes: Int) -> LayoutEngine {
        if let e = LayoutEngine(rawValue: engine) { return e }
        return nodes <= 60 ? .dot : .sfdp
    }

    /// Actors drawn at most when the user gave no filter: more do not read as a diagram.
    static let defaultTopNodes = 150
}

extension DOTStyle.Labels: ExpressibleByArgument {}

/// Writes bytes to the output file (atomically) or to standard output.
func emit(_ data: Data, to output: String?) throws {
    if let output {
        try AtomicFile.write(data, to: output)
    } else {
        FileHandle.standardOutput.write(data)
    }
}

/// As ``emit(_:to:)-(Data,_)``, for bytes in pieces written one after the other (a graph's JSON).
func emit(pieces: [[UInt8]], to output: String?) throws {
    if let output {
        try AtomicFile.write(pieces: pieces, to: output)
    } else {
        for p in pieces { FileHandle.standardOutput.write(Data(p)) }
    }
}

/// Options that cut the graph down before it is written.
struct FilterOptions: ParsableArguments {
    @Option(help: "Drop edges whose weight is below this.")
    var minWeight: Double?

    @Option(help: "Keep the N actors of greatest strength (weighted degree).")
    var topNodes: Int?

    @Option(help: "Keep the N heaviest edges.")
    var topEdges: Int?

    @Option(help: ArgumentHelp("Keep the ego network of this actor id (e.g. RUS, sergey-lavrov).", valueName: "id"))
    var ego: String?

    @Option(help: "Hops around --ego.")
    var hops: Int = 1

    @Option(help: ArgumentHelp("Keep only these types (comma-separated: person,state,organization).", valueName: "types"))
    var types: String?

    @Option(help: ArgumentHelp("Keep only actors of these countries (comma-separated ISO alpha-3 codes).", valueName: "codes"))
    var countries: String?

    func validate() throws {
        for v in [topNodes, topEdges].compactMap({ $0 }) where v < 1 {
            throw ValidationError("--top-nodes and --top-edges must be 1 or more")
        }
        guard hops >= 0 else { throw ValidationError("--hops must be 0 or more") }
        if let types {
            for t in types.split(separator: ",") where NodeKind(rawValue: String(t)) == nil {
                throw ValidationError("unknown type \"\(t)\" in --types; use person, state or organization")
            }
        }
    }

    var filter: GraphFilter {
        GraphFilter(
            minWeight: minWeight, topNodes: topNodes, topEdges: topEdges, ego: ego, egoHops: hops,
            types: Set((types ?? "").split(separator: ",").compactMap { NodeKind(rawValue: String($0)) }),
            countries: Set((countries ?? "").split(separator: ",").map { String($0).uppercased() }))
    }

    var isEmpty: Bool { filter == GraphFilter() }

    /// The graph filtered; an unknown --ego actor is an input error naming the id.
    func apply(to graph: RelationGraph) throws -> RelationGraph {
        if isEmpty { return graph }
        if let ego, graph.node(ego) == nil {
            throw InputError(location: "--ego", message: "no actor \"\(ego)\" in the graph; ids are listed in the JSON output (e.g. RUS, sergey-lavrov)")
        }
        var g = graph.filtered(filter)
        g.computeMetrics()
        return g
    }
}

extension WeightMeasure: ExpressibleByArgument {}
