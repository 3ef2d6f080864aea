extension RelationGraph {
    /// Merges another graph into a copy of this one.
    ///
    /// Associative and commutative up to canonical order: `a.merge(b) == b.merge(a)` and
    /// `(a.merge(b)).merge(c) == a.merge(b.merge(c))`, which is what lets shards of a corpus be built
    /// separately and merged in any order. Node metrics are dropped (they are not additive); recompute them.
    /// - Parameter evidenceCap: the most evidence sentences kept per edge (the first ones in document order).
    /// - Complexity: O(n + e) plus sorting the evidence of edges present in both graphs.
    public func merge(_ other: RelationGraph, evidenceCap: Int = .max) -> RelationGraph {
        var result = self
        result.metadata = metadata.merged(with: other.metadata)
        for n in other.nodes { result.addNode(n) }
        for e in other.edges { result.addEdge(e, evidenceCap: evidenceCap) }
        result.clearMetrics()
        result.canonicalize()
        return result
    }

    /// Adds another graph into this one in place, without re-sorting: the accumulator of corpus builds.
    /// The result equals ``merge(_:evidenceCap:)`` once canonicalized; metrics are not kept up to date.
    /// - Complexity: O(n' + e') for the other graph's nodes and edges.
    public mutating func absorb(_ other: RelationGraph, evidenceCap: Int = .max) {
        metadata = metadata.merged(with: other.metadata)
        for n in other.nodes { addNode(n) }
        for e in other.edges { addEdge(e, evidenceCap: evidenceCap) }
    }

    /// Removes stored metrics from every node.
    public mutating func clearMetrics() {
        let cleared = nodes.map { n -> Node in
            var n = n
            n.metrics = nil
            return n
        }
        replace(nodes: cleared, edges: edges)
    }
}
