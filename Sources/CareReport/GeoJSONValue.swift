import CareIO
import CareStudy
/// One property value of a GeoJSON feature. Non-finite reals are written as `null` (JSON has no NaN or
/// Infinity), so an unreachable commune's `+infinity` minutes become `null`.
///
/// ```swift
/// let v: GeoJSONValue = .real(.infinity)   // written as null
/// let site: GeoJSONValue = .string(nil)    // null too: a missing string keeps the field a string field
/// ```
public enum GeoJSONValue: Sendable, Hashable {
    /// A string property; `nil` is written as `null`.
    case string(String?)
    /// An integer property; `nil` is written as `null`.
    case integer(Int?)
    /// A real property; `nil` and non-finite values are written as `null`.
    case real(Double?)
    /// A boolean property; `nil` is written as `null`.
    case boolean(Bool?)

    /// The field kind this value belongs to.
    public var kind: GeoJSONField.Kind {
        switch self {
        case .string: return .string
        case .integer: return .integer
        case .real: return .real
        case .boolean: return .boolean
        }
    }

    /// Writes the JSON form: reals always with a `.` or an exponent (`5.0`, `1e-07`) so that readers such as
    /// GDAL type the field as real even when a value happens to be whole.
    ///
    /// Complexity: O(length of the value).
    func write(to out: inout GeoJSONOutputStream) throws(OutputError) {
        switch self {
        case .string(let s?): try out.writeJSONString(s)
        case .integer(let i?): try out.write(String(i))
        case .real(let d?) where d.isFinite: try out.write(d.description)
        case .boolean(let b?): try out.write(b ? "true" : "false")
        default: try out.write("null")
        }
    }
}
