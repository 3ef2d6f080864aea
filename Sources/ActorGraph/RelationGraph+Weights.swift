import Foundation

/// How an edge's `weight` is computed from co-occurrence counts.
public enum WeightMeasure: String, Sendable, CaseIterable, Codable {
    /// The number of shared windows.
    case count
    /// Dice coefficient: 2·c / (wa + wb), where wa, wb are the windows each actor occurs in.
    case dice
    /// Jaccard index: c / (wa + wb − c).
    case jaccard
    /// Pointwise mutual information, log2(c · N / (wa · wb)), N the windows with any actor; can be negative.
    case pmi
}

extension RelationGraph {
    /// Sets every edge's `weight` by `measure` and records it in the metadata (`options["weight"]`).
    ///
    /// Weights are derived, not summed, so apply this again after ``merge(_:evidenceCap:)``.
    /// - Complexity: O(n + e).
    public mutating func applyWeight(_ measure: WeightMeasure) {
        let windows = Dictionary(uniqueKeysWithValues: nodes.map { ($0.id, Double(max($0.windows, 1))) })
        let total = Double(max(metadata.windows, 1))
        let updated = edges.map { e -> Edge in
            var e = e
            let c = Double(e.count)
            let wa = max(windows[e.source] ?? c, c), wb = max(windows[e.target] ?? c, c)
            switch measure {
            case .count: e.weight = c
            case .dice: e.weight = 2 * c / (wa + wb)
            case .jaccard: e.weight = c / max(wa + wb - c, c)
            case .pmi: e.weight = log2(c * total / (wa * wb))
            }
            return e
        }
        replace(nodes: nodes, edges: updated)
        metadata.options["weight"] = measure.rawValue
    }
}
