#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A finished temporary file (``AtomicWriter/finish()``), complete on disk and waiting to be renamed over its
/// destination: what lets a transaction publish several files together, each one atomically.
///
/// ```swift
/// let a = try AtomicWriter(replacing: "out/a.csv"); try a.write(bytesA)
/// let b = try AtomicWriter(replacing: "out/b.csv"); try b.write(bytesB)
/// let staged = [try a.finish(), try b.finish()]
/// for s in staged { try s.publish() }     // or `s.remove()` for each to publish nothing
/// ```
public struct StagedFile: Sendable, Hashable {
    /// The hidden temporary, tracked by ``TemporaryFileRegistry`` until published or removed.
    public let temporary: String
    /// The path it is renamed to.
    public let destination: String
    /// The destination's folder, synced after the rename.
    let folder: String

    /// Renames the temporary over the destination, then syncs the folder (best effort: some file systems refuse
    /// to sync a folder). On failure the temporary is removed and the destination is untouched.
    public func publish() throws(AtomicWriteError) {
        guard rename(temporary, destination) == 0 else {
            let reason = FileOutput.reason(errno)
            remove()
            throw AtomicWriteError(path: destination, message: "cannot move the finished file into place: \(reason)")
        }
        TemporaryFileRegistry.shared.unregister(temporary)
        let dir = open(folder, O_RDONLY | O_CLOEXEC)
        if dir >= 0 {
            _ = fsync(dir)
            close(dir)
        }
    }

    /// Removes the temporary; the destination is untouched.
    public func remove() {
        AtomicWriter.remove(descriptor: -1, temporary: temporary)
    }
}
