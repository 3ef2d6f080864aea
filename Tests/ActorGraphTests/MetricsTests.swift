import Testing

@testable import ActorGraph

@Suite("Graph metrics")
struct MetricsTests {
    /// Undirected adjacency from an edge list.
    static func adjacency(_ n: Int, _ edges: [(Int, Int)]) -> [[(Int, Double)]] {
        var adj = [[(Int, Double)]](repeating: [], count: n)
        for (a, b) in edges {
            adj[a].append((b, 1))
            adj[b].append((a, 1))
        }
        return adj
    }

    @Test("Betweenness: the middle of a path carries every path, a square's corners half of the opposite pair")
    func betweennessSmallGraphs() {
        #expect(RelationGraph.betweenness(Self.adjacency(3, [(0, 1), (1, 2)])) == [0, 1, 0])
        let square = RelationGraph.betweenness(Self.adjacency(4, [(0, 1), (1, 2), (2, 3), (3, 0)]))
        for v in square { #expect(abs(v - 1.0 / 6) < 1e-12) }
        #expect(RelationGraph.betweenness(Self.adjacency(4, [(0, 1), (0, 2), (0, 3)])) == [1, 0, 0, 0])
    }

    @Test("Betweenness agrees with counting shortest paths pair by pair, on random graphs")
    func betweennessMatchesDefinition() {
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<30 {
            let n = 2 + next(12)
            var edges: [(Int, Int)] = []
            for a in 0..<n { for b in (a + 1)..<n where next(3) == 0 { edges.append((a, b)) } }
            let adj = Self.adjacency(n, edges)
            let fast = RelationGraph.betweenness(adj)
            // Definition: for each ordered pair (s, t), the share of shortest s–t paths through v.
            var dist = [[Int]](repeating: [], count: n), count = [[Double]](repeating: [], count: n)
            for s in 0..<n {
                var d = [Int](repeating: -1, count: n), c = [Double](repeating: 0, count: n)
                d[s] = 0; c[s] = 1
                var queue = [s], head = 0
                while head < queue.count {
                    let v = queue[head]; head += 1
                    for (w, _) in adj[v] {
                        if d[w] < 0 { d[w] = d[v] + 1; queue.append(w) }
                        if d[w] == d[v] + 1 { c[w] += c[v] }
                    }
                }
                dist[s] = d; count[s] = c
            }
            for v in 0..<n {
                var total = 0.0
                for s in 0..<n where s != v {
                    for t in 0..<n where t != v && t != s && dist[s][t] > 0 {
                        if dist[s][v] >= 0, dist[v][t] >= 0, dist[s][v] + dist[v][t] == dist[s][t] {
                            total += count[s][v] * count[v][t] / count[s][t]
                        }
                    }
                }
                let expected = n > 2 ? total / Double((n - 1) * (n - 2)) : 0
                #expect(abs(fast[v] - expected) < 1e-9, "n=\(n) v=\(v) \(edges)")
            }
        }
    }
}
