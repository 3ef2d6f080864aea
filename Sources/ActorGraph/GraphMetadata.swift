/// How a graph was made: inputs, dates, options and the tool version.
///
/// Invariant: `inputs` and `sources` are sorted and unique, so merging is order-independent.
public struct GraphMetadata: Sendable, Codable, Hashable {
    /// Version of actorgraph that wrote the graph.
    public var tool: String
    /// Input paths or document ids, sorted.
    public var inputs: [String]
    /// Number of documents (stories, after reprint folding) that contributed.
    public var documents: Int
    /// Number of windows that held at least one actor (the N of association measures).
    public var windows: Int
    /// Earliest and latest document dates (`YYYY-MM-DD`), if any document had a date.
    public var dateFrom: String?
    public var dateTo: String?
    /// Sources (newspapers, agencies) of the documents, sorted.
    public var sources: [String]
    /// Options that shape the graph (level, window, weight …), as given.
    public var options: [String: String]
    /// A title for diagrams, if the user gave one.
    public var title: String?

    public init(
        tool: String = actorgraphVersion, inputs: [String] = [], documents: Int = 0, windows: Int = 0, dateFrom: String? = nil,
        dateTo: String? = nil, sources: [String] = [], options: [String: String] = [:], title: String? = nil
    ) {
        self.tool = tool
        self.inputs = inputs
        self.documents = documents
        self.windows = windows
        self.dateFrom = dateFrom
        self.dateTo = dateTo
        self.sources = sources
        self.options = options
        self.title = title
    }

    enum CodingKeys: String, CodingKey {
        case tool, inputs, documents, windows, dateFrom = "date_from", dateTo = "date_to", sources, options, title
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            tool: try c.decode(String.self, forKey: .tool), inputs: try c.decode([String].self, forKey: .inputs),
            documents: try c.decode(Int.self, forKey: .documents),
            windows: try c.decodeIfPresent(Int.self, forKey: .windows) ?? 0,
            dateFrom: try c.decodeIfPresent(String.self, forKey: .dateFrom),
            dateTo: try c.decodeIfPresent(String.self, forKey: .dateTo),
            sources: try c.decode([String].self, forKey: .sources),
            options: try c.decode([String: String].self, forKey: .options),
            title: try c.decodeIfPresent(String.self, forKey: .title))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(tool, forKey: .tool)
        try c.encode(inputs, forKey: .inputs)
        try c.encode(documents, forKey: .documents)
        try c.encode(windows, forKey: .windows)
        try c.encode(dateFrom, forKey: .dateFrom)
        try c.encode(dateTo, forKey: .dateTo)
        try c.encode(sources, forKey: .sources)
        try c.encode(options, forKey: .options)
        try c.encodeIfPresent(title, forKey: .title)
    }

    /// Combines the metadata of two graphs. Commutative and associative.
    public func merged(with o: GraphMetadata) -> GraphMetadata {
        var options = self.options
        if options != o.options {
            for (k, v) in o.options {
                if let mine = options[k], mine != v { options[k] = "mixed" } else { options[k] = v }
            }
        }
        return GraphMetadata(
            tool: max(tool, o.tool),
            inputs: Self.sortedUnion(inputs, o.inputs),
            documents: documents + o.documents,
            windows: windows + o.windows,
            dateFrom: minDate(dateFrom, o.dateFrom),
            dateTo: maxDate(dateTo, o.dateTo),
            sources: Self.sortedUnion(sources, o.sources),
            options: options,
            title: title == o.title ? title : nil)
    }
}

/// The version written into every output.
extension GraphMetadata {
    /// `Array(Set(a).union(b)).sorted()`. When `a` is already sorted without duplicates and holds every
    /// element of `b` (a corpus accumulator absorbing one more document), `a` itself, with no set built.
    /// - Complexity: O(a + b log a) on that path; otherwise O((a + b) log(a + b)).
    static func sortedUnion(_ a: [String], _ b: [String]) -> [String] {
        func contains(_ x: String) -> Bool {
            var lo = 0, hi = a.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if a[mid] < x { lo = mid + 1 } else { hi = mid }
            }
            return lo < a.count && a[lo] == x
        }
        if zip(a, a.dropFirst()).allSatisfy({ $0 < $1 }), b.allSatisfy(contains) { return a }
        return Array(Set(a).union(b)).sorted()
    }
}

public let actorgraphVersion = "0.1.0"
