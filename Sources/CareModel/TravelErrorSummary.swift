/// How far modelled travel times are from observed ones over a set of trips: the figures a planner needs to
/// trust a model (mean absolute error, median and 90th-percentile relative error, bias, share off by more
/// than 5 minutes).
///
/// ```swift
/// let s = TravelErrorSummary(observed: [10, 20], modelled: [12, 19])
/// s.meanAbsoluteError   // 1.5
/// s.bias                // 0.5 (positive: the model is too slow)
/// ```
/// Trips whose modelled time is infinite (unreachable in the model) are counted apart and left out of the
/// figures; relative errors use trips with observed minutes > 0. Complexity: O(n log n).
public struct TravelErrorSummary: Codable, Sendable, Equatable {
    /// Trips with a finite modelled time.
    public var trips: Int
    /// Trips the model cannot reach (infinite minutes).
    public var unreachable: Int
    /// Mean |modelled − observed|, minutes.
    public var meanAbsoluteError: Double
    /// Median of |modelled − observed| / observed.
    public var medianRelativeError: Double
    /// 90th percentile of |modelled − observed| / observed.
    public var p90RelativeError: Double
    /// Mean (modelled − observed), minutes: negative when the model is too fast.
    public var bias: Double
    /// Root mean square error, minutes.
    public var rootMeanSquareError: Double
    /// Share of trips off by more than 5 minutes.
    public var shareOver5Minutes: Double
    /// Mean observed minutes of the trips.
    public var meanObserved: Double

    /// Summarises trips given as observed and modelled minutes, one modelled value per observed one (a
    /// precondition). Figures over no reachable trip are NaN.
    public init(observed: [Double], modelled: [Double]) {
        precondition(observed.count == modelled.count, "one modelled time per observed trip")
        var n = 0, unreachable = 0, over5 = 0
        var absSum = 0.0, biasSum = 0.0, squares = 0.0, observedSum = 0.0
        var relative: [Double] = []
        relative.reserveCapacity(observed.count)
        for (o, m) in zip(observed, modelled) {
            guard m.isFinite else { unreachable += 1; continue }
            n += 1
            let e = m - o
            absSum += abs(e)
            biasSum += e
            squares += e * e
            observedSum += o
            if abs(e) > 5 { over5 += 1 }
            if o > 0 { relative.append(abs(e) / o) }
        }
        relative.sort()
        trips = n
        self.unreachable = unreachable
        let count = Double(Swift.max(n, 1))
        meanAbsoluteError = n > 0 ? absSum / count : .nan
        bias = n > 0 ? biasSum / count : .nan
        rootMeanSquareError = n > 0 ? (squares / count).squareRoot() : .nan
        shareOver5Minutes = n > 0 ? Double(over5) / count : .nan
        meanObserved = n > 0 ? observedSum / count : .nan
        medianRelativeError = Self.quantile(relative, 0.5)
        p90RelativeError = Self.quantile(relative, 0.9)
    }

    /// The `q` quantile of sorted values, linear interpolation between order statistics (type 7); NaN if empty.
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let h = Double(sorted.count - 1) * q
        let lo = Int(h.rounded(.down)), hi = Swift.min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }

    /// Replaces NaN by 0 so that the summary can be encoded as JSON (a summary of no trip).
    var encodable: TravelErrorSummary {
        var s = self
        for path in [\TravelErrorSummary.meanAbsoluteError, \.medianRelativeError, \.p90RelativeError, \.bias,
                     \.rootMeanSquareError, \.shareOver5Minutes, \.meanObserved] where !s[keyPath: path].isFinite {
            s[keyPath: path] = 0
        }
        return s
    }
}
