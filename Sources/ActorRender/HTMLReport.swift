import ActorGraph

/// A self-contained HTML report: per period, the diagram (inline SVG), the top actors and relations with
/// their evidence (Arabic right-to-left), and the changes since the previous period with a diff diagram.
/// No external assets or scripts; every string from input is escaped. The markup is also well-formed XML
/// (polyglot HTML), so it can be checked with an XML parser.
public struct HTMLReport: Sendable {
    public struct Period: Sendable {
        public var label: String
        public var graph: RelationGraph
        /// The diagram as an SVG fragment (ids prefixed).
        public var svg: String
        /// The diff to the previous period (nil for the first) and its diagram.
        public var diff: GraphDiff?
        public var diffSVG: String?
        /// A small version of the diagram for the side-by-side overview (ids prefixed differently).
        public var thumbnailSVG: String?

        public init(label: String, graph: RelationGraph, svg: String, diff: GraphDiff?, diffSVG: String?, thumbnailSVG: String? = nil) {
            self.label = label
            self.graph = graph
            self.svg = svg
            self.diff = diff
            self.diffSVG = diffSVG
            self.thumbnailSVG = thumbnailSVG
        }
    }

    public var title: String
    public var periods: [Period]

    public init(title: String, periods: [Period]) {
        self.title = title
        self.periods = periods
    }

