import CareIO
import CareStudy
import Foundation

/// A buffered byte stream into a temporary file that is renamed over its destination only when the whole
/// document has been written: the streaming counterpart of ``AtomicFile`` for outputs too large to hold as
/// one string (a national GeoJSON file).
///
/// ```swift
/// try GeoJSONOutputStream.write(to: "communes.geojson") { out throws(OutputError) in
///     out.write("{\"type\":\"FeatureCollection\",\"features\":[]}\n")
/// }
/// ```
/// Complexity: O(bytes); memory O(1) (a 1 MiB buffer).
struct GeoJSONOutputStream {
    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []
    private static let flushThreshold = 1 << 20

    private init(handle: FileHandle, path: String) {
        self.handle = handle
        self.path = path
        buffer.reserveCapacity(Self.flushThreshold + 4_096)
    }

    /// Runs `body` on a stream into a temporary file beside `path`, then moves the file into place.
    /// When `body` or a write fails, the temporary file is removed and `path` is left as it was.
    static func write(
        to path: String, _ body: (inout GeoJSONOutputStream) throws(OutputError) -> Void
    ) throws(OutputError) {
        var transaction = OutputTransaction()
        try stage(to: path, in: &transaction, body)
        try transaction.commit()
    }

    /// Runs `body` on a stream into a temporary file of `transaction` (published by its commit).
    /// When `body` or a write fails, the temporary file is removed and the error rethrown.
    static func stage(
        to path: String, in transaction: inout OutputTransaction, _ body: (inout GeoJSONOutputStream) throws(OutputError) -> Void
    ) throws(OutputError) {
        try transaction.stageFile(to: path) { (handle: FileHandle) throws(OutputError) in
            var stream = GeoJSONOutputStream(handle: handle, path: path)
            try body(&stream)
            try stream.flush()
        }
    }

    /// Appends UTF-8 text, flushing to disk when the buffer is full.
    mutating func write(_ text: String) throws(OutputError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    /// Appends a JSON string literal: quotes, with `"`, `\` and control characters escaped (RFC 8259 §7).
    mutating func writeJSONString(_ text: String) throws(OutputError) {
        buffer.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: buffer.append(contentsOf: [0x5C, 0x22])
            case 0x5C: buffer.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: buffer.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: buffer.append(contentsOf: [0x5C, 0x72])
            case 0x09: buffer.append(contentsOf: [0x5C, 0x74])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                buffer.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: buffer.append(byte)
            }
        }
        buffer.append(0x22)
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    /// Appends a number of microdegrees as decimal degrees with at most six decimals (`4586000` → `4.586`).
    mutating func writeMicrodegrees(_ value: Int64) {
        if value < 0 { buffer.append(0x2D) }
        let magnitude = value.magnitude
        buffer.append(contentsOf: String(magnitude / 1_000_000).utf8)
        var fraction = magnitude % 1_000_000
        guard fraction != 0 else { return }
        buffer.append(0x2E)
        var digits = 6
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        var scratch = [UInt8](repeating: 0x30, count: digits)
        for i in stride(from: digits - 1, through: 0, by: -1) {
            scratch[i] = 0x30 + UInt8(fraction % 10)
            fraction /= 10
        }
        buffer.append(contentsOf: scratch)
    }

    private mutating func flush() throws(OutputError) {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw OutputError(file: path, message: "cannot write: \(FileInput.reason(error))")
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
