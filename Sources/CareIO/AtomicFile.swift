import Foundation

/// Writes files all at once or not at all: data go to a temporary file in the destination's folder,
/// which is then renamed over the destination. A failed run never leaves a half-written output.
/// A one-file ``OutputTransaction``: several outputs of one run go through one transaction instead.
public enum AtomicFile {
    /// Writes `text` as UTF-8 to `path`, replacing any existing file only once the whole text is on disk.
    /// Throws an ``OutputError`` naming `path` when its folder does not exist, when `path` is standard output, a
    /// directory, a symbolic link or a device (``OutputPathCheck/refuseKind(option:path:)``), or when writing or
    /// renaming fails.
    public static func write(_ text: String, to path: String) throws(OutputError) {
        try write(Array(text.utf8), to: path)
    }

    /// Writes `bytes` to `path` through a one-file ``OutputTransaction`` (stage, then rename); throws as
    /// the text overload does, and leaves no temporary behind when it throws.
    public static func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        var transaction = OutputTransaction()
        try transaction.stage(bytes, to: path)
        try transaction.commit()
    }
}
