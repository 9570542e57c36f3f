/// Refuses a run whose output would replace one of its inputs (issue 14: `coverage --supply gp.csv --out gp.csv`
/// must not destroy `gp.csv`). Every command that writes calls it before writing anything (most before reading).
///
/// Paths are compared as ``FileIdentity``: resolved (standardised, symbolic links followed) and, when both exist,
/// by device and inode (hard links).
///
/// ```swift
/// try OutputPathCheck.refuseOverwrite(outputs: [("--out", out)], inputs: [("--supply", supply)])
/// // gp.csv: --out is the same file as the input --supply: refused (the input is left unchanged)
/// ```
public enum OutputPathCheck {
    /// A command-line option (`--out`) and the path it was given, `nil` when absent.
    public typealias Named = (option: String, path: String?)

    /// A CSV output and the metadata file written beside it (``CSVMetadata``), both under `option`.
    public static func csv(_ option: String, _ path: String?) -> [Named] {
        [(option, path), (option, path.map { CSVMetadata.path(besides: $0) })]
    }

    /// Throws an ``OutputError`` naming the first output option whose file is also an input, and that input's option.
    public static func refuseOverwrite(outputs: [Named], inputs: [Named]) throws(OutputError) {
        let given = inputs.compactMap { i in i.path.map { (option: i.option, identity: FileIdentity(path: $0)) } }
        guard !given.isEmpty else { return }
        for o in outputs {
            guard let path = o.path else { continue }
            let identity = FileIdentity(path: path)
            if let input = given.first(where: { $0.identity.isSameFile(as: identity) }) {
                throw OutputError(file: path, message: "\(o.option) is the same file as the input \(input.option): refused (the input is left unchanged)")
            }
        }
    }
}
