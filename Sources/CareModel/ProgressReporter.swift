/// Something told how far a long operation (national import, catchments, placement search) has got: a
/// total, then increments, then the end. The terminal progress bar of the `careaccess` tool is one; library
/// code takes one as a parameter whose default, ``SilentProgress``, does nothing and costs nothing.
///
/// Implementations must be thread-safe: parallel work (one bounded search per site across threads) calls
/// ``advance(by:)`` from several threads at once.
///
/// ```swift
/// func work(items: [Item], progress: some ProgressReporter = SilentProgress()) {
///     progress.begin(total: items.count, label: "catchments")
///     defer { progress.end() }
///     for item in items { handle(item); progress.advance(by: 1) }
/// }
/// ```
/// Complexity: each call O(1) for the reporters of this project.
public protocol ProgressReporter: Sendable {
    /// A new operation of `total` units starts (`label` says what, e.g. `"catchments"`).
    func begin(total: Int, label: String)
    /// `count` more units are done.
    func advance(by count: Int)
    /// The operation is over (whether or not every unit was reported).
    func end()
}

/// The reporter that ignores everything: the default of every `progress:` parameter.
///
/// ```swift
/// let quiet: any ProgressReporter = SilentProgress()
/// ```
/// Complexity: O(1), no state.
public struct SilentProgress: ProgressReporter {
    /// Creates the silent reporter.
    public init() {}
    /// Does nothing.
    public func begin(total: Int, label: String) {}
    /// Does nothing.
    public func advance(by count: Int) {}
    /// Does nothing.
    public func end() {}
}
