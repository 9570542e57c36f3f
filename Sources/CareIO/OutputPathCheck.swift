import Foundation

/// Refuses a run whose output would replace one of its inputs (issue 14: `coverage --supply gp.csv --out gp.csv`
/// must not destroy `gp.csv`). Every command that writes calls it before writing anything (most before reading).
///
/// Paths are compared as ``FileIdentity``: resolved (standardised, symbolic links followed) and, when both exist,
/// by device and inode (hard links).
///
/// It also refuses an output that is a directory, a symbolic link or a device (or other special file), and
/// standard output (`-`, `/dev/stdout`): replacing those by rename would destroy a folder or a link, or write
/// nowhere useful (``refuseKind(option:path:)``).
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
    /// Then throws for the first output that is not a regular file or a new path (``refuseKind(option:path:)``).
    public static func refuseOverwrite(outputs: [Named], inputs: [Named]) throws(OutputError) {
        let given = inputs.compactMap { i in i.path.map { (option: i.option, identity: FileIdentity(path: $0)) } }
        if !given.isEmpty {
            for o in outputs {
                guard let path = o.path else { continue }
                let identity = FileIdentity(path: path)
                if let input = given.first(where: { $0.identity.isSameFile(as: identity) }) {
                    throw OutputError(file: path, message: "\(o.option) is the same file as the input \(input.option): refused (the input is left unchanged)")
                }
            }
        }
        for o in outputs {
            if let path = o.path { try refuseKind(option: o.option, path: path) }
        }
    }

    /// Throws when `path` names standard output or an existing directory, symbolic link, device, FIFO or socket
    /// (the link itself is examined, not its target); a regular file or a path that does not exist passes.
    /// `option` names the option in the message (`out.csv: --out is a symbolic link: refused …`).
    public static func refuseKind(option: String?, path: String) throws(OutputError) {
        let subject = option.map { $0 + " " } ?? ""
        if path == "-" || path == "/dev/stdout" {
            throw OutputError(file: path, message: "\(subject)cannot be standard output: refused (give a file path)")
        }
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFLNK:
            throw OutputError(file: path, message: "\(subject)is a symbolic link: refused (write to its target path instead)")
        case S_IFDIR:
            throw OutputError(file: path, message: "\(subject)is a directory: refused (give a file path)")
        default:
            throw OutputError(file: path, message: "\(subject)is a device or special file, not a regular file: refused")
        }
    }
}
