/// The actor graph: nodes, edges and the metadata that says how it was made.
///
/// A value type: copies are independent, and it is `Sendable`, so per-document or per-shard graphs can be
/// built concurrently and combined with ``merge(_:)``.
///
/// Invariants (checked by ``validate()``): node ids are unique; every edge's endpoints are nodes of the
/// graph; edge keys are unique. `nodes` is kept sorted by id and `edges` by key whenever the graph is
/// encoded, so equal graphs encode to identical bytes.
public struct RelationGraph: Sendable, Codable, Equatable {
    /// The JSON format's name and version. Readers refuse other formats and newer major versions.
    public static let formatName = "actorgraph-graph"
    public static let formatVersion = 1

    public var metadata: GraphMetadata
    public private(set) var nodes: [Node]
    public private(set) var edges: [Edge]

    private var nodeIndex: [String: Int]
    private var edgeIndex: [EdgeKey: Int]

    public init(metadata: GraphMetadata = GraphMetadata(), nodes: [Node] = [], edges: [Edge] = []) {
        self.metadata = metadata
        self.nodes = []
        self.edges = []
        self.nodeIndex = [:]
        self.edgeIndex = [:]
        for n in nodes { addNode(n) }
        for e in edges { addEdge(e) }
    }

    /// The node with this id, if any.
    /// - Complexity: O(1) on average.
    public func node(_ id: String) -> Node? { nodeIndex[id].map { nodes[$0] } }

    /// The edge with this key, if any.
    /// - Complexity: O(1) on average.
    public func edge(_ key: EdgeKey) -> Edge? { edgeIndex[key].map { edges[$0] } }

    /// Adds a node, or folds it into the node with the same id (mentions add, dates widen).
    /// - Complexity: O(1) on average.
    public mutating func addNode(_ node: Node) {
        if let i = nodeIndex[node.id] {
            nodes[i].absorb(node)
        } else {
            nodeIndex[node.id] = nodes.count
            nodes.append(node)
        }
    }

    /// Adds an edge, or folds it into the edge with the same key (counts and stance totals add, evidence
    /// is united, sorted and capped at `evidenceCap`).
    /// - Complexity: O(e log e) in the evidence kept on that edge.
    public mutating func addEdge(_ edge: Edge, evidenceCap: Int = .max) {
        if let i = edgeIndex[edge.key] {
            edges[i].absorb(edge, evidenceCap: evidenceCap)
        } else {
            edgeIndex[edge.key] = edges.count
            var e = edge
            if e.evidence.count > 1 { e.evidence.sort() }
            if e.evidence.count > evidenceCap { e.evidence.removeLast(e.evidence.count - evidenceCap) }
            edges.append(e)
        }
    }

    /// Replaces the nodes and edges wholesale (used by filters and folds); indexes are rebuilt.
    /// - Complexity: O(n + e).
    public mutating func replace(nodes newNodes: [Node], edges newEdges: [Edge]) {
        nodes = newNodes
        edges = newEdges
        nodeIndex = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1.id, $0) })
        edgeIndex = Dictionary(uniqueKeysWithValues: edges.enumerated().map { ($1.key, $0) })
    }

    /// Mutates one node in place.
    public mutating func updateNode(_ id: String, _ body: (inout Node) -> Void) {
        if let i = nodeIndex[id] { body(&nodes[i]) }
    }

    /// Sorts nodes by id and edges by key: the canonical order used for output.
    /// - Complexity: O(n log n + e log e).
    public mutating func canonicalize() {
        let n = nodes.sorted { $0.id < $1.id }
        let e = edges.sorted(by: Edge.keyOrder)
        replace(nodes: n, edges: e)
    }

    /// Checks the invariants stated on the type; returns a description of each violation.
    public func validate() -> [String] {
        var problems: [String] = []
        var seen = Set<String>()
        for n in nodes where !seen.insert(n.id).inserted { problems.append("duplicate node id \(n.id)") }
        var keys = Set<EdgeKey>()
        for e in edges {
            if !keys.insert(e.key).inserted { problems.append("duplicate edge \(e.source)–\(e.target)") }
            if nodeIndex[e.source] == nil { problems.append("edge source \(e.source) is not a node") }
            if nodeIndex[e.target] == nil { problems.append("edge target \(e.target) is not a node") }
            if e.source == e.target { problems.append("edge \(e.source) loops onto itself") }
        }
        return problems
    }

    // MARK: Codable

    enum CodingKeys: String, CodingKey { case format, version, metadata, nodes, edges }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let format = try c.decode(String.self, forKey: .format)
        guard format == Self.formatName else {
            throw DecodingError.dataCorruptedError(
                forKey: .format, in: c,
                debugDescription: "not an actorgraph graph (format is \"\(format)\", expected \"\(Self.formatName)\")")
        }
        let version = try c.decode(Int.self, forKey: .version)
        guard version <= Self.formatVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .version, in: c,
                debugDescription: "graph format version \(version) is newer than this tool reads (\(Self.formatVersion)); upgrade actorgraph")
        }
        self.init(
            metadata: try c.decode(GraphMetadata.self, forKey: .metadata),
            nodes: try c.decode([Node].self, forKey: .nodes),
            edges: try c.decode([Edge].self, forKey: .edges))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.formatName, forKey: .format)
        try c.encode(Self.formatVersion, forKey: .version)
        try c.encode(metadata, forKey: .metadata)
        try c.encode(nodes.sorted { $0.id < $1.id }, forKey: .nodes)
        try c.encode(edges.sorted { $0.key < $1.key }, forKey: .edges)
    }

    public static func == (a: RelationGraph, b: RelationGraph) -> Bool {
        a.metadata == b.metadata
            && a.nodes.sorted { $0.id < $1.id } == b.nodes.sorted { $0.id < $1.id }
            && a.edges.sorted { $0.key < $1.key } == b.edges.sorted { $0.key < $1.key }
    }
}

