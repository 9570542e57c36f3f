import CareKernel
import Foundation

/// Every output of one run published together, or none (issue 14): each file is staged into a hidden temporary
/// `.NAME.tmp-PID-…` in its destination's folder (same filesystem, so the final `rename` is atomic), and only
/// ``commit()`` renames them all into place, in the order they were staged. When a staging fails (a folder does
/// not exist, a rendering throws after the CSV was staged), ``discard()`` removes every temporary and no
/// destination is created or changed. Temporaries are tracked by ``TemporaryFileRegistry``, so SIGINT, SIGTERM or
/// SIGHUP during the run removes them too.
///
/// POSIX has no multi-file atomic rename: a crash (or a failed rename) between two renames of ``commit()`` leaves
/// the earlier destinations replaced and the later ones unchanged. Each destination is still either its old or
/// its new content, never a partial file. This is accepted and documented.
///
/// ```swift
/// try OutputTransaction.run { tx in
///     try tx.stage(csv, to: "out.csv")
///     try tx.stage(html, to: "report.html")
/// }   // both renamed into place here, or neither when the body threw
/// ```
/// Complexity: O(bytes) to stage, O(files) to commit.
public struct OutputTransaction: Sendable {
    /// One staged file: its finished temporary (`.NAME.tmp-PID-RANDOM` in the destination's folder) and where
    /// it goes (``CareKernel/StagedFile``, written by the kernel's ``CareKernel/AtomicWriter``).
    public typealias Staged = StagedFile

    /// Files staged so far, in order.
    public private(set) var staged: [Staged] = []
    /// Folders ``makeFolder(_:)`` created, outermost first (removed by ``discard()`` when still empty).
    public private(set) var createdFolders: [String] = []

    /// An empty transaction: nothing staged.
    public init() {}

    /// Runs `body`, then commits what it staged; when `body` throws, discards everything and rethrows.
    public static func run<T>(_ body: (inout OutputTransaction) throws -> T) throws -> T {
        var transaction = OutputTransaction()
        let value: T
        do {
            value = try body(&transaction)
        } catch {
            transaction.discard()
            throw error
        }
        try transaction.commit()
        return value
    }

    /// Stages `text` (UTF-8) for `path`.
    public mutating func stage(_ text: String, to path: String) throws(OutputError) {
        try stage(Array(text.utf8), to: path)
    }

    /// Stages `bytes` for `path`.
    public mutating func stage(_ bytes: [UInt8], to path: String) throws(OutputError) {
        try stageFile(to: path) { (handle: FileHandle) throws(OutputError) in
            do { try handle.write(contentsOf: bytes) } catch {
                throw OutputError(file: path, message: "cannot write: \(FileInput.reason(error))")
            }
        }
    }

    /// Stages the file `body` writes through `handle` (streamed outputs). The file is synced to disk before it
    /// counts as staged; when `body` throws, its temporary is removed and the error rethrown.
    package mutating func stageFile(to path: String, _ body: (FileHandle) throws(OutputError) -> Void) throws(OutputError) {
        try OutputPathCheck.refuseKind(option: nil, path: path)
        let destination = URL(fileURLWithPath: path)
        let folder = destination.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            throw OutputError(file: path, message: "folder \(folder) does not exist")
        }
        // The kernel's writer: exclusive creation of a tracked temporary in the destination's folder.
        let writer: AtomicWriter
        do { writer = try AtomicWriter(replacing: destination.path) } catch {
            throw OutputError(file: path, message: "cannot write: \(error.message)")
        }
        let handle = FileHandle(fileDescriptor: writer.output.descriptor, closeOnDealloc: false)
        do throws(OutputError) {
            try body(handle)
        } catch {
            writer.discard()
            throw error
        }
        do { staged.append(try writer.finish()) } catch {
            throw OutputError(file: path, message: "cannot write: \(error.message)")
        }
    }

    /// Creates `path` and its missing parents for outputs to be staged in (`scenario --out DIR`); the folders it
    /// created are removed again by ``discard()``, so that a failed run does not leave an empty output folder.
    public mutating func makeFolder(_ path: String) throws(OutputError) {
        var missing: [String] = []
        var url = URL(fileURLWithPath: path).standardizedFileURL
        while !FileManager.default.fileExists(atPath: url.path), url.path != "/" {
            missing.append(url.path)
            url = url.deletingLastPathComponent()
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw OutputError(file: path, message: "cannot create folder: \(FileInput.reason(error))")
        }
        createdFolders += missing.reversed()
    }

    /// Renames every staged file into place, in order. When a rename fails, the files not yet renamed are
    /// removed and the error names the destination that failed (earlier ones stay replaced: see above).
    public func commit() throws(OutputError) {
        for (i, s) in staged.enumerated() {
            do { try s.publish() } catch {
                for rest in staged[(i + 1)...] { rest.remove() }
                throw OutputError(file: s.destination, message: error.message)
            }
        }
    }

    /// Removes every staged temporary, then the folders ``makeFolder(_:)`` created (when empty); no destination
    /// is touched.
    public func discard() {
        for s in staged { s.remove() }
        for folder in createdFolders.reversed() { rmdir(folder) }
    }
}
