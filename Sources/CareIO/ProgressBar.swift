import CareModel
import Foundation
import Synchronization

/// A one-line progress bar with rate and ETA, redrawn in place with `\r` at most ten times a second and
/// cleared at the end, written through a sink (standard error in the `careaccess` tool). Thread-safe: parallel
/// workers may call ``advance(by:)`` at once (a `Mutex` guards the counts).
///
/// ```swift
/// let bar = ProgressBar { FileHandle.standardError.write(Data($0.utf8)) }
/// bar.begin(total: 34_000, label: "catchments")
/// bar.advance(by: 1)   // catchments [#---------]   3%  1,020/34,000  510/s  ETA 1:05
/// bar.end()            // the line is erased
/// ```
/// Complexity: O(1) per call; a redraw formats one line of `width` characters.
public final class ProgressBar: ProgressReporter {
    struct State {
        var label = ""
        var total = 0
        var done = 0
        var start: ContinuousClock.Instant
        var lastDraw: ContinuousClock.Instant?
        var lastWidth = 0
    }

    private let state: Mutex<State>
    private let sink: @Sendable (String) -> Void
    private let clock = ContinuousClock()
    /// Shortest time between two redraws.
    public let interval: Duration
    /// Width of the bar itself, in characters.
    public let barWidth: Int

    /// A bar redrawn at most once per `interval`, `barWidth` characters wide, whose text (with `\r` and padding)
    /// goes to `sink`; nothing is written before ``begin(total:label:)``.
    public init(interval: Duration = .milliseconds(100), barWidth: Int = 24, sink: @escaping @Sendable (String) -> Void) {
        self.sink = sink
        self.interval = interval
        self.barWidth = barWidth
        state = Mutex(State(start: ContinuousClock.now))
    }

    /// A bar on standard error when it is a terminal and not `quiet`; otherwise ``SilentProgress`` (nothing is
    /// ever written, so logs and pipes stay clean).
    public static func standardError(quiet: Bool, isTerminal: Bool) -> any ProgressReporter {
        guard isTerminal, !quiet else { return SilentProgress() }
        return ProgressBar { FileHandle.standardError.write(Data($0.utf8)) }
    }

    /// Starts a new operation of `total` units (a negative total counts as 0) named `label`, resets the count and
    /// the clock of the rate and ETA, and draws the bar at once.
    public func begin(total: Int, label: String) {
        let now = clock.now
        state.withLock { s in
            s = State(label: label, total: max(0, total), done: 0, start: now, lastDraw: nil, lastWidth: s.lastWidth)
        }
        draw(force: true)
    }

    /// Adds `count` done units (0 or less is ignored); redraws when ``interval`` has passed or the total is reached.
    public func advance(by count: Int) {
        guard count > 0 else { return }
        state.withLock { $0.done += count }
        draw(force: false)
    }

    /// Erases the bar's line (spaces, then `\r`) if anything was drawn; the next ``begin(total:label:)`` starts afresh.
    public func end() {
        let clear: String? = state.withLock { s in
            defer { s.lastWidth = 0; s.lastDraw = nil }
            return s.lastWidth > 0 ? "\r" + String(repeating: " ", count: s.lastWidth) + "\r" : nil
        }
        if let clear { sink(clear) }
    }

    private func draw(force: Bool) {
        let now = clock.now
        let text: String? = state.withLock { s in
            let finished = s.done >= s.total
            if !force, !finished, let last = s.lastDraw, now - last < interval { return nil }
            s.lastDraw = now
            let seconds = Self.seconds(now - s.start)
            let line = Self.line(label: s.label, done: s.done, total: s.total, seconds: seconds, barWidth: barWidth)
            let pad = max(0, s.lastWidth - line.count)
            s.lastWidth = line.count
            return "\r" + line + String(repeating: " ", count: pad)
        }
        if let text { sink(text) }
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// The bar's text (pure): label, bar, percentage, counts, rate per second and estimated time left.
    ///
    /// ```swift
    /// ProgressBar.line(label: "catchments", done: 250, total: 1_000, seconds: 5, barWidth: 10)
    /// // "catchments [##--------]  25%  250/1,000  50.0/s  ETA 0:15"
    /// ```
    public static func line(label: String, done: Int, total: Int, seconds: Double, barWidth: Int = 24) -> String {
        let fraction = total > 0 ? min(1, Double(max(0, done)) / Double(total)) : 1
        let filled = Int((fraction * Double(barWidth)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled)
        let percent = String(Int((fraction * 100).rounded(.down)))
        let rate = seconds > 0 ? Double(done) / seconds : 0
        var eta = "ETA --:--"
        if done >= total {
            eta = "done in " + clock(seconds)
        } else if rate > 0 {
            eta = "ETA " + clock(Double(total - done) / rate)
        }
        return "\(label) [\(bar)] \(String(repeating: " ", count: max(0, 3 - percent.count)))\(percent)%  "
            + "\(done.grouped)/\(total.grouped)  \(rateText(rate))/s  \(eta)"
    }

    /// `m:ss` under an hour, `h:mm:ss` beyond (seconds rounded up, so a bar never shows 0:00 before the end).
    static func clock(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "--:--" }
        let s = Int(seconds.rounded(.up))
        let h = s / 3600, m = (s % 3600) / 60, r = s % 60
        let two = { (v: Int) in v < 10 ? "0\(v)" : "\(v)" }
        return h > 0 ? "\(h):\(two(m)):\(two(r))" : "\(m):\(two(r))"
    }

    /// Rates: one decimal under 100 per second, whole and grouped above.
    static func rateText(_ rate: Double) -> String {
        rate < 100 ? rate.fixed(1) : Int(rate.rounded()).grouped
    }

}
