#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written whole or not at all: the bytes go to a hidden temporary file in the destination's folder
/// (`.NAME.tmp-PID-RANDOM`, created exclusively and tracked by ``TemporaryFileRegistry`` so that SIGINT,
/// SIGTERM or SIGHUP removes it), and ``commit()`` syncs it to disk (`fsync`) and renames it over the
/// destination (`rename(2)`, atomic within a file system), then syncs the folder. Until then the destination
/// is untouched; a failure, ``discard()``, or dropping the writer without committing removes the temporary.
///
/// ```swift
/// let w = try AtomicWriter(replacing: "out/graph.carn")
/// try w.write(header)         // or stream through w.output
/// try w.commit()              // a throw before this line leaves the old file and no temporary
///
/// try AtomicWriter.write(bytes, to: "out/territory.catr")   // the same in one call
/// ```
/// Complexity: O(bytes) plus one `fsync` of the file and one of its folder.
public struct AtomicWriter: ~Copyable {
    /// The path the file is published at.
    public let destination: String
    /// The hidden temporary file in the destination's folder.
    public let temporary: String
    /// The destination's folder.
    let folder: String
    /// The temporary's descriptor; -1 once closed (committed or discarded).
    private var descriptor: Int32

    /// Creates the temporary file for `destination` (mode 0644 before the umask). Throws when the folder does
    /// not exist or is not writable.
    public init(replacing destination: String) throws(AtomicWriteError) {
        self.destination = destination
        let slash = destination.lastIndex(of: "/")
        let name = slash.map { String(destination[destination.index(after: $0)...]) } ?? destination
        folder = slash.map { $0 == destination.startIndex ? "/" : String(destination[..<$0]) } ?? "."
        temporary = (folder == "/" ? "" : folder) + "/.\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        // Tracked before it exists, so that no signal can land between its creation and its tracking.
        TemporaryFileRegistry.shared.register(temporary)
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let reason = FileOutput.reason(errno)
            TemporaryFileRegistry.shared.unregister(temporary)
            throw AtomicWriteError(path: destination, message: "cannot create a file in \(folder): \(reason)")
        }
    }

    deinit {
        if descriptor >= 0 { Self.remove(descriptor: descriptor, temporary: temporary) }
    }

    /// Where a producer writes (valid until ``commit()`` or ``discard()``).
    public var output: FileOutput { FileOutput(descriptor: descriptor, path: destination) }

    /// Appends `bytes` to the temporary file.
    public func write(_ bytes: [UInt8]) throws(AtomicWriteError) { try output.write(bytes) }

    /// Appends `bytes` to the temporary file.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(AtomicWriteError) { try output.write(bytes) }

    /// Syncs the temporary to disk and renames it over the destination, then syncs the folder (so that the
    /// rename itself survives a crash). On failure the temporary is removed and the destination is untouched.
    public consuming func commit() throws(AtomicWriteError) {
        try finish().publish()
    }

    /// The first half of ``commit()``: syncs and closes the temporary, which then waits, complete, to be
    /// published. A transaction of several files finishes each, then publishes them together (``StagedFile``).
    /// On failure the temporary is removed.
    public consuming func finish() throws(AtomicWriteError) -> StagedFile {
        let fd = descriptor
        descriptor = -1
        guard fsync(fd) == 0 else {
            let reason = FileOutput.reason(errno)
            Self.remove(descriptor: fd, temporary: temporary)
            throw AtomicWriteError(path: destination, message: "cannot flush the file to disk: \(reason)")
        }
        guard close(fd) == 0 else {
            let reason = FileOutput.reason(errno)
            Self.remove(descriptor: -1, temporary: temporary)
            throw AtomicWriteError(path: destination, message: "cannot write: \(reason)")
        }
        return StagedFile(temporary: temporary, destination: destination, folder: folder)
    }

    /// Removes the temporary file; the destination is untouched.
    public consuming func discard() {
        let fd = descriptor
        descriptor = -1
        Self.remove(descriptor: fd, temporary: temporary)
    }

    /// Writes `bytes` to `path` whole or not at all.
    public static func write(_ bytes: [UInt8], to path: String) throws(AtomicWriteError) {
        let w = try AtomicWriter(replacing: path)
        try w.write(bytes)
        try w.commit()
    }

    static func remove(descriptor: Int32, temporary: String) {
        if descriptor >= 0 { close(descriptor) }
        unlink(temporary)
        TemporaryFileRegistry.shared.unregister(temporary)
    }
}
