import CLZMA
import CareKernel
import Foundation
import Testing

@testable import CareIO

/// xz/lzma inputs stop at documented bounds with one error naming the file and the limit (issue 14, resource
/// limits): the decompressed size (``DecompressionLimit``, `CAREACCESS_MAX_INPUT_BYTES`) and liblzma's decoder
/// memory (``XZ/decoderMemoryLimit``). The size limit is lowered explicitly so that the inputs stay small.
@Suite("hostile input: decompression limits")
struct DecompressionLimitTests {
    /// `count` zero bytes as an xz stream (a few hundred bytes per MiB).
    static func xzZeros(_ count: Int) throws -> [UInt8] {
        let input = [UInt8](repeating: 0, count: count)
        var out = [UInt8](repeating: 0, count: count / 100 + 4096)
        var written = 0
        let ret = input.withUnsafeBufferPointer { i in
            out.withUnsafeMutableBufferPointer { o in
                lzma_easy_buffer_encode(6, LZMA_CHECK_CRC64, nil, i.baseAddress, i.count, o.baseAddress, &written, o.count)
            }
        }
        try #require(ret == LZMA_OK)
        return Array(out[0..<written])
    }

    @Test func xzOutputBeyondTheLimitIsRefusedNamingTheFile() throws {
        let bomb = try Self.xzZeros(3 << 20)
        #expect(bomb.count < 10_000)
        #expect(throws: InputError(file: "communes.csv",
                                   message: "decompressed data exceeds the limit of 1 MiB (1048576 bytes); set CAREACCESS_MAX_INPUT_BYTES to raise it")) {
            _ = try XZ.decompress(bomb, file: "communes.csv", limit: DecompressionLimit(maximumBytes: 1 << 20))
        }
        // Exactly at the limit is accepted.
        #expect(try XZ.decompress(bomb, file: "communes.csv", limit: DecompressionLimit(maximumBytes: 3 << 20)).count == 3 << 20)
    }

    @Test func xzMagicInAFileNamedCSVIsBoundedToo() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("careaccess-xz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("communes.csv").path
        try Data(try Self.xzZeros(2 << 20)).write(to: URL(fileURLWithPath: path))
        #expect(throws: InputError(file: path,
                                   message: "decompressed data exceeds the limit of 1 MiB (1048576 bytes); set CAREACCESS_MAX_INPUT_BYTES to raise it")) {
            _ = try FileInput.bytes(path: path, limit: DecompressionLimit(maximumBytes: 1 << 20))
        }
    }

    @Test func legacyLzmaDeclaringAHugeDictionaryHitsTheDecoderMemoryLimit() {
        // .lzma ("lzma_alone") header: properties 0x5D, a 4 GiB − 1 dictionary, unknown size; then junk.
        let header: [UInt8] = [0x5D, 0xFF, 0xFF, 0xFF, 0xFF] + [UInt8](repeating: 0xFF, count: 8) + [UInt8](repeating: 0, count: 64)
        #expect(throws: InputError(file: "x.csv.lzma", message:
            "cannot decompress: the stream needs more decoder memory than the limit of 256 MiB (its dictionary is too large)")) {
            _ = try XZ.decompress(header, file: "x.csv.lzma")
        }
    }

    @Test func environmentOverrideIsAPositiveByteCount() {
        #expect(DecompressionLimit.current(environment: nil).maximumBytes == 1 << 30)
        #expect(DecompressionLimit.current(environment: "4096").maximumBytes == 4096)
        #expect(DecompressionLimit.current(environment: "0").maximumBytes == 1 << 30)
        #expect(DecompressionLimit.current(environment: "lots").maximumBytes == 1 << 30)
        #expect(DecompressionLimit(maximumBytes: 1 << 30).description == "1 GiB (1073741824 bytes)")
    }
}
