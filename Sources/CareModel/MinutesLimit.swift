/// The longest travel time a coverage threshold, an indicator catchment or a placement threshold may take:
/// 180 minutes. Primary-care access is measured in tens of minutes (DREES: 20; "more than 20 minutes from a
/// GP"); a larger value is a slip (`--threshold 1e300`) that would make every commune–site pair of France a
/// catchment pair (about 3·10^8 at national scale) and exhaust memory.
///
/// ```swift
/// try MinutesLimit.check(20, name: "threshold")     // fine
/// try MinutesLimit.check(1e300, name: "threshold")  // ModelError.invalidParameter
/// ```
public enum MinutesLimit {
    /// 180 minutes.
    public static let maximum = 180.0

    /// Throws ``ModelError/invalidParameter(name:value:reason:)`` unless `minutes` is finite, ≥ 0 (> 0 when
    /// `positive`) and at most ``maximum``.
    public static func check(_ minutes: Double, name: String, positive: Bool = false) throws(ModelError) {
        if let reason = problem(minutes, positive: positive) {
            throw .invalidParameter(name: name, value: "\(minutes)", reason: reason)
        }
    }

    /// Why `minutes` is refused (the reason ``check(_:name:positive:)`` gives), or `nil` when it is accepted; for
    /// layers with their own error type (placement).
    public static func problem(_ minutes: Double, positive: Bool = false) -> String? {
        guard minutes.isFinite, positive ? minutes > 0 : minutes >= 0, minutes <= maximum else {
            return "must be a finite number of minutes \(positive ? "> 0" : "≥ 0") and at most \(Int(maximum))"
        }
        return nil
    }
}
