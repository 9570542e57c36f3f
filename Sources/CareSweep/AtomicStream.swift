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
    /// The kernel's writer (``CareKernel/AtomicWriter``); `nil` once committed or discarded.
    private var writer: AtomicWriter?
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
        do { writer = try AtomicWriter(replacing: url.path) } catch {
            throw OutputError(file: path, message: error.message)
        }
    }

    /// The hidden temporary being written (`.NAME.tmp-PID-…`); `nil` once committed or discarded.
    var temporary: String? { writer?.temporary }

    deinit { discard() }

    func write(_ text: String) throws(OutputError) { try write(Array(text.utf8)) }

    func write(_ bytes: [UInt8]) throws(OutputError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.blockSize { try flush() }
    }

    private func flush() throws(OutputError) {
        guard let output = writer?.output else { throw OutputError(file: path, message: "written after commit or discard") }
        do {
            try output.write(buffer)
        } catch {
            discard()
            throw OutputError(file: path, message: error.message)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and renames the file into place.
    func commit() throws(OutputError) {
        try flush()
        guard let w = writer.take() else { throw OutputError(file: path, message: "committed twice") }
        do { try w.commit() } catch {
            throw OutputError(file: path, message: error.message)
        }
    }

    /// Drops the temporary file (nothing is published).
    func discard() {
        writer.take()?.discard()
    }
}
