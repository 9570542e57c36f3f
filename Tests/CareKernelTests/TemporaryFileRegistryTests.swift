import Testing

@testable import CareKernel

/// The process-wide list of live temporaries that the signal handlers remove.
struct TemporaryFileRegistryTests {
    @Test func registeredUntilUnregistered() {
        let path = "/tmp/.careaccess-registry-\(UInt32.random(in: 0...UInt32.max)).tmp-1"
        #expect(TemporaryFileRegistry.shared.register(path))
        #expect(TemporaryFileRegistry.shared.registered.contains(path))
        TemporaryFileRegistry.shared.unregister(path)
        #expect(!TemporaryFileRegistry.shared.registered.contains(path))
        TemporaryFileRegistry.shared.unregister(path)  // twice: no effect
    }

    @Test func aPathTooLongForTheSignalBufferIsNotTracked() {
        let path = "/tmp/" + String(repeating: "x", count: TemporaryFileRegistry.maxPathBytes)
        #expect(!TemporaryFileRegistry.shared.register(path))
        #expect(!TemporaryFileRegistry.shared.registered.contains(path))
    }
}
