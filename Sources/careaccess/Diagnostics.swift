import ArgumentParser
import CareIO
import CareModel
import Foundation

enum Diagnostics {
    /// Import repairs and unknown codes go to stderr, so that stdout stays the result.
    static func printImportNotes(_ study: Study) {
        if let report = study.territoryReport {
            for line in report.summaryLines() { eprint("territory: repaired/noted \(line)") }
        }
        if !study.supply.unknownCodes.isEmpty {
            let codes = study.supply.unknownCodes.prefix(50).map { "\($0.code) (line \($0.line), \(Int($0.gps)) GPs)" }
            let more = study.supply.unknownCodes.count - codes.count
            eprint("supply: \(study.supply.unknownCodes.count) codes unknown to the territory, not placed: \(codes.joined(separator: ", "))\(more > 0 ? ", … and \(more) more" : "")")
        }
        let mapped = study.supply.report.entries(of: .codeMappedToParent).count
        if mapped > 0 { eprint("supply: \(mapped) codes of communes déléguées/associées mapped to their parent commune") }
    }
}

func eprint(_ s: String) {
    FileHandle.standardError.write(Data((s + "\n").utf8))
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
            eprint("error: \(error)")
            throw ExitCode(1)
        }
    }
}
