import Foundation

/// How a corpus is split in time.
public enum PeriodScheme: Sendable, Equatable {
    public enum Unit: String, Sendable, CaseIterable { case year, quarter, month, week }
    /// Calendar periods: `2016`, `2016-Q4`, `2016-12`, `2016-W48` (ISO weeks).
    case by(Unit)
    /// Named ranges (inclusive), e.g. `2016=2016-01-01..2016-12-31`; they may overlap.
    case named([NamedPeriod])

    public struct NamedPeriod: Sendable, Equatable {
        public var name: String
        public var from: String
        public var to: String

        /// Parses `NAME=FROM..TO` (dates `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; an open end is allowed: `2024=2024..`).
        public init?(_ spec: String) {
            guard let eq = spec.firstIndex(of: "="), let dots = spec.range(of: "..") else { return nil }
            name = String(spec[..<eq]).trimmingCharacters(in: .whitespaces)
            let f = String(spec[spec.index(after: eq)..<dots.lowerBound]), t = String(spec[dots.upperBound...])
            guard !name.isEmpty, let from = Self.bound(f, end: false) ?? (f.isEmpty ? "0000-01-01" : nil),
                  let to = Self.bound(t, end: true) ?? (t.isEmpty ? "9999-12-31" : nil), from <= to else { return nil }
            self.from = from
            self.to = to
        }

        public init(name: String, from: String, to: String) {
            self.name = name
            self.from = from
            self.to = to
        }

        static func bound(_ s: String, end: Bool) -> String? {
            let p = s.split(separator: "-")
            guard (1...3).contains(p.count), p.allSatisfy({ Int($0) != nil }), p[0].count == 4 else { return nil }
            switch p.count {
            case 1: return end ? "\(p[0])-12-31" : "\(p[0])-01-01"
            case 2: return end ? "\(p[0])-\(p[1])-31" : "\(p[0])-\(p[1])-01"
            default: return String(s)
            }
        }
    }

    /// The periods a date (`YYYY-MM-DD`) falls in.
    public func labels(for date: String) -> [String] {
        switch self {
        case .named(let periods): return periods.filter { $0.from <= date && date <= $0.to }.map(\.name)
        case .by(let unit):
            let p = date.split(separator: "-").compactMap { Int($0) }
            guard p.count == 3 else { return [] }
            switch unit {
            case .year: return ["\(p[0])"]
            case .quarter: return ["\(p[0])-Q\((p[1] - 1) / 3 + 1)"]
            case .month: return [String(date.prefix(7))]
            case .week:
                var calendar = Calendar(identifier: .iso8601)
                calendar.timeZone = TimeZone(identifier: "UTC")!
                guard let d = calendar.date(from: DateComponents(year: p[0], month: p[1], day: p[2])) else { return [] }
                let c = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: d)
                let w = c.weekOfYear ?? 0
                return ["\(c.yearForWeekOfYear ?? p[0])-W\(w < 10 ? "0" : "")\(w)"]
            }
        }
    }

    /// Labels in order: named periods as given, calendar periods sorted.
    public func order(_ labels: some Collection<String>) -> [String] {
        if case .named(let periods) = self { return periods.map(\.name).filter(labels.contains) }
        return labels.sorted()
    }
}
