/// What changed between two graphs (an earlier period `a` and a later `b`).
///
/// Symmetric: `GraphDiff(a, b)` and `GraphDiff(b, a)` are inverses — added and removed swap, deltas change
/// sign, flips reverse (a test checks it).
public struct GraphDiff: Sendable, Codable, Equatable {
    public struct ActorChange: Sendable, Codable, Equatable {
        public var id: String
        public var name: String
        public var nameAr: String
        public var type: NodeKind
        /// Strength (weighted degree) in each graph.
        public var strengthBefore: Double
        public var strengthAfter: Double
        /// Rank by strength (1 = strongest) in each graph, `nil` when absent.
        public var rankBefore: Int?
        public var rankAfter: Int?

        enum CodingKeys: String, CodingKey {
            case id, name, nameAr = "name_ar", type, strengthBefore = "strength_before", strengthAfter = "strength_after"
            case rankBefore = "rank_before", rankAfter = "rank_after"
        }
    }

    public struct RelationChange: Sendable, Codable, Equatable {
        public var source: String
        public var target: String
        public var countBefore: Int
        public var countAfter: Int
        public var stanceBefore: Double
        public var stanceAfter: Double
        /// `cooperation→conflict`, `conflict→cooperation`, or `nil` when the sign did not flip.
        public var flip: String?
        /// Up to three evidence sentences from each side.
        public var evidenceBefore: [Evidence]
        public var evidenceAfter: [Evidence]

        public var countDelta: Int { countAfter - countBefore }
        public var stanceDelta: Double { stanceAfter - stanceBefore }

        enum CodingKeys: String, CodingKey {
            case source, target, countBefore = "count_before", countAfter = "count_after"
            case stanceBefore = "stance_before", stanceAfter = "stance_after", flip
            case evidenceBefore = "evidence_before", evidenceAfter = "evidence_after"
        }
    }

    public var labelBefore: String
    public var labelAfter: String
    public var addedActors: [ActorChange]
    public var removedActors: [ActorChange]
    /// Actors in both whose strength rank changed.
    public var rankChanges: [ActorChange]
    public var addedRelations: [RelationChange]
    public var removedRelations: [RelationChange]
    /// Relations in both whose count or stance changed.
    public var changedRelations: [RelationChange]

    enum CodingKeys: String, CodingKey {
        case labelBefore = "label_before", labelAfter = "label_after", addedActors = "added_actors"
        case removedActors = "removed_actors", rankChanges = "rank_changes", addedRelations = "added_relations"
        case removedRelations = "removed_relations", changedRelations = "changed_relations"
    }

