import CareIO
import Foundation

/// Results filled from several threads, one slot per item (a lock around an array), read back in item order:
/// what lets parallel work give the same output whatever the timing. `take` releases a slot's value.
///
/// ```swift
/// let slots = ResultSlots<Int>(count: 4)
/// DispatchQueue.concurrentPerform(iterations: 4) { k in slots.set(k, .success(k * k)) }
/// let squares = try slots.values().map { try $0.get() }   // [0, 1, 4, 9]
/// ```
package final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Result<Value, any Error>?]
    private let lock = NSLock()
    private let what: String

    /// `what` names the work in the error of a slot never filled (e.g. "sweep task").
    package init(count: Int, what: String) {
        slots = Array(repeating: nil, count: count)
        self.what = what
    }

    package func set(_ k: Int, _ value: Result<Value, any Error>) {
        lock.lock()
        slots[k] = value
        lock.unlock()
    }

    /// Every slot in order; one never filled is a failure naming it.
    package func values() -> [Result<Value, any Error>] {
        lock.lock()
        defer { lock.unlock() }
        return slots.indices.map { k in slots[k] ?? .failure(OutputError(file: what, message: "\(what) \(k) did not run")) }
    }

    /// Slot `k`, released (so that large results need not all be held at once).
    package func take(_ k: Int) -> Result<Value, any Error> {
        lock.lock()
        defer { lock.unlock() }
        let value = slots[k] ?? .failure(OutputError(file: what, message: "\(what) \(k) did not run"))
        slots[k] = nil
        return value
    }
}
