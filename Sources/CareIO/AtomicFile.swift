import Foundation

/// Writes files all at once or not at all: data go to a temporary file in the destination's folder,
/// which is then renamed over the destination. A failed run never leaves a half-written output.
/// A one-file ``OutputTransaction``: several outputs of one run go through one transaction instead.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws(OutputError) {
        try write(Array(text.utf8), to: path)
    }

    public static func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        var transaction = OutputTransaction()
        try transaction.stage(bytes, to: path)
        try transaction.commit()
    }
}
