#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The process-wide list of live temporary output files (issue 14), removed when the process is stopped by
/// SIGINT, SIGTERM or SIGHUP so that an interrupted run leaves no `.NAME.tmp-…` file behind.
///
/// Writers register a temporary right after creating it and unregister it once it is renamed into place or
/// removed. The first registration installs the signal handlers (only for signals still at their default
/// action: a host's own handler, or an ignored SIGHUP under `nohup`, is left alone). The handler does only
/// async-signal-safe work: `unlink` of the C paths kept in a fixed buffer, then `signal(sig, SIG_DFL)` and
/// `raise(sig)`, so the process ends as the signal says (exit status 128 + signal number in a shell).
///
/// ```swift
/// TemporaryFileRegistry.shared.register(temp)
/// defer { TemporaryFileRegistry.shared.unregister(temp) }
/// ```
/// At most ``capacity`` temporaries, each at most ``maxPathBytes`` bytes, are tracked at once; beyond that a path
/// is not tracked (it is still removed by its writer on an ordinary failure, only not on a signal).
public final class TemporaryFileRegistry: Sendable {
    /// The one registry of the process (the signal handlers read its buffer).
    public static let shared = TemporaryFileRegistry()

    /// Temporaries tracked at once.
    public static let capacity = 64
    /// Longest path tracked, in bytes, NUL included.
    public static let maxPathBytes = 4_096

    private struct State: ~Copyable {
        var slots: [String?] = Array(repeating: nil, count: TemporaryFileRegistry.capacity)
        var handlersInstalled = false
    }

    private let state = Mutex(State())
    /// `capacity` × `maxPathBytes` NUL-terminated C paths, read by the signal handler.
    nonisolated(unsafe) private let paths: UnsafeMutablePointer<CChar>
    /// 1 when the slot's path is live; set after the path is copied, cleared before the slot is reused.
    nonisolated(unsafe) private let live: UnsafeMutablePointer<sig_atomic_t>

    private init() {
        paths = .allocate(capacity: Self.capacity * Self.maxPathBytes)
        paths.initialize(repeating: 0, count: Self.capacity * Self.maxPathBytes)
        live = .allocate(capacity: Self.capacity)
        live.initialize(repeating: 0, count: Self.capacity)
    }

    /// Tracks `path` until ``unregister(_:)``; returns `false` when it could not be tracked (buffer full, path too long).
    @discardableResult
    public func register(_ path: String) -> Bool {
        state.withLock { s in
            if !s.handlersInstalled {
                s.handlersInstalled = true
                Self.installHandlers()
            }
            let bytes = Array(path.utf8)
            guard bytes.count < Self.maxPathBytes, !bytes.contains(0),
                  let slot = s.slots.firstIndex(where: { $0 == nil }) else { return false }
            let base = paths + slot * Self.maxPathBytes
            for (i, b) in bytes.enumerated() { base[i] = CChar(bitPattern: b) }
            base[bytes.count] = 0
            s.slots[slot] = path
            live[slot] = 1
            return true
        }
    }

    /// Stops tracking `path` (after it was renamed into place or removed). No effect when it is not tracked.
    public func unregister(_ path: String) {
        state.withLock { s in
            guard let slot = s.slots.firstIndex(where: { $0 == path }) else { return }
            live[slot] = 0
            s.slots[slot] = nil
        }
    }

    /// The paths tracked now (for tests and diagnostics).
    public var registered: [String] {
        state.withLock { s in s.slots.compactMap { $0 } }
    }

    /// Unlinks every live path: async-signal-safe (no allocation, no lock), called from the handler only.
    fileprivate func unlinkAllForSignal() {
        for slot in 0..<Self.capacity where live[slot] != 0 {
            _ = unlink(paths + slot * Self.maxPathBytes)
        }
    }

    private static func installHandlers() {
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            let previous = signal(sig, temporaryFileSignalHandler)
            if unsafeBitCast(previous, to: Int.self) != unsafeBitCast(SIG_DFL, to: Int.self) { _ = signal(sig, previous) }
        }
    }
}

/// Removes the registered temporaries, then lets the signal end the process with its default action.
private func temporaryFileSignalHandler(_ sig: Int32) {
    TemporaryFileRegistry.shared.unlinkAllForSignal()
    _ = signal(sig, SIG_DFL)
    _ = raise(sig)
}
