/// Escaping for text inside XML, HTML and Graphviz HTML-like labels.
public enum HTMLEscaping {
    /// `&`, `<`, `>`, `"` and `'` as entities; control characters other than tab and line break dropped.
    /// - Complexity: O(n).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for s in text.unicodeScalars {
            switch s {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if (s.value < 0x20 && s != "\n" && s != "\t") || s.value == 0x7F || (0xFFFE...0xFFFF).contains(s.value) { continue }
                out.unicodeScalars.append(s)
            }
        }
        return out
    }
}

/// Link templates such as `https://example.org/actors/{id}`.
public enum LinkTemplate {
    /// The template with each `{key}` replaced by its value, percent-encoded; `nil` unless the result is an
    /// http(s) URL (so no `javascript:` or `data:` link can come from input).
    public static func fill(_ template: String, _ values: [String: String]) -> String? {
        var result = template
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            result = result.replacingOccurrences(of: "{\(key)}", with: percentEncode(value))
        }
        let lower = result.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
        return result
    }

    /// Everything but unreserved characters percent-encoded (UTF-8).
    static func percentEncode(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            if (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x2E || b == 0x5F || b == 0x7E {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                let hex = Array("0123456789ABCDEF")
                out += "%\(hex[Int(b >> 4)])\(hex[Int(b & 15)])"
            }
        }
        return out
    }
}

import Foundation
