import CareKernel
import CareModel

/// Reads an origin–destination travel-time matrix, CSV `origin,destination,minutes` keyed by INSEE commune
/// codes (as national *distanciers* export), into an ``ODMatrixModel`` over the territory's communes.
///
/// ```swift
/// let model = try ODMatrixReader.read(path: "od.csv", territory: territory, symmetric: true)
/// ```
/// - Codes resolve with `Territory.index(ofCode:)` (one alias hop: a commune déléguée maps to its parent).
/// - `symmetric`: each pair also gives the reverse direction, unless the file states the reverse itself
///   (with the same minutes — different minutes are an error in symmetric mode).
/// - `selfPairsZero` (default on): a commune reaches a site located at its own point in 0 minutes unless the
///   file says otherwise (distanciers usually omit the diagonal).
/// - Places resolve to communes by their point: commune points, and BPE sites which sit on commune points.
///   Other places (practitioners with their own coordinates) are unreachable in the matrix.
///
/// Errors name the file, line and field: missing column, unknown commune code, minutes not a finite
/// number ≥ 0, duplicate pair. Complexity: O(rows log rows).
public enum ODMatrixReader {
    /// Reads the matrix file at `path` (plain or xz-compressed) and builds the model as
    /// ``parse(bytes:file:territory:symmetric:selfPairsZero:)`` does.
    public static func read(path: String, territory: Territory, symmetric: Bool = false,
                            selfPairsZero: Bool = true) throws(InputError) -> ODMatrixModel {
        try parse(bytes: try FileInput.bytes(path: path), file: path, territory: territory, symmetric: symmetric,
                  selfPairsZero: selfPairsZero)
    }

    /// The travel-time model of the `origin,destination,minutes` table in `bytes` (`,`, `;` or tab separated),
    /// minutes being drive times in minutes (finite, ≥ 0); pairs absent from the file are unreachable.
    ///
    /// Throws an ``InputError`` naming `file`, the line and the column for a missing column, an unknown commune
    /// code (with a hint for a code a spreadsheet cut), minutes that are not a finite number ≥ 0, a pair given
    /// twice, or (with `symmetric`) a reverse pair with other minutes.
    public static func parse(bytes: [UInt8], file: String, territory: Territory, symmetric: Bool = false,
                             selfPairsZero: Bool = true) throws(InputError) -> ODMatrixModel {
        var table = try CSVTableReader(bytes: bytes, file: file, required: ["origin", "destination", "minutes"])
        let oc = try table.columnIndex("origin"), dc = try table.columnIndex("destination"), mc = try table.columnIndex("minutes")
        // (origin, destination) → (minutes, line, explicit)
        var pairs: [UInt64: (minutes: Double, line: Int, explicit: Bool)] = [:]
        func key(_ o: Int, _ d: Int) -> UInt64 { UInt64(o) << 32 | UInt64(d) }
        while try table.next() {
            let origin = try table.nonEmptyString(oc), destination = try table.nonEmptyString(dc)
            guard let o = territory.index(ofCode: origin) else {
                throw InputError(file: file, line: table.line, field: "origin", message: "unknown commune code '\(MessageText.value(origin))'" + territory.hint(forUnknownCode: origin))
            }
            guard let d = territory.index(ofCode: destination) else {
                throw InputError(file: file, line: table.line, field: "destination", message: "unknown commune code '\(MessageText.value(destination))'" + territory.hint(forUnknownCode: destination))
            }
            let minutes = try table.double(mc)
            guard minutes >= 0 else { throw InputError(file: file, line: table.line, field: "minutes", message: "\(minutes) is negative") }
            if let seen = pairs[key(o, d)] {
                if seen.explicit {
                    throw InputError(file: file, line: table.line, message: "duplicate pair \(origin) → \(destination) (first at line \(seen.line))")
                }
                if seen.minutes != minutes {
                    throw InputError(file: file, line: table.line, field: "minutes",
                                     message: "\(origin) → \(destination) is \(minutes) min but line \(seen.line) gives \(seen.minutes) min the other way (symmetric matrix)")
                }
            }
            pairs[key(o, d)] = (minutes, table.line, true)
            if symmetric, o != d {
                if let back = pairs[key(d, o)] {
                    if back.minutes != minutes {
                        throw InputError(file: file, line: table.line, field: "minutes",
                                         message: "\(origin) → \(destination) is \(minutes) min but line \(back.line) gives \(back.minutes) min the other way (symmetric matrix)")
                    }
                } else {
                    pairs[key(d, o)] = (minutes, table.line, false)
                }
            }
        }
        if selfPairsZero {
            for i in territory.communes.indices where pairs[key(i, i)] == nil { pairs[key(i, i)] = (0, 0, false) }
        }
        let entries = pairs.map { ODMatrixModel.Entry(origin: Int32($0.key >> 32), destination: Int32($0.key & 0xFFFF_FFFF), minutes: $0.value.minutes) }
        var keyOfPlace: [Place: Int32] = [:]
        for (i, c) in territory.communes.enumerated() where keyOfPlace[c.place] == nil { keyOfPlace[c.place] = Int32(i) }
        do {
            return try ODMatrixModel(entries: entries, keyCount: territory.count, keyOfPlace: keyOfPlace,
                                     name: "\(file) (\(table.recordsRead) rows\(symmetric ? ", symmetric" : ""))")
        } catch { throw InputError(file: file, message: "\(error)") }
    }
}
