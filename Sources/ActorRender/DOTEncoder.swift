import ActorGraph

/// Options that shape the DOT text of a graph.
public struct DOTStyle: Sendable, Equatable {
    public enum Labels: String, Sendable, CaseIterable { case en, ar, both }
    public var labels: Labels = .both
    public var title: String? = nil
    /// Graphviz `rankdir` for the `dot` engine.
    public var rankdir: String = "LR"
    public init(labels: Labels = .both, title: String? = nil) {
        self.labels = labels
        self.title = title
    }
}

/// Writes a ``RelationGraph`` as DOT text, in pure Swift.
///
/// The encoder is deterministic: nodes are written by id and edges by key, numbers with fixed precision,
/// so equal graphs and options give identical bytes. All strings are escaped by ``DOTEscaping``.
public struct DOTEncoder: Sendable {
    public var style: DOTStyle

    public init(style: DOTStyle = DOTStyle()) { self.style = style }

    /// - Complexity: O(n log n + e log e).
    public func encode(_ graph: RelationGraph) -> String {
        var out = "graph actorgraph {\n"
        let directed = graph.edges.contains { $0.directed }
        if directed { out = "digraph actorgraph {\n" }
        // overlap=scale, not false: Graphviz 2.42's prism overlap removal (overlap=false) leaks about 1.4 KB
        // per layout inside GTS (measured with `actorgraph-bench render-loop` and valgrind).
        out += "  graph [charset=\"UTF-8\", overlap=scale, splines=true, outputorder=edgesfirst, pad=0.3, rankdir=\(style.rankdir)"
        if let title = style.title ?? graph.metadata.title {
            out += ", label=\(DOTEscaping.quoted(title)), labelloc=t, fontsize=18"
        }
        out += ", fontname=\(DOTEscaping.quoted(Palette.fontStack))];\n"
        out += "  node [fontname=\(DOTEscaping.quoted(Palette.fontStack)), fontsize=12, style=filled, penwidth=1.2];\n"
        out += "  edge [fontname=\(DOTEscaping.quoted(Palette.fontStack)), fontsize=9];\n"

        let strength = graph.strengths()
        let maxStrength = strength.values.max() ?? 1
        for node in graph.nodes.sorted(by: { $0.id < $1.id }) {
            let s = strength[node.id] ?? 0
            let scale = maxStrength > 0 ? s / maxStrength : 0
            let fontsize = 11 + Int((scale * 10).rounded())
            out += "  \(DOTEscaping.quoted(node.id)) [label=\(DOTEscaping.quoted(label(node)))"
            out += ", shape=\(Palette.shape(node.type)), fillcolor=\(DOTEscaping.quoted(Palette.fill(node)))"
            out += ", color=\(DOTEscaping.quoted(Palette.stroke(node))), fontsize=\(fontsize)"
            out += ", tooltip=\(DOTEscaping.quoted(tooltip(node)))];\n"
        }
        let maxWeight = graph.edges.map(\.weight).max() ?? 1
        let arrow = directed ? "->" : "--"
        for edge in graph.edges.sorted(by: { $0.key < $1.key }) {
            let width = 1 + 5 * (maxWeight > 0 ? edge.weight / maxWeight : 0)
            out += "  \(DOTEscaping.quoted(edge.source)) \(arrow) \(DOTEscaping.quoted(edge.target))"
            out += " [penwidth=\(fixed(width)), color=\(DOTEscaping.quoted(Palette.edgeColor(edge)))"
            if directed && !edge.directed { out += ", dir=none" }
            out += ", weight=\(max(1, edge.count)), tooltip=\(DOTEscaping.quoted(tooltip(edge, graph: graph)))];\n"
        }
        out += "}\n"
        return out
    }

    func label(_ node: Node) -> String {
        switch style.labels {
        case .en: return node.name
        case .ar: return node.nameAr.isEmpty ? node.name : node.nameAr
        case .both:
            if node.nameAr.isEmpty || node.nameAr == node.name { return node.name }
            return node.name + "\n" + node.nameAr
        }
    }

    func tooltip(_ node: Node) -> String {
        var t = "\(node.name) (\(node.type.rawValue)"
        if let c = node.country, node.type != .state { t += ", \(c)" }
        t += "): \(node.mentions) mention\(node.mentions == 1 ? "" : "s")"
        return t
    }

    func tooltip(_ edge: Edge, graph: RelationGraph) -> String {
        let a = graph.node(edge.source)?.name ?? edge.source
        let b = graph.node(edge.target)?.name ?? edge.target
        var t = "\(a) \(edge.directed ? "→" : "–") \(b): \(edge.count) co-occurrence\(edge.count == 1 ? "" : "s")"
        t += ", stance \(fixed(edge.stance))"
        for ev in edge.evidence.prefix(3) {
            t += "\n• " + trimmed(ev.text, to: 160)
        }
        return t
    }
}

/// Fixed two-decimal formatting without Foundation, so output does not depend on the locale.
func fixed(_ x: Double) -> String {
    let scaled = (x * 100).rounded()
    guard scaled.isFinite else { return "0" }
    let n = Int(scaled)
    let sign = n < 0 ? "-" : ""
    let a = abs(n)
    let frac = a % 100
    return "\(sign)\(a / 100).\(frac < 10 ? "0" : "")\(frac)"
}

/// `text` cut to at most `limit` scalars at a word boundary, with an ellipsis when cut.
func trimmed(_ text: String, to limit: Int) -> String {
    let scalars = text.unicodeScalars
    if scalars.count <= limit { return text }
    var cut = scalars.index(scalars.startIndex, offsetBy: limit)
    if let space = scalars[..<cut].lastIndex(of: " "), scalars.distance(from: scalars.startIndex, to: space) > limit / 2 {
        cut = space
    }
    return String(scalars[..<cut]) + " …"
}

