/// Ways to cut a graph down to what a reader can take in.
public struct GraphFilter: Sendable, Equatable {
    /// Drop edges lighter than this.
    public var minWeight: Double? = nil
    /// Keep the N nodes of greatest strength (weighted degree), and the edges among them.
    public var topNodes: Int? = nil
    /// Keep the N heaviest edges (and the nodes they touch).
    public var topEdges: Int? = nil
    /// Keep the actors within `egoHops` of this actor.
    public var ego: String? = nil
    public var egoHops: Int = 1
    /// Keep only nodes of these types (empty: all).
    public var types: Set<NodeKind> = []
    /// Keep only nodes of these countries (ISO alpha-3; empty: all).
    public var countries: Set<String> = []
    /// Drop nodes left without edges.
    public var dropIsolated: Bool = false

    public init(minWeight: Double? = nil, topNodes: Int? = nil, topEdges: Int? = nil, ego: String? = nil, egoHops: Int = 1,
                types: Set<NodeKind> = [], countries: Set<String> = [], dropIsolated: Bool = false) {
        self.minWeight = minWeight
        self.topNodes = topNodes
        self.topEdges = topEdges
        self.ego = ego
        self.egoHops = egoHops
        self.types = types
        self.countries = countries
        self.dropIsolated = dropIsolated
    }
}

extension RelationGraph {
    /// The graph cut down by `filter`. Steps apply in order: type and country, minimum weight, ego network,
    /// top edges, top nodes, isolated nodes. Ties are broken by id, so the result is deterministic.
    /// - Complexity: O((n + e) log(n + e)) plus O(k·(n + e)) for an ego network of k hops.
    public func filtered(_ filter: GraphFilter) -> RelationGraph {
        var keep = Set(nodes.map(\.id))
        if !filter.types.isEmpty { keep = keep.filter { node($0).map { filter.types.contains($0.type) } ?? false } }
        if !filter.countries.isEmpty {
            keep = keep.filter { node($0)?.country.map { filter.countries.contains($0) } ?? false }
        }
        var kept = edges.filter { keep.contains($0.source) && keep.contains($0.target) }
        if let w = filter.minWeight { kept = kept.filter { $0.weight >= w } }
        if let center = filter.ego {
            var reached: Set<String> = keep.contains(center) ? [center] : []
            var frontier = reached
            for _ in 0..<max(0, filter.egoHops) {
                var next = Set<String>()
                for e in kept {
                    if frontier.contains(e.source), !reached.contains(e.target) { next.insert(e.target) }
                    if frontier.contains(e.target), !reached.contains(e.source) { next.insert(e.source) }
                }
                reached.formUnion(next)
                frontier = next
            }
            keep = reached
            kept = kept.filter { keep.contains($0.source) && keep.contains($0.target) }
        }
        if let n = filter.topEdges, kept.count > n {
            kept = Array(kept.sorted { ($0.weight, $1.key) > ($1.weight, $0.key) }.prefix(max(0, n)))
            let touched = Set(kept.flatMap { [$0.source, $0.target] })
            if filter.dropIsolated { keep = keep.intersection(touched) }
        }
        if let n = filter.topNodes, keep.count > n {
            var strength: [String: Double] = [:]
            for e in kept {
                strength[e.source, default: 0] += e.weight
                strength[e.target, default: 0] += e.weight
            }
            let ranked = keep.sorted { (strength[$0] ?? 0, $1) > (strength[$1] ?? 0, $0) }
            keep = Set(ranked.prefix(max(0, n)))
            kept = kept.filter { keep.contains($0.source) && keep.contains($0.target) }
        }
        if filter.dropIsolated {
            let touched = Set(kept.flatMap { [$0.source, $0.target] })
            keep = keep.intersection(touched)
        }
        var result = self
        result.replace(nodes: nodes.filter { keep.contains($0.id) }, edges: kept)
        result.canonicalize()
        return result
    }
}
