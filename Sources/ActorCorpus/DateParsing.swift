/// Reads the dates found in manifests and corpora into `YYYY-MM-DD`.
public enum DateParsing {
    /// Accepts `YYYY-MM-DD`, `YYYY-MM-DD hh:mm:ss`, `YYYY-MM-DDThh:mm:ssZ`, `YYYY/MM/DD` and `DD/MM/YYYY`.
    /// - Returns: `nil` when the text is not such a date or names an impossible day.
    public static func isoDay(_ text: String) -> String? {
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

    static func daysIn(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

import ActorText
