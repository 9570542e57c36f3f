import CareIO
import CareReport
import CareStudy
import CareKernel
import Foundation

/// An output file written in pieces and published whole: bytes go to a hidden temporary file in the
/// destination's folder, and ``commit()`` flushes it to disk and renames it over the destination. Until then
/// the destination is untouched; ``discard()`` (or a failure) removes the temporary file, and so does SIGINT,
/// SIGTERM or SIGHUP (``TemporaryFileRegistry``). A process killed otherwise leaves at most a hidden
/// `.NAME.tmp-PID-…` file, which readers ignore.
///
/// ```swift
/// var out = try AtomicStream(path: "out/communes.csv")
/// try out.write("code,minutes\n")
/// try out.commit()
/// ```
/// Complexity: O(bytes); writes are buffered in 1 MiB blocks.
final class AtomicStream {
    let path: String
    let temporary: String
    private var handle: FileHandle?
    private var buffer: [UInt8] = []
    static let blockSize = 1 << 20

    init(path: String) throws(OutputError) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw OutputError(file: path, message: "folder \(dir) does not exist")
        }
        temporary = dir + "/.\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        // Tracked before it exists: SIGINT/SIGTERM/SIGHUP removes it (TemporaryFileRegistry).
        TemporaryFileRegistry.shared.register(temporary)
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let h = FileHandle(forWritingAtPath: temporary) else {
            let reason = String(cString: strerror(errno))
            TemporaryFileRegistry.shared.unregister(temporary)
            throw OutputError(file: path, message: "cannot create a temporary file in \(dir): \(reason)")
        }
        handle = h
    }

    deinit { discard() }

    func write(_ text: String) throws(OutputError) { try write(Array(text.utf8)) }

    func write(_ bytes: [UInt8]) throws(OutputError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.blockSize { try flush() }
    }

    private func flush() throws(OutputError) {
        guard let handle else { throw OutputError(file: path, message: "written after commit or discard") }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            discard()
            throw OutputError(file: path, message: "cannot write: \(FileInput.reason(error))")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and renames the file into place.
    func commit() throws(OutputError) {
        try flush()
        do {
            try handle?.synchronize()
            try handle?.close()
        } catch {
            discard()
            throw OutputError(file: path, message: "cannot write: \(FileInput.reason(error))")
        }
        handle = nil
        defer { TemporaryFileRegistry.shared.unregister(temporary) }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw OutputError(file: path, message: "cannot move the finished file into place: \(reason)")
        }
    }

    /// Drops the temporary file (nothing is published).
    func discard() {
        guard let h = handle else { return }
        try? h.close()
        handle = nil
        try? FileManager.default.removeItem(atPath: temporary)
        TemporaryFileRegistry.shared.unregister(temporary)
    }
}
