/// Finishes the SVG that Graphviz writes, for embedding in reports.
///
/// Graphviz 2.43 has no `svg_inline` renderer, so the fragment is made here: the XML declaration, DOCTYPE
/// and comments before `<svg` are dropped, and the `<svg>` element gets `role="img"`, an `aria-labelledby`
/// pointing at a `<title>` and a `<desc>` inserted as its first children (ids carry the diagram's prefix).
public enum SVGPostProcessor {
    /// - Parameters:
    ///   - fragment: drop everything before `<svg` (for inlining in HTML).
    ///   - idPrefix: prefix of the `<title>`/`<desc>` ids (the rest of the ids come prefixed from DOT).
    /// - Complexity: O(n) in the SVG text.
    public static func finish(_ svg: String, title: String, description: String, idPrefix: String, fragment: Bool) -> String {
        guard let open = svg.range(of: "<svg") else { return svg }
        guard let close = svg[open.upperBound...].firstIndex(of: ">") else { return svg }
        let head = fragment ? "" : String(svg[..<open.lowerBound])
        let titleID = idPrefix + "title", descID = idPrefix + "desc"
        var tag = String(svg[open.lowerBound..<close])
        tag += " role=\"img\" aria-labelledby=\"\(HTMLEscaping.escape(titleID)) \(HTMLEscaping.escape(descID))\""
        let accessible = "\n<title id=\"\(HTMLEscaping.escape(titleID))\">\(HTMLEscaping.escape(title))</title>"
            + "\n<desc id=\"\(HTMLEscaping.escape(descID))\">\(HTMLEscaping.escape(description))</desc>"
        return head + tag + ">" + accessible + String(svg[svg.index(after: close)...])
    }
}
