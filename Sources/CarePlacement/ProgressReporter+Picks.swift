import CareModel

extension ProgressReporter {
    /// Reports a greedy search of `k` picks: `search` receives the per-pick callback (called with the number
    /// of picks so far); a search that stops early (nothing left to gain) completes the count at the end.
    ///
    /// ```swift
    /// let greedy = progress.reportingPicks(k: k) { inst.lazyGreedy(k: k, onPick: $0) }
    /// ```
    /// Complexity: O(1) per pick on top of `search`.
    func reportingPicks<R>(k: Int, _ search: ((Int) -> Void) -> (picks: [Int], gains: R)) -> (picks: [Int], gains: R) {
        begin(total: k, label: "greedy picks")
        defer { end() }
        var reported = 0
        let result = search { picks in
            advance(by: picks - reported)
            reported = picks
        }
        if reported < k { advance(by: k - reported) }
        return result
    }
}
