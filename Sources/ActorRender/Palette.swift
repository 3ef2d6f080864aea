import ActorGraph
import Foundation

/// Colours, shapes and fonts. Stance colours are Paul Tol's colour-blind-safe "bright" scheme; state
/// colours come from `Resources/colors.tsv`, else from a hash of the ISO code, so a state has the same
/// colour in every diagram the tool draws.
public enum Palette {
    /// Font stack with Arabic fallbacks; fontconfig picks the first installed for PNG/PDF, browsers for SVG.
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

    /// The curated colours (`#RRGGBB` by ISO code).
    static let table: [String: (Double, Double, Double)] = {
        guard let url = Bundle.module.url(forResource: "colors", withExtension: "tsv"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
        var t: [String: (Double, Double, Double)] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t")
            guard f.count >= 2, f[1].count == 7, let v = UInt32(f[1].dropFirst(), radix: 16) else { continue }
            t[String(f[0])] = (Double(v >> 16 & 255) / 255, Double(v >> 8 & 255) / 255, Double(v & 255) / 255)
        }
        return t
    }()

    /// The base colour of a state as RGB in 0…1.
    static func rgb(_ code: String?) -> (Double, Double, Double)? {
        guard let code else { return nil }
        if let c = table[code] { return c }
        var h: UInt32 = 2166136261
        for b in code.utf8 { h = (h ^ UInt32(b)) &* 16777619 }
        return hsvToRGB(Double(h % 360) / 360, 0.55, 0.75)
    }

    /// `#RRGGBB` of the colour mixed with white: `tint` 0 is the colour, 1 is white.
    static func hex(_ c: (Double, Double, Double), tint: Double) -> String {
        func channel(_ x: Double) -> String {
            let v = Int(((x + (1 - x) * tint) * 255).rounded())
            let s = String(min(255, max(0, v)), radix: 16, uppercase: true)
            return s.count == 1 ? "0" + s : s
        }
        return "#" + channel(c.0) + channel(c.1) + channel(c.2)
    }

    public static func fill(_ node: Node) -> String {
        guard let c = rgb(node.country) else { return "#EEEEEE" }
        switch node.type {
        case .state: return hex(c, tint: 0.45)
        case .person: return hex(c, tint: 0.80)
        case .organization: return hex(c, tint: 0.88)
        }
    }

    public static func stroke(_ node: Node) -> String { stroke(country: node.country) }

    public static func stroke(country: String?) -> String {
        guard let c = rgb(country) else { return "#777777" }
        return hex(c, tint: 0)
    }

    /// cooperation, conflict, mixed or neutral.
    public static func stanceClass(_ edge: Edge) -> String {
        if edge.cooperation > 0 && edge.conflict > 0 && abs(edge.stance) < 0.25 * max(edge.cooperation, edge.conflict) {
            return "mixed"
        }
        if edge.stance > 0 { return "cooperation" }
        if edge.stance < 0 { return "conflict" }
        return "neutral"
    }

    public static func edgeColor(_ edge: Edge) -> String {
        switch stanceClass(edge) {
        case "mixed": return mixed
        case "cooperation": return cooperation
        case "conflict": return conflict
        default: return neutral
        }
    }

    static func hsvToRGB(_ h: Double, _ s: Double, _ v: Double) -> (Double, Double, Double) {
        let i = Int(h * 6) % 6
        let f = h * 6 - Double(Int(h * 6))
        let p = v * (1 - s), q = v * (1 - f * s), t = v * (1 - (1 - f) * s)
        switch i {
        case 0: return (v, t, p)
        case 1: return (q, v, p)
        case 2: return (p, v, t)
        case 3: return (p, q, v)
        case 4: return (t, p, v)
        default: return (v, p, q)
        }
    }
}
