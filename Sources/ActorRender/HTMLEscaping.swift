import ActorGraph

/// Escaping for text inside XML and HTML (the SVG finishing and the report): ``XMLEscaping`` of ActorGraph.
public enum HTMLEscaping {
    /// - Complexity: O(n).
    public static func escape(_ text: String) -> String { XMLEscaping.escape(text) }
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
