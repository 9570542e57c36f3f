import CLibFuzzer
import CareFuzzTargets

/// libFuzzer's callback for ``FuzzTarget/zones``.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    FuzzTarget.zones.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}

/// The executable's entry (SwiftPM aliases `main` to it): the shared context loaded outside any input's
/// time limit, then libFuzzer's driver with its usual options.
@_cdecl("fuzz_zones_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzTarget.zones.prepare()
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzOneInput)
}