    /// - Complexity: O((n + e) log(n + e)).
    public init(from a: RelationGraph, to b: RelationGraph, labelBefore: String = "before", labelAfter: String = "after") {
        self.labelBefore = labelBefore
        self.labelAfter = labelAfter
        let sa = a.strengths(), sb = b.strengths()
        func ranks(_ g: RelationGraph, _ s: [String: Double]) -> [String: Int] {
            let order = g.nodes.map(\.id).sorted { (s[$0] ?? 0, $1) > (s[$1] ?? 0, $0) }
            return Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0 + 1) })
        }
        let ra = ranks(a, sa), rb = ranks(b, sb)
        func change(_ n: Node) -> ActorChange {
            ActorChange(id: n.id, name: n.name, nameAr: n.nameAr, type: n.type, strengthBefore: sa[n.id] ?? 0,
                        strengthAfter: sb[n.id] ?? 0, rankBefore: ra[n.id], rankAfter: rb[n.id])
        }
        addedActors = b.nodes.filter { a.node($0.id) == nil }.map(change).sorted { $0.id < $1.id }
        removedActors = a.nodes.filter { b.node($0.id) == nil }.map(change).sorted { $0.id < $1.id }
        rankChanges = b.nodes.compactMap { n -> ActorChange? in
            guard a.node(n.id) != nil, ra[n.id] != rb[n.id] else { return nil }
            return change(n)
        }.sorted { $0.id < $1.id }

        func relation(_ key: EdgeKey) -> RelationChange {
            let x = a.edge(key), y = b.edge(key)
            let before = x?.stance ?? 0, after = y?.stance ?? 0
            var flip: String? = nil
            if x != nil && y != nil {
                if before > 0 && after < 0 { flip = "cooperation→conflict" }
                if before < 0 && after > 0 { flip = "conflict→cooperation" }
            }
            return RelationChange(
                source: key.source, target: key.target, countBefore: x?.count ?? 0, countAfter: y?.count ?? 0,
                stanceBefore: before, stanceAfter: after, flip: flip,
                evidenceBefore: Array((x?.evidence ?? []).prefix(3)), evidenceAfter: Array((y?.evidence ?? []).prefix(3)))
        }
        let keysA = Set(a.edges.map(\.key)), keysB = Set(b.edges.map(\.key))
        addedRelations = keysB.subtracting(keysA).sorted().map(relation)
        removedRelations = keysA.subtracting(keysB).sorted().map(relation)
        changedRelations = keysA.intersection(keysB).sorted().map(relation).filter { $0.countDelta != 0 || $0.stanceDelta != 0 }
    }

    /// The same diff seen from the other side.
    public var inverted: GraphDiff {
        func swapActor(_ c: ActorChange) -> ActorChange {
            ActorChange(id: c.id, name: c.name, nameAr: c.nameAr, type: c.type, strengthBefore: c.strengthAfter,
                        strengthAfter: c.strengthBefore, rankBefore: c.rankAfter, rankAfter: c.rankBefore)
        }
        func swapRelation(_ r: RelationChange) -> RelationChange {
            var flip: String? = nil
            if r.flip == "cooperation→conflict" { flip = "conflict→cooperation" }
            if r.flip == "conflict→cooperation" { flip = "cooperation→conflict" }
            return RelationChange(source: r.source, target: r.target, countBefore: r.countAfter, countAfter: r.countBefore,
                                  stanceBefore: r.stanceAfter, stanceAfter: r.stanceBefore, flip: flip,
                                  evidenceBefore: r.evidenceAfter, evidenceAfter: r.evidenceBefore)
        }
        var d = self
        d.labelBefore = labelAfter
        d.labelAfter = labelBefore
        d.addedActors = removedActors.map(swapActor)
        d.removedActors = addedActors.map(swapActor)
        d.rankChanges = rankChanges.map(swapActor)
        d.addedRelations = removedRelations.map(swapRelation)
        d.removedRelations = addedRelations.map(swapRelation)
        d.changedRelations = changedRelations.map(swapRelation)
        return d
    }
}

extension GraphDiff {
    /// A summary a person can paste into a report.
    public func markdown(names: [String: String]) -> String {
        func name(_ id: String) -> String { names[id] ?? id }
        func stanceWord(_ s: Double) -> String { s > 0 ? "cooperative" : s < 0 ? "conflictual" : "neutral" }
        var out = "## \(labelBefore) → \(labelAfter)\n\n"
        let people = { (list: [ActorChange]) in list.sorted { $0.strengthAfter + $0.strengthBefore > $1.strengthAfter + $1.strengthBefore } }
        out += "- **New actors:** " + (addedActors.isEmpty ? "none" : people(addedActors).map(\.name).joined(separator: ", ")) + "\n"
        out += "- **Gone:** " + (removedActors.isEmpty ? "none" : people(removedActors).map(\.name).joined(separator: ", ")) + "\n"
        let flips = changedRelations.filter { $0.flip != nil }
        if !flips.isEmpty {
            out += "- **Stance flipped:** " + flips.map { "\(name($0.source))–\(name($0.target)) (\($0.flip!))" }.joined(separator: "; ") + "\n"
        }
        let moved = changedRelations.filter { $0.flip == nil && $0.countDelta != 0 }
            .sorted { (abs($0.countDelta), $1.source) > (abs($1.countDelta), $0.source) }.prefix(10)
        if !moved.isEmpty {
            out += "- **Changed:** " + moved.map {
                "\(name($0.source))–\(name($0.target)) from \($0.countBefore) to \($0.countAfter) mention\($0.countAfter == 1 ? "" : "s"), \(stanceWord($0.stanceAfter))"
            }.joined(separator: "; ") + "\n"
        }
        let newRelations = addedRelations.sorted { ($0.countAfter, $1.source) > ($1.countAfter, $0.source) }.prefix(10)
        if !newRelations.isEmpty {
            out += "- **New relations:** " + newRelations.map { "\(name($0.source))–\(name($0.target)) (\($0.countAfter), \(stanceWord($0.stanceAfter)))" }.joined(separator: "; ") + "\n"
        }
        let goneRelations = removedRelations.sorted { ($0.countBefore, $1.source) > ($1.countBefore, $0.source) }.prefix(10)
        if !goneRelations.isEmpty {
            out += "- **Relations gone:** " + goneRelations.map { "\(name($0.source))–\(name($0.target)) (\($0.countBefore), \(stanceWord($0.stanceBefore)))" }.joined(separator: "; ") + "\n"
        }
        return out
    }
}
