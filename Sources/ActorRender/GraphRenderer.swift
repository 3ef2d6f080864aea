import ActorGraph

/// Draws a ``RelationGraph``: DOT from ``DOTEncoder``, layout and rendering by ``Graphviz``.
public struct GraphRenderer: Sendable {
    public var style: DOTStyle

    public init(style: DOTStyle = DOTStyle()) { self.style = style }

    /// The graph drawn in `format` with `engine`.
    /// - Throws: ``GraphvizError`` with Graphviz's message.
    public func render(_ graph: RelationGraph, format: GraphvizFormat, engine: LayoutEngine) throws(GraphvizError) -> [UInt8] {
        let dot = DOTEncoder(style: style).encode(graph)
        return try Graphviz.shared.render(dot: dot, engine: engine, format: format)
    }
}
