import Foundation

extension RelationGraph {
    /// Computes and stores on every node: degree, strength (weighted degree), PageRank, betweenness and a
    /// community (Louvain). Edges are taken as undirected and weighted by `weight` (negative PMI weights
    /// count as 0 for PageRank and communities).
    ///
    /// Deterministic: nodes are processed in id order and ties broken by id.
    /// - Complexity: O(n·e) for betweenness (Brandes), O(k·e) for PageRank and each Louvain pass.
    public mutating func computeMetrics() {
        let ids = nodes.map(\.id).sorted()
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        let n = ids.count
        var building = [[(Int, Double)]](repeating: [], count: n)
        for e in edges.sorted(by: { $0.key < $1.key }) {
            guard let a = index[e.source], let b = index[e.target], a != b else { continue }
            let w = max(e.weight, 0)
            building[a].append((b, w))
            building[b].append((a, w))
        }
        let adjacency = building
        // Three independent computations (betweenness is the longest, O(n·e)): run side by side.
        let results = MetricResults()
        DispatchQueue.concurrentPerform(iterations: 3) { k in
            switch k {
            case 0: results.betweenness = Self.betweenness(adjacency)
            case 1: results.pagerank = Self.pagerank(adjacency)
            default: results.community = Self.louvain(adjacency)
            }
        }
        let pagerank = results.pagerank, betweenness = results.betweenness, community = results.community
        let updated = nodes.map { node -> Node in
            var node = node
            let i = index[node.id]!
            node.metrics = NodeMetrics(
                degree: adjacency[i].count, strength: adjacency[i].reduce(0) { $0 + $1.1 },
                pagerank: pagerank[i], betweenness: betweenness[i], community: community[i])
            return node
        }
        replace(nodes: updated, edges: edges)
    }

    /// Weighted PageRank with damping 0.85; dangling mass is spread evenly.
    static func pagerank(_ adj: [[(Int, Double)]], damping: Double = 0.85, iterations: Int = 100) -> [Double] {
        let n = adj.count
        guard n > 0 else { return [] }
        let out = adj.map { $0.reduce(0) { $0 + $1.1 } }
        var rank = [Double](repeating: 1 / Double(n), count: n)
        for _ in 0..<iterations {
            var next = [Double](repeating: 0, count: n)
            var dangling = 0.0
            for i in 0..<n {
                if out[i] == 0 { dangling += rank[i]; continue }
                for (j, w) in adj[i] { next[j] += rank[i] * w / out[i] }
            }
            var delta = 0.0
            for i in 0..<n {
                let v = (1 - damping) / Double(n) + damping * (next[i] + dangling / Double(n))
                delta += abs(v - rank[i])
                next[i] = v
            }
            rank = next
            if delta < 1e-10 { break }
        }
        return rank
    }

    /// Brandes' betweenness centrality on the unweighted graph, normalised to 0…1.
    ///
    /// The predecessors of `w` on shortest paths are its neighbours one step nearer the source, so they are
    /// found again from `dist` instead of being stored in a list per node; the buffers are reused from source
    /// to source. Each `delta[v]` still receives its terms in the same order (the order nodes leave the
    /// stack), so the result is the same to the last bit.
    /// - Complexity: O(n·e) time, O(n) memory besides the adjacency.
    static func betweenness(_ adj: [[(Int, Double)]]) -> [Double] {
        let n = adj.count
        var cb = [Double](repeating: 0, count: n)
        var order = [Int](repeating: 0, count: n)  // BFS order; read backwards it is Brandes' stack
        var sigma = [Double](repeating: 0, count: n)
        var dist = [Int](repeating: -1, count: n)
        var delta = [Double](repeating: 0, count: n)
        for s in 0..<n {
            for i in 0..<n { sigma[i] = 0; dist[i] = -1; delta[i] = 0 }
            sigma[s] = 1
            dist[s] = 0
            order[0] = s
            var head = 0, tail = 1
            while head < tail {
                let v = order[head]
                head += 1
                for (w, _) in adj[v] {
                    if dist[w] < 0 {
                        dist[w] = dist[v] + 1
                        order[tail] = w
                        tail += 1
                    }
                    if dist[w] == dist[v] + 1 { sigma[w] += sigma[v] }
                }
            }
            var k = tail
            while k > 0 {
                k -= 1
                let w = order[k]
                // Each predecessor `v` gets one term from `w` (two for a pair joined by two directed edges, as
                // before); the order over different `v` does not matter, each has its own sum.
                for (v, _) in adj[w] where dist[v] == dist[w] - 1 {
                    delta[v] += sigma[v] / sigma[w] * (1 + delta[w])
                }
                if w != s { cb[w] += delta[w] }
            }
        }
        // Undirected: each path counted twice; normalise by the number of pairs of other nodes.
        let scale = n > 2 ? 1 / Double((n - 1) * (n - 2)) : 0
        return cb.map { $0 * scale }
    }

