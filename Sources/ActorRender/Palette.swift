import ActorGraph

/// Colours, shapes and fonts. Stance colours are from Paul Tol's colour-blind-safe "bright" scheme.
public enum Palette {
    /// Font stack with Arabic fallbacks; fontconfig picks the first installed for PNG/PDF.
    public static let fontStack = "Noto Sans,Noto Naskh Arabic,Noto Sans Arabic,DejaVu Sans,Arial,sans-serif"

    public static let cooperation = "#4477AA"  // blue
    public static let conflict = "#EE6677"  // red
    public static let mixed = "#CCBB44"  // yellow
    public static let neutral = "#BBBBBB"  // grey

    public static func shape(_ kind: NodeKind) -> String {
        switch kind {
        case .state: return "box"
        case .person: return "ellipse"
        case .organization: return "hexagon"
        }
    }

    /// A stable colour per country code: the same state gets the same hue in every graph.
    public static func countryHue(_ code: String?) -> Double {
        guard let code else { return 0 }
        var h: UInt32 = 2166136261
        for b in code.utf8 {
            h ^= UInt32(b)
            h = h &* 16777619
        }
        return Double(h % 360) / 360
    }

    public static func fill(_ node: Node) -> String {
        let h = countryHue(node.country)
        switch node.type {
        case .state: return hsv(h, node.country == nil ? 0 : 0.35, 0.95)
        case .person: return hsv(h, node.country == nil ? 0 : 0.15, 1.0)
        case .organization: return hsv(h, node.country == nil ? 0 : 0.10, 0.92)
        }
    }

    public static func stroke(_ node: Node) -> String {
        hsv(countryHue(node.country), node.country == nil ? 0 : 0.6, 0.55)
    }

    public static func edgeColor(_ edge: Edge) -> String {
        if edge.cooperation > 0 && edge.conflict > 0 && abs(edge.stance) < 0.25 * max(edge.cooperation, edge.conflict) {
            return mixed
        }
        if edge.stance > 0 { return cooperation }
        if edge.stance < 0 { return conflict }
        return neutral
    }

    /// Graphviz's "H S V" colour syntax with fixed precision (deterministic text).
    static func hsv(_ h: Double, _ s: Double, _ v: Double) -> String {
        func f(_ x: Double) -> String {
            let n = Int((x * 1000).rounded())
            let frac = n % 1000
            return "\(n / 1000).\(frac < 100 ? "0" : "")\(frac < 10 ? "0" : "")\(frac)"
        }
        return "\(f(h)) \(f(s)) \(f(v))"
    }
}
