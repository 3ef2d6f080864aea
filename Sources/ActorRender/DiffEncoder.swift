import ActorGraph

/// DOT for the diagram of a ``GraphDiff``: the union of both graphs, with what was added drawn solid and
/// green-outlined, what disappeared dotted and grey, relations that grew or shrank by their new width with
/// the change as a label, and stance flips marked. Positions come from a ``SharedLayout`` so the diff lines
/// up with the period diagrams.
public struct DiffEncoder: Sendable {
    public var style: DOTStyle

    public init(style: DOTStyle) { self.style = style }

    public static let added = "#228833"  // Tol bright green
    public static let removed = "#AAAAAA"

    public func encode(_ diff: GraphDiff, before a: RelationGraph, after b: RelationGraph) -> String {
        let q = DOTEscaping.quoted
        let base = DOTEncoder(style: style)
        var out = "graph actorgraph_diff {\n"
        out += "  graph [id=\(q(style.idPrefix + "graph")), charset=\"UTF-8\", overlap=true, splines=\(style.splines ? "true" : "false"), outputorder=edgesfirst, pad=0.3"
        out += ", fontname=\(q(Palette.fontStack)), label=\(q(legend(diff))), labelloc=t, fontsize=13];\n"
        out += "  node [fontname=\(q(Palette.fontStack)), fontsize=12, style=\"filled\", penwidth=1.2];\n"
        out += "  edge [fontname=\(q(Palette.fontStack)), fontsize=9];\n"
        let addedIDs = Set(diff.addedActors.map(\.id)), removedIDs = Set(diff.removedActors.map(\.id))
        var union = a
        union.absorb(b)
        for n in union.nodes.sorted(by: { $0.id < $1.id }) {
            let status = addedIDs.contains(n.id) ? "added" : removedIDs.contains(n.id) ? "removed" : "kept"
            out += "  \(q(n.id)) [id=\(q(style.idPrefix + "n-" + DOTEncoder.safeID(n.id))), class=\(q("node type-\(n.type.rawValue) diff-\(status)"))"
            out += ", label=\(q(base.label(n))), shape=\(Palette.shape(n.type)), tooltip=\(q(base.tooltip(n)))"
            switch status {
            case "added": out += ", fillcolor=\(q(Palette.fill(n))), color=\(q(Self.added)), penwidth=3"
            case "removed": out += ", fillcolor=\"#F4F4F4\", color=\(q(Self.removed)), fontcolor=\"#888888\", style=\"filled,dashed\""
            default: out += ", fillcolor=\(q(Palette.fill(n))), color=\(q(Palette.stroke(n)))"
            }
            if let p = style.positions[n.id] { out += ", pos=\"\(fixed(p.x)),\(fixed(p.y))!\"" }
            out += "];\n"
        }
        if let frame = DOTEncoder.frame(style.positions) {
            out += "  \"__corner_min\" [style=invis, label=\"\", width=0.1, height=0.1, pos=\"\(fixed(frame.0.x)),\(fixed(frame.0.y))!\"];\n"
            out += "  \"__corner_max\" [style=invis, label=\"\", width=0.1, height=0.1, pos=\"\(fixed(frame.1.x)),\(fixed(frame.1.y))!\"];\n"
        }
        let maxCount = max(1, (a.edges + b.edges).map(\.count).max() ?? 1)
        func width(_ c: Int) -> String { fixed(0.8 + 5 * Double(c) / Double(maxCount)) }
        func line(_ r: GraphDiff.RelationChange, _ attrs: String, _ status: String) -> String {
            "  \(q(r.source)) -- \(q(r.target)) [id=\(q(style.idPrefix + "e-" + DOTEncoder.safeID(r.source) + "--" + DOTEncoder.safeID(r.target))), class=\(q("edge diff-\(status)")), \(attrs)];\n"
        }
        func colour(_ s: Double) -> String { s > 0 ? Palette.cooperation : s < 0 ? Palette.conflict : Palette.neutral }
        for r in diff.addedRelations {
            out += line(r, "color=\(q(colour(r.stanceAfter))), penwidth=\(width(r.countAfter)), label=\"new\", fontcolor=\(q(Self.added)), tooltip=\(q(tip(r, "new")))", "added")
        }
        for r in diff.removedRelations {
            out += line(r, "color=\(q(Self.removed)), style=dotted, penwidth=\(width(r.countBefore)), tooltip=\(q(tip(r, "gone")))", "removed")
        }
        let changed = Set(diff.changedRelations.map { EdgeKey(source: $0.source, target: $0.target) })
        for r in diff.changedRelations {
            if let flip = r.flip {
                let pair = r.stanceAfter > 0 ? "\(Palette.conflict):\(Palette.cooperation)" : "\(Palette.cooperation):\(Palette.conflict)"
                out += line(r, "color=\(q(pair)), penwidth=\(width(r.countAfter)), label=\"flipped\", tooltip=\(q(tip(r, flip)))", "flipped")
            } else {
                let delta = r.countDelta
                let label = delta == 0 ? "" : (delta > 0 ? "+\(delta)" : "−\(-delta)")
                out += line(r, "color=\(q(colour(r.stanceAfter))), penwidth=\(width(r.countAfter)), label=\(q(label)), tooltip=\(q(tip(r, "changed")))", delta > 0 ? "grown" : delta < 0 ? "shrunk" : "restanced")
            }
        }
        for e in b.edges where a.edge(e.key) != nil && !changed.contains(e.key) {
            out += "  \(q(e.source)) -- \(q(e.target)) [class=\"edge diff-same\", color=\(q(Palette.edgeColor(e))), penwidth=\(width(e.count))];\n"
        }
        out += "}\n"
        return out
    }

    func tip(_ r: GraphDiff.RelationChange, _ what: String) -> String {
        var t = "\(r.source) – \(r.target): \(what); mentions \(r.countBefore) → \(r.countAfter), stance \(fixed(r.stanceBefore)) → \(fixed(r.stanceAfter))"
        for ev in (r.evidenceAfter.isEmpty ? r.evidenceBefore : r.evidenceAfter).prefix(2) { t += "\n• " + trimmed(ev.text, to: 180) }
        return t
    }

    /// Plain text (see ``DOTEncoder/graphLabel(_:)`` on why not an HTML-like label).
    func legend(_ diff: GraphDiff) -> String {
        "\(diff.labelBefore) → \(diff.labelAfter)\ngreen outline: new · dotted grey: gone · +n / −n: change in shared sentences · two colours: stance flipped"
    }
}
