import ActorGraph

/// Options that shape the DOT text of a graph.
public struct DOTStyle: Sendable, Equatable {
    public enum Labels: String, Sendable, CaseIterable { case en, ar, both }
    public var labels: Labels = .both
    /// Diagram title; default: from the graph's metadata.
    public var title: String? = nil
    /// A legend (stance colours, shapes) and a subtitle (period, articles, sources) under the title.
    public var legend: Bool = true
    /// One box per state around its people and institutions.
    public var clusterByCountry: Bool = false
    /// Prefix for every element id, so several diagrams can share an HTML page.
    public var idPrefix: String = ""
    /// A link for nodes: `{id}`, `{name}` and `{country}` are replaced (URL-encoded). Only http(s) links.
    public var nodeLink: String? = nil
    /// A link for edges: `{source}`, `{target}`, `{document}` and `{url}` (of the first evidence) are replaced.
    public var edgeLink: String? = nil
    /// Graphviz `rankdir` for the `dot` engine.
    public var rankdir: String = "LR"
    /// Curved edge routing. Cheap with `dot`; with the force-directed engines on large graphs it costs
    /// minutes (sfdp routing ~2,000 edges took 57 s here), so the renderer turns it off for them.
    public var splines: Bool = true
    /// Pinned node positions (points) from a ``SharedLayout``; nodes without one are left to the engine.
    public var positions: [String: Position] = [:]

    public struct Position: Sendable, Equatable {
        public var x: Double
        public var y: Double
        public init(x: Double, y: Double) { self.x = x; self.y = y }
    }

    public init(labels: Labels = .both, title: String? = nil, legend: Bool = true, clusterByCountry: Bool = false,
                idPrefix: String = "", nodeLink: String? = nil, edgeLink: String? = nil) {
        self.labels = labels
        self.title = title
        self.legend = legend
        self.clusterByCountry = clusterByCountry
        self.idPrefix = idPrefix
        self.nodeLink = nodeLink
        self.edgeLink = edgeLink
    }
}

/// Writes a ``RelationGraph`` as DOT text, in pure Swift.
///
/// Encodes meaning the same way in every diagram: shape by type (box: state, ellipse: person, hexagon:
/// organisation), one stable colour per state (people and organisations tinted with their state's colour),
/// size by strength, edge colour by stance (colour-blind-safe), width by weight, arrows only for directed
/// relations. Every node and edge gets an `id` (with ``DOTStyle/idPrefix``), CSS classes (type, country,
/// stance), a tooltip with its evidence, and optionally a link.
///
/// Deterministic: nodes by id, edges by key, fixed-precision numbers. Every string from input or lexicon
/// goes through ``DOTEscaping`` (quoted strings) or ``HTMLEscaping`` (the HTML-like legend label).
public struct DOTEncoder: Sendable {
    public var style: DOTStyle

    public init(style: DOTStyle = DOTStyle()) { self.style = style }

