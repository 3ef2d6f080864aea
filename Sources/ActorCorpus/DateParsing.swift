/// Reads the dates found in manifests and corpora into `YYYY-MM-DD`.
public enum DateParsing {
    /// Accepts `YYYY-MM-DD`, `YYYY-MM-DD hh:mm:ss`, `YYYY-MM-DDThh:mm:ssZ`, `YYYY/MM/DD` and `DD/MM/YYYY`.
    /// - Returns: `nil` when the text is not such a date or names an impossible day.
    public static func isoDay(_ text: String) -> String? {
        if let day = plainISODay(text) { return day }
        let t = text.trimmedWhitespace
        guard !t.isEmpty else { return nil }
        let datePart = t.split(whereSeparator: { $0 == " " || $0 == "T" }).first.map(String.init) ?? t
        let parts = datePart.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
        guard parts.count == 3 else { return nil }
        var y: Int?, m: Int?, d: Int?
        if parts[0].count == 4 {
            (y, m, d) = (Int(parts[0]), Int(parts[1]), Int(parts[2]))
        } else if parts[2].count == 4 {
            (y, m, d) = (Int(parts[2]), Int(parts[1]), Int(parts[0]))
        }
        guard let y, let m, let d, (1900...2100).contains(y), (1...12).contains(m), d >= 1, d <= daysIn(y, m) else { return nil }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d))"
    }

    /// The common case without building substrings: `YYYY-MM-DD` in ASCII digits at the very start, alone or
    /// followed by a space or `T` (a time). `nil` when the text is not of that form or the day is impossible:
    /// ``isoDay(_:)`` then parses it in general (and finds the same for those forms).
    /// - Complexity: O(1).
    static func plainISODay(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { b -> String? in
            guard b.count >= 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
                  b.count == 10 || b[10] == UInt8(ascii: " ") || b[10] == UInt8(ascii: "T") else { return nil }
            func digits(_ r: Range<Int>) -> Int? {
                var n = 0
                for k in r {
                    guard b[k] >= 0x30, b[k] <= 0x39 else { return nil }
                    n = n * 10 + Int(b[k] - 0x30)
                }
                return n
            }
            guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10),
                  (1900...2100).contains(y), (1...12).contains(m), d >= 1, d <= daysIn(y, m) else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: b[0..<10]), as: UTF8.self)
        }
    }

    static func daysIn(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

import ActorText
