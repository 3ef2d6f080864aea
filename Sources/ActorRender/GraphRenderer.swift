import ActorGraph

/// Draws a ``RelationGraph``: DOT from ``DOTEncoder``, layout and rendering by ``Graphviz``, and for SVG the
/// finishing touches of ``SVGPostProcessor``.
public struct GraphRenderer: Sendable {
    public var style: DOTStyle
    /// For SVG: an `<svg>` element without XML declaration or DOCTYPE, for inlining in HTML.
    public var fragment: Bool

    public init(style: DOTStyle = DOTStyle(), fragment: Bool = false) {
        self.style = style
        self.fragment = fragment
    }

    /// Cairo 1.16 writes the time of the render into the PDF (`/CreationDate (D:20261124154742Z)`); the same
    /// date of the same length replaces it, so cross-reference offsets stay valid and equal inputs give equal
    /// bytes.
    static func fixPDFDate(_ pdf: [UInt8]) -> [UInt8] {
        let key = Array("/CreationDate (D:".utf8)
        var out = pdf
        var i = 0
        while i + key.count + 15 <= out.count {
            if out[i] == key[0] && Array(out[i..<(i + key.count)]) == key {
                let start = i + key.count
                var end = start
                while end < out.count && out[end] != UInt8(ascii: ")") && end - start < 32 { end += 1 }
                let fixed = Array("19700101000000Z".utf8)
                for k in start..<end { out[k] = k - start < fixed.count ? fixed[k - start] : UInt8(ascii: "Z") }
                return out
            }
            i += 1
        }
        return out
    }

    /// Largest graphs each engine is allowed: `dot` is superlinear and would run for minutes.
    public static func limit(_ engine: LayoutEngine) -> (nodes: Int, edges: Int) {
        switch engine {
        case .dot, .circo, .twopi: return (300, 3000)
        case .neato, .fdp: return (2000, 20000)
        case .sfdp: return (20000, 200000)
        }
    }

    /// The graph drawn in `format` with `engine`.
    /// - Throws: ``GraphvizError`` with Graphviz's message, or a layout-too-large error with advice.
    public func render(_ graph: RelationGraph, format: GraphvizFormat, engine: LayoutEngine) throws(GraphvizError) -> [UInt8] {
        let limit = Self.limit(engine)
        if format != .canon && (graph.nodes.count > limit.nodes || graph.edges.count > limit.edges) {
            throw GraphvizError(
                stage: .layout,
                message: "\(graph.nodes.count) nodes and \(graph.edges.count) edges are too many for the \(engine) layout (at most \(limit.nodes) nodes and \(limit.edges) edges); use --engine sfdp, or --top-nodes / --min-weight to draw fewer")
        }
        var style = self.style
        if engine != .dot && graph.edges.count > 300 { style.splines = false }
        let dot = DOTEncoder(style: style).encode(graph)
        // Pinned when every actor has a position (filters may have dropped some actors, never added any).
        let pinned = !style.positions.isEmpty && graph.nodes.allSatisfy { style.positions[$0.id] != nil }
        let bytes = pinned ? try Graphviz.shared.renderPinned(dot: dot, format: format)
            : try Graphviz.shared.render(dot: dot, engine: engine, format: format)
        if format == .pdf { return Self.fixPDFDate(bytes) }
        guard format == .svg else { return bytes }
        let title = style.title ?? graph.metadata.title ?? "Actor graph"
        var desc = "\(graph.nodes.count) actors and \(graph.edges.count) relations from \(graph.metadata.documents) articles"
        if let f = graph.metadata.dateFrom, let t = graph.metadata.dateTo { desc += ", \(f) to \(t)" }
        desc += ". Blue edges: cooperation; red: conflict; yellow: mixed; grey: co-occurrence."
        let svg = SVGPostProcessor.finish(String(decoding: bytes, as: UTF8.self), title: title, description: desc,
                                          idPrefix: style.idPrefix, fragment: fragment)
        return Array(svg.utf8)
    }
}