    /// Louvain community detection (modularity); communities are numbered by their smallest member index.
    static func louvain(_ adj: [[(Int, Double)]]) -> [Int] {
        let n = adj.count
        guard n > 0 else { return [] }
        // Membership of original nodes in the current aggregated nodes.
        var membership = Array(0..<n)
        var graph = adj
        while true {
            let (community, moved) = louvainPass(graph)
            if !moved { break }
            // Renumber communities densely in order of first appearance.
            var renumber: [Int: Int] = [:]
            for c in community where renumber[c] == nil { renumber[c] = renumber.count }
            membership = membership.map { renumber[community[$0]]! }
            var aggregated = [[Int: Double]](repeating: [:], count: renumber.count)
            for (i, list) in graph.enumerated() {
                let ci = renumber[community[i]]!
                for (j, w) in list {
                    let cj = renumber[community[j]]!
                    aggregated[ci][cj, default: 0] += w
                }
            }
            graph = aggregated.map { $0.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
            if graph.count == 1 { break }
        }
        // Number communities by their smallest original node index.
        var first: [Int: Int] = [:]
        for (i, c) in membership.enumerated() where first[c] == nil { first[c] = i }
        let order = first.sorted { $0.value < $1.value }.enumerated().map { ($1.key, $0) }
        let rank = Dictionary(uniqueKeysWithValues: order)
        return membership.map { rank[$0]! }
    }

    /// One level of Louvain: local moves until no node improves modularity. Self loops (from aggregation)
    /// count toward a node's degree and its community's internal weight.
    private static func louvainPass(_ adj: [[(Int, Double)]]) -> ([Int], Bool) {
        let n = adj.count
        let degree = adj.map { $0.reduce(0) { $0 + $1.1 } }
        let m2 = degree.reduce(0, +)
        guard m2 > 0 else { return (Array(0..<n), false) }
        var community = Array(0..<n)
        var total = degree
        var movedAny = false
        var improved = true
        var rounds = 0
        while improved && rounds < 50 {
            improved = false
            rounds += 1
            for i in 0..<n {
                let ci = community[i]
                var links: [Int: Double] = [:]
                for (j, w) in adj[i] where j != i { links[community[j], default: 0] += w }
                total[ci] -= degree[i]
                var best = ci
                var bestGain = (links[ci] ?? 0) - total[ci] * degree[i] / m2
                for (c, w) in links.sorted(by: { $0.key < $1.key }) {
                    let gain = w - total[c] * degree[i] / m2
                    if gain > bestGain + 1e-12 { bestGain = gain; best = c }
                }
                total[best] += degree[i]
                if best != ci {
                    community[i] = best
                    improved = true
                    movedAny = true
                }
            }
        }
        return (community, movedAny)
    }
}

extension RelationGraph {
    /// Weighted degree of every node.
    /// - Complexity: O(n + e).
    public func strengths() -> [String: Double] {
        var s: [String: Double] = [:]
        for n in nodes { s[n.id] = 0 }
        for e in edges {
            s[e.source, default: 0] += e.weight
            s[e.target, default: 0] += e.weight
        }
        return s
    }
}

/// The three metrics, each set by one worker of ``RelationGraph/computeMetrics()``.
private final class MetricResults: @unchecked Sendable {
    // Safe: each field is written by exactly one worker and read after all have finished.
    var pagerank: [Double] = []
    var betweenness: [Double] = []
    var community: [Int] = []
}