extension Node {
    /// Folds another record of the same actor into this one. Commutative and associative.
    mutating func absorb(_ other: Node) {
        mentions += other.mentions
        windows += other.windows
        firstSeen = minDate(firstSeen, other.firstSeen)
        lastSeen = maxDate(lastSeen, other.lastSeen)
        // Names can differ only when a discovered actor was first written differently; keep the smaller
        // one so the result does not depend on order.
        if other.name < name { name = other.name }
        if other.nameAr < nameAr { nameAr = other.nameAr }
        if country == nil || (other.country != nil && other.country! < country!) { country = other.country ?? country }
        metrics = nil
    }
}

extension Edge {
    /// Folds another record of the same relation into this one. Commutative and associative.
    public mutating func absorb(_ other: Edge, evidenceCap: Int) {
        count += other.count
        weight += other.weight
        cooperation += other.cooperation
        conflict += other.conflict
        addFlow(from: other.a, other.aToB)
        addFlow(from: other.b, other.bToA)
        firstSeen = minDate(firstSeen, other.firstSeen)
        lastSeen = maxDate(lastSeen, other.lastSeen)
        if let first = other.evidence.first, evidence.count == evidenceCap, let last = evidence.last, last < first,
           other.evidence.allSatisfy({ last < $0 }) {
            // Full, and all the new evidence sorts after what is kept: nothing changes (the common case when a
            // frequent relation absorbs one more document).
            return
        }
        if !other.evidence.isEmpty {
            if Self.isSorted(evidence) && Self.isSorted(other.evidence) {
                evidence = Self.merge(evidence, other.evidence, cap: evidenceCap)
                return
            }
            var all = evidence + other.evidence
            all.sort()
            var unique: [Evidence] = []
            unique.reserveCapacity(min(all.count, evidenceCap))
            for ev in all where unique.last != ev {
                if unique.count == evidenceCap { break }
                unique.append(ev)
            }
            evidence = unique
        }
    }

    /// Whether `list` is in ``Evidence``'s order (as a graph's edges and a ``GraphContribution``'s keep it).
    /// - Complexity: O(n) comparisons, most decided by the scores.
    static func isSorted(_ list: [Evidence]) -> Bool {
        // Through a buffer pointer the items are compared in place (a zip of the array copied each one).
        list.withUnsafeBufferPointer { p in
            var i = 1
            while i < p.count {
                if p[i] < p[i - 1] { return false }
                i += 1
            }
            return true
        }
    }

    /// The first `cap` distinct items of two sorted lists, in order: what sorting their concatenation and
    /// dropping repeats gives (ties keep `a`'s item first, as the small-array sort did), with at most `cap`
    /// items copied instead of all of both.
    /// - Complexity: O(cap) comparisons.
    static func merge(_ a: [Evidence], _ b: [Evidence], cap: Int) -> [Evidence] {
        var out: [Evidence] = []
        out.reserveCapacity(min(cap, a.count + b.count))
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var i = 0, j = 0
                // The item appended last, compared in place (`out.last` would copy it).
                var last: UnsafePointer<Evidence>? = nil
                while out.count < cap && (i < a.count || j < b.count) {
                    let takeA = j == b.count || (i < a.count && !(b[j] < a[i]))
                    let item = takeA ? a.baseAddress! + i : b.baseAddress! + j
                    if takeA { i += 1 } else { j += 1 }
                    if let last, last.pointee == item.pointee { continue }
                    out.append(item.pointee)
                    last = item
                }
            }
        }
        return out
    }
}

@inline(__always) func minDate(_ a: String?, _ b: String?) -> String? {
    guard let a else { return b }
    guard let b else { return a }
    return min(a, b)
}

@inline(__always) func maxDate(_ a: String?, _ b: String?) -> String? {
    guard let a else { return b }
    guard let b else { return a }
    return max(a, b)
}