    /// - Complexity: O(n log n + e log e).
    public func encode(_ graph: RelationGraph) -> String {
        let q = DOTEscaping.quoted
        let directed = graph.edges.contains { $0.directed }
        var out = directed ? "digraph actorgraph {\n" : "graph actorgraph {\n"
        // overlap=scale, not false: Graphviz 2.42's prism overlap removal (overlap=false) leaks about 1.4 KB
        // per layout inside GTS (measured with `actorgraph-bench render-loop` and valgrind).
        out += "  graph [id=\(q(style.idPrefix + "graph")), charset=\"UTF-8\", overlap=scale, splines=\(style.splines ? "true" : "false"), outputorder=edgesfirst"
        out += ", pad=0.3, nodesep=0.35, ranksep=0.6, rankdir=\(style.rankdir), fontname=\(q(Palette.fontStack))"
        if let label = graphLabel(graph) { out += ", label=\(q(label)), labelloc=t, labeljust=c, fontsize=13" }
        out += "];\n"
        out += "  node [fontname=\(q(Palette.fontStack)), fontsize=12, style=\"filled\", penwidth=1.2, margin=\"0.12,0.06\"];\n"
        out += "  edge [fontname=\(q(Palette.fontStack)), fontsize=9, arrowsize=0.7];\n"

        let strength = graph.strengths()
        let maxStrength = max(strength.values.max() ?? 1, 1e-9)
        let nodes = graph.nodes.sorted { $0.id < $1.id }
        if style.clusterByCountry {
            let groups = Dictionary(grouping: nodes) { $0.country ?? "" }
            for key in groups.keys.sorted() {
                let members = groups[key]!
                if key.isEmpty || members.count < 2 {
                    for n in members { out += "  " + nodeLine(n, strength: strength[n.id] ?? 0, max: maxStrength) }
                    continue
                }
                let name = graph.node(key)?.name ?? key
                out += "  subgraph \(q("cluster_" + key)) {\n"
                out += "    graph [id=\(q(style.idPrefix + "cluster-" + Self.safeID(key))), label=\(q(name)), style=\"rounded,dashed\""
                out += ", color=\(q(Palette.stroke(country: key))), fontcolor=\(q(Palette.stroke(country: key))), fontsize=11];\n"
                for n in members { out += "    " + nodeLine(n, strength: strength[n.id] ?? 0, max: maxStrength) }
                out += "  }\n"
            }
        } else {
            for n in nodes { out += "  " + nodeLine(n, strength: strength[n.id] ?? 0, max: maxStrength) }
        }
        // With a shared layout, actors of the other periods stay as invisible placeholders, so every
        // diagram has the same canvas and an actor sits at the same spot in each.
        for id in style.positions.keys.sorted() where graph.node(id) == nil {
            let p = style.positions[id]!
            out += "  \(q(id)) [style=invis, label=\"\", width=0.1, height=0.1, pos=\"\(fixed(p.x)),\(fixed(p.y))!\"];\n"
        }
        // Two invisible corners beyond every actor fix the canvas, whatever the edges of a period.
        if let frame = Self.frame(style.positions) {
            out += "  \"__corner_min\" [style=invis, label=\"\", width=0.1, height=0.1, pos=\"\(fixed(frame.0.x)),\(fixed(frame.0.y))!\"];\n"
            out += "  \"__corner_max\" [style=invis, label=\"\", width=0.1, height=0.1, pos=\"\(fixed(frame.1.x)),\(fixed(frame.1.y))!\"];\n"
        }
        let maxWeight = max(graph.edges.map(\.weight).max() ?? 1, 1e-9)
        let arrow = directed ? "->" : "--"
        for edge in graph.edges.sorted(by: { $0.key < $1.key }) {
            let width = 0.8 + 5 * max(0, edge.weight) / maxWeight
            let stance = Palette.stanceClass(edge)
            out += "  \(q(edge.source)) \(arrow) \(q(edge.target)) [id=\(q(style.idPrefix + "e-" + Self.safeID(edge.source) + "--" + Self.safeID(edge.target)))"
            out += ", class=\(q("edge stance-\(stance)\(edge.directed ? " directed" : "")"))"
            out += ", penwidth=\(fixed(width)), color=\(q(Palette.edgeColor(edge)))"
            if !edge.directed && directed { out += ", dir=none" }
            out += ", weight=\(max(1, edge.count)), tooltip=\(q(tooltip(edge, graph: graph)))"
            if let link = edgeLink(edge) { out += ", URL=\(q(link)), target=\"_blank\"" }
            out += "];\n"
        }
        out += "}\n"
        return out
    }

    func nodeLine(_ node: Node, strength: Double, max maxStrength: Double) -> String {
        let q = DOTEscaping.quoted
        let scale = strength / maxStrength
        let fontsize = 11 + Int((scale * 11).rounded())
        var line = "\(q(node.id)) [id=\(q(style.idPrefix + "n-" + Self.safeID(node.id)))"
        line += ", class=\(q("node type-\(node.type.rawValue)\(node.country.map { " country-\(Self.safeID($0))" } ?? "")"))"
        line += ", label=\(q(label(node))), shape=\(Palette.shape(node.type)), fillcolor=\(q(Palette.fill(node)))"
        line += ", color=\(q(Palette.stroke(node))), fontsize=\(fontsize), tooltip=\(q(tooltip(node)))"
        if let link = nodeLink(node) { line += ", URL=\(q(link)), target=\"_blank\"" }
        if let p = style.positions[node.id] { line += ", pos=\"\(fixed(p.x)),\(fixed(p.y))!\"" }
        return line + "];\n"
    }

