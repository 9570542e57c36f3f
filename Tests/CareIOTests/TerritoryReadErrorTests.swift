import CareTestSupport
import Testing

@testable import CareIO

/// The territory file read through the kernel's BinaryReader: truncated and corrupt files give the format's
/// one-line errors, naming the file and the byte.
struct TerritoryReadErrorTests {
    @Test func truncatedAndCorruptFilesGiveOneLineErrors() throws {
        let bytes = TerritoryBinary.encode(try TestTerritory.make())
        // The header alone, resealed: the first commune's code length is missing at byte 16.
        let headerOnly = TerritoryBinary.resealed(Array(bytes[..<16]) + [UInt8](repeating: 0, count: 8))
        #expect(throws: InputError(file: "t.catr", message: "truncated: needed 2 bytes at byte 16")) {
            _ = try TerritoryBinary.decode(headerOnly, file: "t.catr")
        }
        // Cut anywhere and resealed: always an InputError on one line, never a trap.
        for cut in stride(from: 20, to: bytes.count - 8, by: 7) {
            let crafted = TerritoryBinary.resealed(Array(bytes[..<cut]) + [UInt8](repeating: 0, count: 8))
            do {
                _ = try TerritoryBinary.decode(crafted, file: "t.catr")
                Issue.record("a file cut at byte \(cut) was read")
            } catch {
                #expect(error.file == "t.catr" && !error.description.contains("\n"))
            }
        }
        var badMagic = bytes
        badMagic[0] = UInt8(ascii: "X")
        #expect(throws: InputError(file: "t.catr", message: "not a CareAccess territory file (bad magic)")) {
            _ = try TerritoryBinary.decode(badMagic, file: "t.catr")
        }
        #expect(throws: InputError(file: "t.catr", message: "not a CareAccess territory file (bad magic)")) {
            _ = try TerritoryBinary.decode(Array(bytes[..<19]), file: "t.catr")
        }
        var flipped = bytes
        flipped[40] ^= 0x04
        #expect(throws: InputError(file: "t.catr", message: "checksum mismatch: the file is truncated or corrupt")) {
            _ = try TerritoryBinary.decode(flipped, file: "t.catr")
        }
    }
}
