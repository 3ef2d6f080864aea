import ActorPipeline
import ArgumentParser

/// Options that split a corpus in time.
struct PeriodOptions: ParsableArguments {
    @Option(help: "Split into calendar periods: year, quarter, month or week.")
    var by: PeriodScheme.Unit?

    @Option(name: .customLong("period"), help: ArgumentHelp("A named period NAME=FROM..TO (dates YYYY, YYYY-MM or YYYY-MM-DD; repeatable), e.g. 2016=2016..2016.", valueName: "spec"))
    var periods: [String] = []

    func validate() throws {
        if by != nil && !periods.isEmpty { throw ValidationError("give either --by or --period, not both") }
        for p in periods where PeriodScheme.NamedPeriod(p) == nil {
            throw ValidationError("--period \"\(p)\" is not NAME=FROM..TO with dates YYYY, YYYY-MM or YYYY-MM-DD")
        }
    }

    var scheme: PeriodScheme? {
        if let by { return .by(by) }
        if !periods.isEmpty { return .named(periods.compactMap(PeriodScheme.NamedPeriod.init)) }
        return nil
    }
}

extension PeriodScheme.Unit: ExpressibleByArgument {}
