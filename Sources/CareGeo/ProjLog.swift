/// Collects the last error message PROJ logs on a context (used only under the mutex or during init).
///
/// ```swift
/// let log = ProjLog()
/// proj_log_func(context, Unmanaged.passUnretained(log).toOpaque(), ProjLog.callback)
/// ```
final class ProjLog {
    /// The most recent message, e.g. "lcc: Invalid latitude".
    var last: String?

    /// C logging callback: stores the message in the ``ProjLog`` passed as user data.
    static let callback: @convention(c) (UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?) -> Void = {
        data, _, message in
        guard let data, let message else { return }
        Unmanaged<ProjLog>.fromOpaque(data).takeUnretainedValue().last = String(cString: message)
    }
}
