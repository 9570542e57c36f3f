/// A value that can say which of its invariants is broken, and checks them in debug builds with
/// ``_checkInvariants()`` (after swift-collections' `_checkInvariants()`: a public method whose body is
/// compiled in debug builds only, an empty inlinable function in release builds). The value's builders call
/// `_checkInvariants()` on what they built; tests ask ``invariantViolation()`` for its verdict, so that a broken
/// invariant fails them with its description instead of stopping the process.
///
/// ```swift
/// extension KDTree: InvariantChecking { public func invariantViolation() -> String? { … } }
/// tree._checkInvariants()   // debug: stops at a broken invariant; release: nothing
/// ```
public protocol InvariantChecking {
    /// The first broken invariant, described, or `nil` when all hold (in every build).
    func invariantViolation() -> String?
}

extension InvariantChecking {
    #if DEBUG
    /// Stops the process when an invariant is broken, naming it (``invariantViolation()``). Debug builds only.
    @inline(never)
    public func _checkInvariants() {
        if let problem = invariantViolation() { preconditionFailure("\(Self.self) invariant broken: \(problem)") }
    }
    #else
    /// Does nothing in release builds (debug builds check ``invariantViolation()``).
    @inlinable @inline(__always)
    public func _checkInvariants() {}
    #endif
}
