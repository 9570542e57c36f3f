import CareKernel
import CareFixtures
import CareModel
import Foundation

/// Reads and writes the JSON file of a calibrated travel model (format in `docs/travel-model.md`), and
/// locates the model shipped with the package: INSEE METRIC drive times (DREES 2019), produced by
/// `Scripts/make-travel-model.sh`.
///
/// ```swift
/// let parameters = try CalibratedModelFile.load(path: nil)            // the shipped METRIC model
/// try CalibratedModelFile.write(parameters, to: "model.json")
/// ```
/// Every field is checked after decoding (``CalibratedParameters/problem()``): a file that decodes is not
/// yet a usable model. Complexity: O(file size).
public enum CalibratedModelFile {
    /// Largest model file read, bytes (the shipped one is about 100 kB).
    public static let maximumBytes = 32 << 20

    /// The shipped model's path inside the built package.
    public static func embeddedPath() throws(InputError) -> String {
        do {
            return try EmbeddedFixture.travelModelPath()
        } catch {
            throw InputError(file: "metric-2019.json", message: error.description)
        }
    }

    /// Loads the model at `path`, or the shipped METRIC model when `path` is `nil`.
    public static func load(path: String?) throws(InputError) -> CalibratedParameters {
        let file: String
        if let path { file = path } else { file = try embeddedPath() }
        let data: Data
        do {
            let size = try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int ?? 0
            guard size <= maximumBytes else {
                throw InputError(file: file, message: "\(size) bytes is too large for a travel model (at most \(maximumBytes))")
            }
            data = Data(try FileInput.rawBytes(path: file, limit: DecompressionLimit(maximumBytes: maximumBytes)))
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(file: file, message: "cannot read file: \(FileInput.reason(error))")
        }
        return try decode(data, file: file)
    }

    /// Decodes and checks a model.
    public static func decode(_ data: Data, file: String) throws(InputError) -> CalibratedParameters {
        let parameters: CalibratedParameters
        do {
            parameters = try JSONDecoder().decode(CalibratedParameters.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw InputError(file: file, field: (context.codingPath + [key]).map(\.stringValue).joined(separator: "."), message: "missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
                let DecodingError.dataCorrupted(context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw InputError(file: file, field: path.isEmpty ? nil : path, message: "not a CareAccess travel model: \(context.debugDescription)")
        } catch {
            throw InputError(file: file, message: "not a CareAccess travel model: \(error)")
        }
        if let problem = parameters.problem() { throw InputError(file: file, message: problem) }
        return parameters
    }

    /// The JSON text of a model: keys sorted, arrays of numbers on one line (stable, diff-friendly).
    public static func encode(_ parameters: CalibratedParameters) throws(OutputError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let text: String
        do {
            text = String(decoding: try encoder.encode(parameters), as: UTF8.self)
        } catch {
            throw OutputError(file: "", message: "cannot encode the travel model: \(error)")
        }
        return collapseNumberArrays(text) + "\n"
    }

    /// Writes the model's JSON (``encode(_:)``) to `path` atomically (``OutputTransaction``); throws an
    /// ``OutputError`` naming `path` when it cannot be encoded, staged or renamed into place.
    public static func write(_ parameters: CalibratedParameters, to path: String) throws(OutputError) {
        var transaction = OutputTransaction()
        try stage(parameters, to: path, in: &transaction)
        try transaction.commit()
    }

    /// Stages the model file in `transaction`.
    public static func stage(_ parameters: CalibratedParameters, to path: String, in transaction: inout OutputTransaction) throws(OutputError) {
        do {
            try transaction.stage(try encode(parameters), to: path)
        } catch {
            throw OutputError(file: path, message: error.message)
        }
    }

    /// Puts every array whose elements are all numbers on one line.
    static func collapseNumberArrays(_ text: String) -> String {
        var out: [Substring] = []
        var pending: [Substring] = []
        var inArray = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if inArray {
                if trimmed == "]" || trimmed == "]," {
                    let head = pending[0]
                    let items = pending.dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
                    out.append(Substring(head + items.joined(separator: " ") + trimmed))
                    pending = []
                    inArray = false
                } else if trimmed.first.map({ $0.isNumber || $0 == "-" }) == true {
                    pending.append(line)
                } else {
                    out += pending
                    out.append(line)
                    pending = []
                    inArray = false
                }
            } else if trimmed.hasSuffix("[") {
                pending = [line]
                inArray = true
            } else {
                out.append(line)
            }
        }
        out += pending
        return out.joined(separator: "\n")
    }
}
