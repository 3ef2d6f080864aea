/// Escaping for DOT quoted strings.
///
/// Everything that comes from input or the lexicon goes through ``quoted(_:)`` before it reaches DOT:
/// `"` and `\` are escaped, line breaks become the DOT line escape, other control characters are dropped,
/// so a name can never close the string or inject attributes.
public enum DOTEscaping {
    /// `text` as a DOT double-quoted string, quotes included.
    /// - Complexity: O(n) in the scalars of `text`.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 2)
        for s in text.unicodeScalars {
            switch s {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r", "\t": out += " "
            default:
                if s.value < 0x20 || s.value == 0x7F { continue }
                out.unicodeScalars.append(s)
            }
        }
        out += "\""
        return out
    }
}
