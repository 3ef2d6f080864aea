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
        // Read on the UTF-8 bytes: YYYY, YYYY-MM or YYYY-MM-DD, all digits where digits belong.
        let b = Array(text.utf8)
        guard b.count == 4 || b.count == 7 || b.count == 10 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                guard b[i] >= UInt8(ascii: "0") && b[i] <= UInt8(ascii: "9") else { return nil }
                n = n * 10 + Int(b[i] - UInt8(ascii: "0"))
            }
            return n
        }
        guard let year = number(0..<4), year >= 1900, year <= 2100 else { return nil }
        var month = 0
        if b.count >= 7 {
            guard b[4] == UInt8(ascii: "-"), let m = number(5..<7), (1...12).contains(m) else { return nil }
            month = m
        }
        if b.count == 10 {
            guard b[7] == UInt8(ascii: "-"), let d = number(8..<10), (1...PartialDate.days(year, month)).contains(d) else { return nil }
        }
        self.text = text
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        switch b.count {
        case 4: first = "\(year)-01-01"; last = "\(year)-12-31"
        case 7: first = "\(year)-\(two(month))-01"; last = "\(year)-\(two(month))-\(two(PartialDate.days(year, month)))"
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
