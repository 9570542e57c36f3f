#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The number of online processor cores, as reported by `sysconf(_SC_NPROCESSORS_ONLN)`.
///
/// ```swift
/// let threads = CoreCount.online   // e.g. 2
/// ```
///
/// Complexity: O(1) (one system call).
enum CoreCount {
    /// Online cores, at least 1.
    static var online: Int {
        #if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
        let n = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return n > 0 ? Int(n) : 1
        #else
        return 1
        #endif
    }
}
