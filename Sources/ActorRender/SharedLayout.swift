import ActorGraph

/// One layout shared by several diagrams (periods of a corpus, and their diff), so a reader can flip between
/// them and every actor stays in place.
///
/// The union of the graphs is laid out once; its node positions (read back from Graphviz's `plain` output)
/// are pinned in each diagram, which Graphviz's `nop` engine then draws without moving them.
public struct SharedLayout: Sendable {
    /// Node id → position in points.
    public var positions: [String: DOTStyle.Position]

    /// Lays out the union of `graphs` with `engine`.
    /// - Throws: ``GraphvizError``.
    public init(union graphs: [RelationGraph], engine: LayoutEngine, style: DOTStyle = DOTStyle()) throws(GraphvizError) {
        var union = RelationGraph()
        for g in graphs { union.absorb(g) }
        union.canonicalize()
        var plainStyle = style
        plainStyle.legend = false
        plainStyle.title = nil
        plainStyle.splines = false
        let dot = DOTEncoder(style: plainStyle).encode(union)
        let plain = String(decoding: try Graphviz.shared.render(dot: dot, engine: engine, format: .plain), as: UTF8.self)
        var positions: [String: DOTStyle.Position] = [:]
        for line in plain.split(separator: "\n") {
            let f = Self.fields(line)
            guard f.count >= 4, f[0] == "node", let x = Double(f[2]), let y = Double(f[3]) else { continue }
            positions[f[1]] = DOTStyle.Position(x: x * 72, y: y * 72)
        }
        self.positions = positions
    }

    /// The words of a `plain` line; double-quoted words may hold spaces and `\"`.
    static func fields(_ line: Substring) -> [String] {
        var out: [String] = []
        var current = ""
        var quoted = false, escaped = false, inWord = false
        for c in line {
            if quoted {
                if escaped { current.append(c); escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { quoted = false } else { current.append(c) }
            } else if c == "\"" {
                quoted = true
                inWord = true
            } else if c == " " {
                if inWord { out.append(current); current = ""; inWord = false }
            } else {
                current.append(c)
                inWord = true
            }
        }
        if inWord { out.append(current) }
        return out
    }
}
