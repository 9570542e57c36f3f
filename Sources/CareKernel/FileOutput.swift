#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where an ``AtomicWriter``'s producer writes: the temporary file's descriptor, every byte written or an error.
/// A copyable view for streaming writers (sinks that keep it between calls); valid while its writer lives, and
/// never to be closed by the holder.
///
/// ```swift
/// let out = writer.output
/// try out.write(header)
/// ```
public struct FileOutput: Sendable {
    /// The open file descriptor of the temporary file.
    public let descriptor: Int32
    /// The destination, for errors.
    public let path: String

    /// Writes all of `bytes` (retrying short writes and interruptions).
    /// Complexity: O(bytes).
    public func write(_ bytes: UnsafeRawBufferPointer) throws(AtomicWriteError) {
        guard let base = bytes.baseAddress else { return }
        var done = 0
        while done < bytes.count {
            // At most 1 GiB a call: some systems refuse larger single writes.
            let n = systemWrite(descriptor, base + done, Swift.min(bytes.count - done, 1 << 30))
            if n < 0 {
                if errno == EINTR { continue }
                throw AtomicWriteError(path: path, message: "cannot write: \(Self.reason(errno))")
            }
            done += n
        }
    }

    /// Writes all of `bytes`.
    public func write(_ bytes: [UInt8]) throws(AtomicWriteError) {
        var failure: AtomicWriteError?
        bytes.withUnsafeBytes { raw in
            do throws(AtomicWriteError) { try write(raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// The system's text for `code` (`strerror`).
    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}

/// `write(2)`, under a name that the method ``FileOutput/write(_:)-(UnsafeRawBufferPointer)`` does not hide.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
