import Foundation

/// Where a path really leads: the path made absolute, standardised (`.`, `..`, repeated `/`) and with its
/// symbolic links resolved (those of the folder when the file does not exist yet), plus the device and inode
/// of the file when it exists, so that two hard links to one file are recognised too.
///
/// ```swift
/// FileIdentity(path: "./gp.csv").isSameFile(as: FileIdentity(path: "/work/gp.csv"))   // true in /work
/// ```
public struct FileIdentity: Sendable, Hashable {
    /// The absolute path with `.`, `..` and symbolic links resolved.
    public let resolvedPath: String
    /// Device and inode of the existing file, `nil` when there is none (yet).
    public let fileID: FileID?

    /// Device and inode numbers (`stat`).
    public struct FileID: Sendable, Hashable {
        /// The device holding the file (`st_dev`).
        public let device: UInt64
        /// The file's inode number on that device (`st_ino`).
        public let inode: UInt64
    }

    /// The identity of `path` (relative paths are taken from the current directory); never fails: a path that does
    /// not exist has a resolved path and no ``fileID``.
    public init(path: String) {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        resolvedPath = Self.resolve(absolute)
        var info = stat()
        fileID = stat(absolute.path, &info) == 0 ? FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)) : nil
    }

    /// `true` when both name one file: the same resolved path, or the same device and inode.
    public func isSameFile(as other: FileIdentity) -> Bool {
        if resolvedPath == other.resolvedPath { return true }
        if let a = fileID, let b = other.fileID { return a == b }
        return false
    }

    /// `realpath` of the path, else of its nearest existing folder with the rest appended.
    static func resolve(_ url: URL) -> String {
        if let real = realPath(url.path) { return real }
        let parent = url.deletingLastPathComponent()
        guard parent.path != url.path else { return url.path }
        let base = resolve(parent)
        return (base.hasSuffix("/") ? base : base + "/") + url.lastPathComponent
    }

    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }
}
