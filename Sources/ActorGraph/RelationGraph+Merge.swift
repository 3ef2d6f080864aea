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

/// The nodes and edges one document (or any part of a corpus) adds to a graph, before they join it: what a
/// corpus build hands from the workers that analyse documents to the accumulators, without the indexes of a
/// ``RelationGraph``.
///
/// Invariants: node ids are unique, edge keys are unique, and each edge's evidence is sorted and capped as
/// ``RelationGraph/addEdge(_:evidenceCap:)`` leaves it.
public struct GraphContribution: Sendable {
    public var metadata: GraphMetadata
    public var nodes: [Node]
    public var edges: [Edge]

    public init(metadata: GraphMetadata, nodes: [Node], edges: [Edge]) {
        self.metadata = metadata
        self.nodes = nodes
        self.edges = edges
    }
}

extension RelationGraph {
    /// Adds a contribution into this graph in place, as ``absorb(_:evidenceCap:)`` adds a graph with the
    /// same metadata, nodes and edges.
    /// - Complexity: O(n' + e') for the contribution's nodes and edges.
    public mutating func absorb(_ part: GraphContribution, evidenceCap: Int = .max) {
        metadata = metadata.merged(with: part.metadata)
        for n in part.nodes { addNode(n) }
        for e in part.edges { addEdge(e, evidenceCap: evidenceCap) }
    }
}