    public func html() -> String {
        let h = HTMLEscaping.escape
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(h(title))</title>
            <style>
            body { font-family: "Noto Sans", "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", Arial, sans-serif; margin: 2em auto; max-width: 1200px; color: #222; line-height: 1.45; }
            h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ccc; padding-bottom: .2em; margin-top: 2em; }
            figure { margin: 1em 0; overflow-x: auto; } figure svg { max-width: 100%; height: auto; }
            table { border-collapse: collapse; margin: .5em 0 1em; } td, th { border-bottom: 1px solid #eee; padding: .25em .6em; text-align: left; vertical-align: top; }
            .ar { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", serif; direction: rtl; unicode-bidi: isolate; }
            blockquote.ar { margin: .3em 0; padding: .2em .8em; border-right: 3px solid #ccc; text-align: right; }
            .multiples { display: flex; gap: 1em; align-items: flex-start; } .multiples figure { flex: 1; margin: 0; border: 1px solid #eee; }
            .multiples figcaption { text-align: center; font-weight: bold; }
            .coop { color: #4477AA; } .conf { color: #EE6677; } .neutral { color: #777; } .muted { color: #666; font-size: .9em; }
            </style>
            </head>
            <body>
            <h1>\(h(title))</h1>

            """
        out += "<p class=\"muted\">\(periods.count) period\(periods.count == 1 ? "" : "s"): \(periods.map { h($0.label) }.joined(separator: ", ")). "
        out += "Blue: cooperation; red: conflict; yellow: mixed; grey: co-occurrence. Each state keeps its colour and position in every diagram.</p>\n"
        let thumbs = periods.compactMap { p in p.thumbnailSVG.map { (p.label, $0) } }
        if thumbs.count > 1 {
            out += "<section id=\"overview\">\n<h2>Side by side</h2>\n<div class=\"multiples\">\n"
            for (label, svg) in thumbs { out += "<figure><figcaption>\(h(label))</figcaption>\n\(svg)\n</figure>\n" }
            out += "</div>\n</section>\n"
        }
        for (i, p) in periods.enumerated() {
            let g = p.graph
            out += "<section id=\"period-\(i)\">\n<h2>\(h(p.label))</h2>\n"
            var facts = "\(g.metadata.documents) article\(g.metadata.documents == 1 ? "" : "s")"
            if let f = g.metadata.dateFrom, let t = g.metadata.dateTo { facts += ", \(f) to \(t)" }
            if !g.metadata.sources.isEmpty { facts += "; sources: \(g.metadata.sources.joined(separator: ", "))" }
            out += "<p class=\"muted\">\(h(facts)); \(g.nodes.count) actors, \(g.edges.count) relations.</p>\n"
            out += "<figure>\n\(p.svg)\n</figure>\n"
            out += topActors(g)
            out += topRelations(g)
            if let d = p.diff {
                out += "<h3>Changes since \(h(d.labelBefore))</h3>\n" + diffList(d, names: names(p, i))
                if let svg = p.diffSVG { out += "<figure>\n\(svg)\n</figure>\n" }
            }
            out += "</section>\n"
        }
        out += "<p class=\"muted\">Made with actorgraph \(h(periods.first?.graph.metadata.tool ?? actorgraphVersion)).</p>\n</body>\n</html>\n"
        return out
    }

    func names(_ p: Period, _ i: Int) -> [String: String] {
        var n: [String: String] = [:]
        if i > 0 { for node in periods[i - 1].graph.nodes { n[node.id] = node.name } }
        for node in p.graph.nodes { n[node.id] = node.name }
        return n
    }

    func stanceSpan(_ s: Double) -> String {
        s > 0 ? "<span class=\"coop\">cooperative</span>" : s < 0 ? "<span class=\"conf\">conflictual</span>" : "<span class=\"neutral\">neutral</span>"
    }

    func topActors(_ g: RelationGraph) -> String {
        let h = HTMLEscaping.escape
        let s = g.strengths()
        let top = g.nodes.sorted { (s[$0.id] ?? 0, $1.id) > (s[$1.id] ?? 0, $0.id) }.prefix(10)
        var out = "<h3>Top actors</h3>\n<table><tr><th>Actor</th><th>Arabic</th><th>Type</th><th>Mentions</th><th>Strength</th></tr>\n"
        for n in top {
            out += "<tr><td>\(h(n.name))</td><td class=\"ar\" lang=\"ar\" dir=\"rtl\">\(h(n.nameAr))</td><td>\(n.type.rawValue)</td><td>\(n.mentions)</td><td>\(fixed(s[n.id] ?? 0))</td></tr>\n"
        }
        return out + "</table>\n"
    }

    func topRelations(_ g: RelationGraph) -> String {
        let h = HTMLEscaping.escape
        let top = g.edges.sorted { ($0.weight, $1.key) > ($1.weight, $0.key) }.prefix(8)
        var out = "<h3>Top relations</h3>\n"
        for e in top {
            let a = g.node(e.source)?.name ?? e.source, b = g.node(e.target)?.name ?? e.target
            out += "<p><b>\(h(a)) \(e.directed ? "→" : "–") \(h(b))</b>: \(e.count) shared sentence\(e.count == 1 ? "" : "s"), \(stanceSpan(e.stance))</p>\n"
            for ev in e.evidence.prefix(2) {
                var cite = ev.document
                if let d = ev.date { cite += ", \(d)" }
                if let t = ev.trigger { cite += "; trigger: \(t)" }
                out += "<blockquote class=\"ar\" lang=\"ar\" dir=\"rtl\">\(h(trimmed(ev.text, to: 300)))</blockquote><p class=\"muted\">\(h(cite))</p>\n"
            }
        }
        return out
    }

    func diffList(_ d: GraphDiff, names: [String: String]) -> String {
        let h = HTMLEscaping.escape
        func n(_ id: String) -> String { h(names[id] ?? id) }
        var out = "<ul>\n"
        out += "<li><b>New actors:</b> \(d.addedActors.isEmpty ? "none" : d.addedActors.map { h($0.name) }.joined(separator: ", "))</li>\n"
        out += "<li><b>Gone:</b> \(d.removedActors.isEmpty ? "none" : d.removedActors.map { h($0.name) }.joined(separator: ", "))</li>\n"
        let flips = d.changedRelations.filter { $0.flip != nil }
        if !flips.isEmpty {
            out += "<li><b>Stance flipped:</b> " + flips.map { "\(n($0.source))–\(n($0.target)) (\(h($0.flip!)))" }.joined(separator: "; ") + "</li>\n"
        }
        let kept = d.changedRelations.filter { $0.flip == nil }.sorted { (abs($0.countDelta), $1.source) > (abs($1.countDelta), $0.source) }.prefix(8)
        if !kept.isEmpty {
            out += "<li><b>Changed:</b> " + kept.map { "\(n($0.source))–\(n($0.target)) \($0.countBefore) → \($0.countAfter), \(stanceSpan($0.stanceAfter))" }.joined(separator: "; ") + "</li>\n"
        }
        let added = d.addedRelations.sorted { ($0.countAfter, $1.source) > ($1.countAfter, $0.source) }.prefix(8)
        if !added.isEmpty {
            out += "<li><b>New relations:</b> " + added.map { "\(n($0.source))–\(n($0.target)) (\($0.countAfter), \(stanceSpan($0.stanceAfter)))" }.joined(separator: "; ") + "</li>\n"
        }
        return out + "</ul>\n"
    }
}
