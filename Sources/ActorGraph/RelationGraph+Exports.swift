/// Escaping for text in XML and HTML: `&`, `<`, `>`, quotes as entities; control characters other than tab
/// and line break (and U+FFFE/U+FFFF) dropped, since XML cannot hold them.
public enum XMLEscaping {
    /// - Complexity: O(n).
    public static func escape(_ s: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if (c.value < 0x20 && c != "\n" && c != "\t") || c.value == 0x7F || (0xFFFE...0xFFFF).contains(c.value) { continue }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

/// Exports for other tools: GEXF (Gephi, with dates for its timeline), GraphML, and CSV node and edge lists.
/// Every string is escaped for its format; output is deterministic (nodes by id, edges by key).
extension RelationGraph {
    static func xml(_ s: String) -> String { XMLEscaping.escape(s) }

    static func number(_ x: Double) -> String {
        if x == x.rounded() && abs(x) < 1e15 { return String(Int(x)) }
        return String(x)
    }

    /// GEXF 1.3 with node and edge attributes and `start`/`end` dates (Gephi's timeline).
    public func gexf() -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
        out += "  <meta><creator>actorgraph \(Self.xml(metadata.tool))</creator><description>\(Self.xml(metadata.title ?? "actor graph"))</description></meta>\n"
        let mode = edges.contains { $0.directed } ? "mixed" : "undirected"
        out += "  <graph mode=\"static\" defaultedgetype=\"\(mode == "mixed" ? "undirected" : mode)\" timeformat=\"date\">\n"
        out += "    <attributes class=\"node\">\n"
        for (i, (name, type)) in [("name_ar", "string"), ("type", "string"), ("country", "string"), ("mentions", "integer")].enumerated() {
            out += "      <attribute id=\"\(i)\" title=\"\(name)\" type=\"\(type)\"/>\n"
        }
        out += "    </attributes>\n    <attributes class=\"edge\">\n"
        for (i, (name, type)) in [("count", "integer"), ("cooperation", "double"), ("conflict", "double"), ("stance", "double")].enumerated() {
            out += "      <attribute id=\"\(i)\" title=\"\(name)\" type=\"\(type)\"/>\n"
        }
        out += "    </attributes>\n    <nodes>\n"
        for n in nodes.sorted(by: { $0.id < $1.id }) {
            out += "      <node id=\"\(Self.xml(n.id))\" label=\"\(Self.xml(n.name))\""
            if let f = n.firstSeen { out += " start=\"\(Self.xml(f))\"" }
            if let l = n.lastSeen { out += " end=\"\(Self.xml(l))\"" }
            out += "><attvalues><attvalue for=\"0\" value=\"\(Self.xml(n.nameAr))\"/><attvalue for=\"1\" value=\"\(n.type.rawValue)\"/>"
            out += "<attvalue for=\"2\" value=\"\(Self.xml(n.country ?? ""))\"/><attvalue for=\"3\" value=\"\(n.mentions)\"/></attvalues></node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        for (i, e) in edges.sorted(by: { $0.key < $1.key }).enumerated() {
            out += "      <edge id=\"\(i)\" source=\"\(Self.xml(e.source))\" target=\"\(Self.xml(e.target))\" weight=\"\(Self.number(e.weight))\""
            if e.directed { out += " type=\"directed\"" }
            if let f = e.firstSeen { out += " start=\"\(Self.xml(f))\"" }
            if let l = e.lastSeen { out += " end=\"\(Self.xml(l))\"" }
            out += "><attvalues><attvalue for=\"0\" value=\"\(e.count)\"/><attvalue for=\"1\" value=\"\(Self.number(e.cooperation))\"/>"
            out += "<attvalue for=\"2\" value=\"\(Self.number(e.conflict))\"/><attvalue for=\"3\" value=\"\(Self.number(e.stance))\"/></attvalues></edge>\n"
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        return out
    }

    /// GraphML with typed keys for node and edge data.
    public func graphml() -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        let nodeKeys: [(String, String)] = [("name", "string"), ("name_ar", "string"), ("type", "string"), ("country", "string"), ("mentions", "int")]
        let edgeKeys: [(String, String)] = [("weight", "double"), ("count", "int"), ("cooperation", "double"), ("conflict", "double"), ("stance", "double"), ("directed", "boolean")]
        for (k, t) in nodeKeys { out += "  <key id=\"n_\(k)\" for=\"node\" attr.name=\"\(k)\" attr.type=\"\(t)\"/>\n" }
        for (k, t) in edgeKeys { out += "  <key id=\"e_\(k)\" for=\"edge\" attr.name=\"\(k)\" attr.type=\"\(t)\"/>\n" }
        out += "  <graph id=\"actorgraph\" edgedefault=\"undirected\">\n"
        for n in nodes.sorted(by: { $0.id < $1.id }) {
            out += "    <node id=\"\(Self.xml(n.id))\"><data key=\"n_name\">\(Self.xml(n.name))</data><data key=\"n_name_ar\">\(Self.xml(n.nameAr))</data>"
            out += "<data key=\"n_type\">\(n.type.rawValue)</data><data key=\"n_country\">\(Self.xml(n.country ?? ""))</data><data key=\"n_mentions\">\(n.mentions)</data></node>\n"
        }
        for e in edges.sorted(by: { $0.key < $1.key }) {
            out += "    <edge source=\"\(Self.xml(e.source))\" target=\"\(Self.xml(e.target))\"\(e.directed ? " directed=\"true\"" : "")>"
            out += "<data key=\"e_weight\">\(Self.number(e.weight))</data><data key=\"e_count\">\(e.count)</data>"
            out += "<data key=\"e_cooperation\">\(Self.number(e.cooperation))</data><data key=\"e_conflict\">\(Self.number(e.conflict))</data>"
            out += "<data key=\"e_stance\">\(Self.number(e.stance))</data><data key=\"e_directed\">\(e.directed)</data></edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    /// A CSV field: quoted when it holds a comma, quote or line break; a leading = + - @ is prefixed with
    /// an apostrophe so spreadsheets do not run it as a formula.
    static func csv(_ s: String) -> String {
        var v = s
        if let f = v.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(f) { v = "'" + v }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }

    /// The node list as CSV (header `id,name,name_ar,type,country,mentions,first_seen,last_seen`).
    public func nodesCSV() -> String {
        var out = "id,name,name_ar,type,country,mentions,first_seen,last_seen\n"
        for n in nodes.sorted(by: { $0.id < $1.id }) {
            out += [n.id, n.name, n.nameAr, n.type.rawValue, n.country ?? "", String(n.mentions), n.firstSeen ?? "", n.lastSeen ?? ""]
                .map(Self.csv).joined(separator: ",") + "\n"
        }
        return out
    }

    /// The edge list as CSV (header `source,target,directed,weight,count,cooperation,conflict,stance,first_seen,last_seen`).
    public func edgesCSV() -> String {
        var out = "source,target,directed,weight,count,cooperation,conflict,stance,first_seen,last_seen\n"
        for e in edges.sorted(by: { $0.key < $1.key }) {
            out += [e.source, e.target, String(e.directed), Self.number(e.weight), String(e.count), Self.number(e.cooperation),
                    Self.number(e.conflict), Self.number(e.stance), e.firstSeen ?? "", e.lastSeen ?? ""]
                .map(Self.csv).joined(separator: ",") + "\n"
        }
        return out
    }
}

import Foundation
