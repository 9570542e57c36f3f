import CareModel

/// The ranges that values read from input files and command-line options must fall in (issue 14): a value
/// outside gives a located one-line error at the input boundary, so that no later sum or conversion can trap.
///
/// Each bound is generous against real data and far from `Int.max`, so that sums over all of France stay exact.
///
/// ```swift
/// let p = try table.int(cPop, in: PlausibleRange.communePopulation, what: "inhabitants of one commune")
/// ```
public enum PlausibleRange {
    /// Inhabitants of one commune (Paris, the largest, has 2.1 million).
    public static let communePopulation: ClosedRange<Int> = 0...10_000_000
    /// GPs counted on one row of a supply file (BPE `NB_D201`; all of France has about 100,000).
    public static let gpsPerRow: ClosedRange<Int> = 0...100_000
    /// GPs or FTE of one practitioners row, or added, removed or opened by one scenario event.
    public static let gpsAmount: ClosedRange<Double> = 0...100_000
    /// Calendar years: scenario horizons, reference years for ages.
    public static let year: ClosedRange<Int> = 1900...2200
    /// Ages in years: retirement ages, `--exclude-age`.
    public static let age: ClosedRange<Int> = 1...120
    /// Node pairs sampled by `network calibrate --pairs` (20 times the default 5,000; one full road search per 50
    /// pairs, and `pairs × 20` sampling attempts that overflowed near `Int.max`).
    public static let calibrationPairs: ClosedRange<Int> = 1...100_000

    /// Worker threads (`--threads`): more than 256 only adds scheduling overhead on any machine this runs on.
    public static let threads: ClosedRange<Int> = 1...256

    /// `threads` when it is `nil` (all cores) or in ``threads``, else a
    /// ``CareModel/ModelError/invalidParameter(name:value:reason:)`` naming `--threads`.
    public static func checkThreads(_ threads: Int?) throws(ModelError) -> Int? {
        guard let threads else { return nil }
        return try check(threads, in: Self.threads, option: "--threads", what: "a number of worker threads")
    }

    /// Crow-fly travel speed in km/h (`--speed`, `speed:`): below 1 km/h a trip across France takes years of minutes.
    public static let crowFlySpeedKmh: ClosedRange<Double> = 1...300
    /// Crow-fly detour factor (`--circuity`, `circuity:`): roads are rarely twice as long as the straight line.
    public static let circuity: ClosedRange<Double> = 1...5
    /// Speed from a place to its nearest road node in km/h (`--access-speed`, `access_speed:`).
    public static let accessSpeedKmh: ClosedRange<Double> = 1...200

    /// Euros: a candidate site's cost, a placement budget, an investment or a yearly cost (10 billion, far above
    /// any département's or region's health budget, and exact in a `Double`).
    public static let euros: ClosedRange<Double> = 0...10_000_000_000

    /// Yearly consultations + visits + teleconsultations of one GP, above 0 (DREES's derived level is about 4,000).
    public static let activityPerGP: ClosedRange<Double> = 0...20_000

    /// `value` when it lies in `range` (so is finite), else a ``CareModel/ModelError/invalidParameter(name:value:reason:)``
    /// naming the option (e.g. `--speed`).
    public static func check(_ value: Double, in range: ClosedRange<Double>, option: String, what: String) throws(ModelError) -> Double {
        guard range.contains(value) else {
            throw .invalidParameter(name: option, value: "\(value)", reason: "expected \(what) in \(text(range))")
        }
        return value
    }

    /// `a` when it is a yearly activity per GP in (0, 20,000], else a
    /// ``CareModel/ModelError/invalidParameter(name:value:reason:)`` naming the option.
    public static func checkActivityPerGP(_ a: Double, option: String) throws(ModelError) -> Double {
        guard a.isFinite, a > activityPerGP.lowerBound, a <= activityPerGP.upperBound else {
            throw .invalidParameter(name: option, value: "\(a)", reason: "expected a yearly activity per GP in (0, 20,000]")
        }
        return a
    }

    /// `value` when it is a budget in euros in (0, 10,000,000,000], else a
    /// ``CareModel/ModelError/invalidParameter(name:value:reason:)`` naming the option.
    public static func checkBudget(_ value: Double, option: String) throws(ModelError) -> Double {
        guard value.isFinite, value > euros.lowerBound, value <= euros.upperBound else {
            throw .invalidParameter(name: option, value: "\(value)", reason: "expected a budget in euros in (0, \(grouped(Int(euros.upperBound)))]")
        }
        return value
    }

    /// `1…1,000,000` or `1900…2200` for messages.
    package static func text<T: BinaryInteger>(_ r: ClosedRange<T>) -> String { "\(grouped(r.lowerBound))…\(grouped(r.upperBound))" }

    package static func text(_ r: ClosedRange<Double>) -> String { "\(grouped(Int(r.lowerBound)))…\(grouped(Int(r.upperBound)))" }

    /// Thousands separated by commas from 10,000 up (years stay 1900).
    package static func grouped<T: BinaryInteger>(_ v: T) -> String {
        guard String(v.magnitude).count > 4, let i = Int(exactly: v) else { return String(v) }
        return i.grouped
    }

    /// `value` when it lies in `range`, else a ``CareModel/ModelError/invalidParameter(name:value:reason:)`` naming
    /// the option (e.g. `--pairs`).
    public static func check<T: BinaryInteger>(_ value: T, in range: ClosedRange<T>, option: String, what: String) throws(ModelError) -> T {
        guard range.contains(value) else {
            throw .invalidParameter(name: option, value: "\(value)", reason: "expected \(what) in \(text(range))")
        }
        return value
    }
}
