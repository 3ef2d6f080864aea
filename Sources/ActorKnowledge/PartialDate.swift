/// A date written as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, widened to a day range.
///
/// Comparisons use the ISO string form, which orders like the dates.
public struct PartialDate: Sendable, Hashable, CustomStringConvertible {
    /// As written.
    public var text: String
    /// First and last day covered (`2016` → `2016-01-01` … `2016-12-31`).
    public var first: String
    public var last: String

    /// - Returns: `nil` when `text` is not one of the three forms or names an impossible month or day.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
              parts[0].count == 4, let year = Int(parts[0]), year >= 1900, year <= 2100 else { return nil }
        var month = 0
        if parts.count >= 2 {
            guard parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            month = m
        }
        if parts.count == 3 {
            guard parts[2].count == 2, let d = Int(parts[2]), (1...PartialDate.days(year, month)).contains(d) else { return nil }
        }
        self.text = text
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        switch parts.count {
        case 1: first = "\(year)-01-01"; last = "\(year)-12-31"
        case 2: first = "\(year)-\(two(month))-01"; last = "\(year)-\(two(month))-\(two(PartialDate.days(year, month)))"
        default: first = text; last = text
        }
    }

    public var description: String { text }

    static func days(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
