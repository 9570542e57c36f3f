import Synchronization

extension Projection {
    /// Projections built so far, by target CRS (``shared(to:)``).
    private static let cache = Mutex<[CRS: Projection]>([:])

    /// A process-wide `Projection` to `target`, built on first use and then reused: building one opens PROJ's
    /// database (milliseconds, much more on a busy machine), which readers that project a few points per file
    /// should not pay for every file. Calls through a shared value are serialised (see ``Projection``); code that
    /// projects in parallel builds its own with ``init(to:)``.
    ///
    /// ```swift
    /// let l93 = try Projection.shared(to: .lambert93)   // the same PROJ transformation on every call
    /// ```
    public static func shared(to target: CRS) throws(ProjectionError) -> Projection {
        if let known = cache.withLock({ $0[target] }) { return known }
        let made = try Projection(to: target)
        return cache.withLock { cache in
            if let raced = cache[target] { return raced }
            cache[target] = made
            return made
        }
    }
}
