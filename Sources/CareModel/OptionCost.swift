/// What an option costs: a one-off investment (€) and a running cost (€ a year, e.g. salaries) over a horizon
/// in years. The total is `investment + yearly × years`, undiscounted (say so wherever it is printed).
///
/// ```swift
/// let centres = try OptionCost(investment: 0, yearly: 3 * 90_000, years: 5)   // 3 salaried GPs for 5 years
/// centres.total   // 1,350,000
/// ```
public struct OptionCost: Sendable, Hashable {
    /// One-off investment, euros (finite, ≥ 0).
    public var investment: Double
    /// Running cost, euros a year (finite, ≥ 0).
    public var yearly: Double
    /// Horizon the running cost is paid over, years (1…``maximumYears``).
    public var years: Int

    /// The largest horizon accepted, in years.
    public static let maximumYears = 100

    /// - Throws: ``ModelError/invalidParameter(name:value:reason:)`` for an amount that is not finite and ≥ 0, or a
    ///   horizon outside 1…``maximumYears``.
    public init(investment: Double, yearly: Double, years: Int) throws(ModelError) {
        for (name, v) in [("investment", investment), ("yearly cost", yearly)] where !(v.isFinite && v >= 0) {
            throw .invalidParameter(name: name, value: "\(v)", reason: "must be a finite number of euros ≥ 0")
        }
        guard (1...Self.maximumYears).contains(years) else {
            throw .invalidParameter(name: "cost horizon", value: "\(years)", reason: "must be 1…\(Self.maximumYears) years")
        }
        self.investment = investment
        self.yearly = yearly
        self.years = years
    }

    /// Investment plus the yearly cost over the horizon, in euros.
    public var total: Double { investment + yearly * Double(years) }
}