    /// The corners of a frame 260 points beyond all positions (room for the widest labels).
    static func frame(_ positions: [String: DOTStyle.Position]) -> (DOTStyle.Position, DOTStyle.Position)? {
        guard !positions.isEmpty else { return nil }
        let xs = positions.values.map(\.x), ys = positions.values.map(\.y)
        return (DOTStyle.Position(x: xs.min()! - 260, y: ys.min()! - 60), DOTStyle.Position(x: xs.max()! + 260, y: ys.max()! + 60))
    }

    /// `id` reduced to characters safe in XML ids and CSS class names.
    static func safeID(_ id: String) -> String {
        String(id.unicodeScalars.map { s -> Character in
            (("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "-" || s == "_") ? Character(s) : "_"
        })
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
        var t = "\(node.name)"
        if !node.nameAr.isEmpty && node.nameAr != node.name { t += " — \(node.nameAr)" }
        t += " (\(node.type.rawValue)"
        if let c = node.country, node.type != .state { t += ", \(c)" }
        t += "): \(node.mentions) mention\(node.mentions == 1 ? "" : "s")"
        if let f = node.firstSeen, let l = node.lastSeen { t += f == l ? ", \(f)" : ", \(f) … \(l)" }
        return t
    }

    func tooltip(_ edge: Edge, graph: RelationGraph) -> String {
        let a = graph.node(edge.source)?.name ?? edge.source
        let b = graph.node(edge.target)?.name ?? edge.target
        var t = "\(a) \(edge.directed ? "→" : "–") \(b): \(edge.count) shared sentence\(edge.count == 1 ? "" : "s"), "
        t += "\(Palette.stanceClass(edge)) (cooperation \(fixed(edge.cooperation)), conflict \(fixed(edge.conflict)))"
        for ev in edge.evidence.prefix(3) {
            var line = "\n• " + trimmed(ev.text, to: 200)
            if let trig = ev.trigger, let cat = ev.category { line += " [\(trig): \(cat)]" }
            t += line
        }
        return t
    }

    // MARK: Links

    func nodeLink(_ node: Node) -> String? {
        guard let template = style.nodeLink else { return nil }
        return LinkTemplate.fill(template, ["id": node.id, "name": node.name, "country": node.country ?? ""])
    }

    func edgeLink(_ edge: Edge) -> String? {
        guard let template = style.edgeLink else { return nil }
        let ev = edge.evidence.first
        return LinkTemplate.fill(template, ["source": edge.source, "target": edge.target, "document": ev?.document ?? "", "url": ev?.url ?? ""])
    }

    // MARK: Title and legend

    /// The graph label: title, subtitle (period, articles, sources) and a legend, as plain text. Not an
    /// HTML-like label: Graphviz 2.42 leaks 1–3 KB per render in its HTML-label code (measured with
    /// `actorgraph-bench render-loop`), which a long-running program would feel.
    func graphLabel(_ graph: RelationGraph) -> String? {
        let title = style.title ?? graph.metadata.title
        guard style.legend || title != nil else { return nil }
        var lines: [String] = []
        if let title { lines.append(title) }
        if style.legend {
            var sub: [String] = []
            if let f = graph.metadata.dateFrom, let t = graph.metadata.dateTo { sub.append(f == t ? f : "\(f) … \(t)") }
            sub.append("\(graph.metadata.documents) article\(graph.metadata.documents == 1 ? "" : "s")")
            if !graph.metadata.sources.isEmpty {
                let shown = graph.metadata.sources.prefix(6).joined(separator: ", ")
                sub.append(graph.metadata.sources.count > 6 ? shown + " …" : shown)
            }
            lines.append(sub.joined(separator: " · "))
            lines.append("edges: blue cooperation · red conflict · yellow mixed · grey co-occurrence; width: shared sentences; arrow: who acts on whom")
            lines.append("box: state · ellipse: person · hexagon: organisation")
        }
        return lines.joined(separator: "\n")
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
