import ArgumentParser
import CareIO
import CareReport
import CareStudy
import CareKernel
import CareModel
import Foundation

enum Diagnostics {
    /// Import repairs and unknown codes go to stderr, so that stdout stays the result.
    static func printImportNotes(_ study: Study) {
        if let report = study.territoryReport {
            for line in report.summaryLines() { eprint("territory: repaired/noted \(line)") }
        }
        if !study.supply.unknownCodes.isEmpty {
            let codes = study.supply.unknownCodes.prefix(50).map { "\(MessageText.value($0.code)) (line \($0.line), \(Int($0.gps)) \(study.supply.unitsNoun))" }
            let more = study.supply.unknownCodes.count - codes.count
            eprint("supply: \(study.supply.unknownCodes.count) codes unknown to the territory, not placed: \(codes.joined(separator: ", "))\(more > 0 ? ", … and \(more) more" : "")")
        }
        let mapped = study.supply.report.entries(of: .codeMappedToParent).count
        if mapped > 0 { eprint("supply: \(mapped) codes of communes déléguées/associées mapped to their parent commune") }
    }
}

/// Writes one line on stderr; control characters in `s` (from file contents, codes, names) are escaped, so one
/// call is always one line (``CareKernel/MessageText/oneLine(_:)``).
func eprint(_ s: String) {
    FileHandle.standardError.write(Data((MessageText.oneLine(s) + "\n").utf8))
}

enum CLIErrors {
    /// Runs `body`; input and model errors print one clear line on stderr and exit with status 1.
    static func exitOnFailure(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let e as InputError {
            eprint("error: \(e)")
            throw ExitCode(1)
        } catch let e as OutputError {
            eprint("error: \(e)")
            throw ExitCode(1)
        } catch let e as ModelError {
            eprint("error: \(e)")
            throw ExitCode(1)
        } catch let e as ExitCode {
            throw e
        } catch {
            eprint("error: \(CLIErrors.describe(error))")
            throw ExitCode(1)
        }
    }

    /// One line for an error no layer has worded: a Foundation error as its (underlying) reason, not the
    /// `Error Domain=… UserInfo={…}` dump; anything else as it describes itself. `eprint` escapes the rest.
    static func describe(_ error: any Error) -> String {
        let text = String(describing: error)
        return text.hasPrefix("Error Domain=") ? FileInput.reason(error) : text
    }
}
