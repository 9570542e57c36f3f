import CareIO
import CareReport
import CareStudy
import Foundation

/// The shard files of one sweep in a folder, checked as a set before anything is merged: one file for each
/// shard 0 … N−1 of the same sweep (same spec hash, engine and format version, same N, same context), each
/// complete. Anything else is refused with one line naming the file.
///
/// ```swift
/// let set = try SweepShardSet.open(directory: "out")     // throws "out: missing shards 3, 5 of 7 …"
/// print(set.context.taskCount)
/// ```
/// Complexity: O(shards + context size); the records are read by the merge.
struct SweepShardSet {
    let directory: String
    let context: SweepContext
    /// Readers in shard order (index K at position K).
    let readers: [SweepShardReader]

    static func open(directory: String) throws(InputError) -> SweepShardSet {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
                .filter { $0.hasSuffix(".casweep") && !$0.hasPrefix(".") }.sorted()
        } catch {
            throw InputError(file: directory, message: "cannot list the folder: \(FileInput.reason(error))")
        }
        guard !names.isEmpty else {
            throw InputError(file: directory, message: "no shard files (*.casweep): run careaccess sweep SPEC --shard K/N --out \(directory) first")
        }
        let readers = try names.map { (name) throws(InputError) in try SweepShardReader(path: directory + "/" + name) }
        let first = readers[0]
        for r in readers {
            guard r.formatVersion == UInt64(SweepEngine.formatVersion), r.engineVersion == SweepEngine.engineVersion else {
                throw InputError(file: r.path, message: "written by \(r.engineVersion) (shard format \(r.formatVersion)); this build is \(SweepEngine.engineVersion) (format \(SweepEngine.formatVersion)): run that shard again with this build")
            }
            guard r.specHash == first.specHash else {
                throw InputError(file: r.path, message: "spec hash \(r.specHash) differs from \(first.path)'s \(first.specHash): shards of another sweep spec or other data")
            }
            guard r.count == first.count else {
                throw InputError(file: r.path, message: "a shard of \(r.count) beside shards of \(first.count) (\(first.path)): shards of two runs with different N are mixed")
            }
            if let (k, n) = Self.parseName((r.path as NSString).lastPathComponent), k != r.shard || n != r.count {
                throw InputError(file: r.path, message: "its name says shard \(k) of \(n) but it holds shard \(r.shard) of \(r.count) (renamed?)")
            }
            guard r.count >= 1, r.count <= SweepShard.maximumCount, r.shard >= 0, r.shard < r.count, r.taskCount == first.taskCount else {
                throw InputError(file: r.path, message: "damaged shard file: shard \(r.shard) of \(r.count), \(r.taskCount) tasks")
            }
            guard r.contextBytes == first.contextBytes else {
                throw InputError(file: r.path, message: "its sweep context differs from \(first.path)'s under the same spec hash: run the shards with one build")
            }
        }
        var byIndex = [SweepShardReader?](repeating: nil, count: first.count)
        for r in readers {
            if let other = byIndex[r.shard] {
                throw InputError(file: directory, message: "duplicated shard \(r.shard) of \(r.count): \(other.path) and \(r.path)")
            }
            byIndex[r.shard] = r
        }
        let missing = byIndex.indices.filter { byIndex[$0] == nil }
        guard missing.isEmpty else {
            let list = missing.prefix(10).map(String.init).joined(separator: ", ") + (missing.count > 10 ? ", … (\(missing.count) in all)" : "")
            throw InputError(file: directory, message: "missing shard\(missing.count > 1 ? "s" : "") \(list) of \(first.count): run them with --shard K/\(first.count) --out \(directory)")
        }
        let context = try SweepContext.decode(first.contextBytes, file: first.path)
        guard context.specHash == first.specHash, context.taskCount == first.taskCount else {
            throw InputError(file: first.path, message: "damaged shard file: its context does not match its header")
        }
        let ordered = byIndex.compactMap { $0 }
        for r in ordered {
            let expected = r.shard < context.taskCount ? (context.taskCount - r.shard + r.count - 1) / r.count : 0
            guard r.recordCount == expected else {
                throw InputError(file: r.path, message: "holds \(r.recordCount) tasks, shard \(r.shard) of \(r.count) has \(expected)")
            }
        }
        return SweepShardSet(directory: directory, context: context, readers: ordered)
    }

    /// `shard-K-of-N.casweep` → (K, N).
    static func parseName(_ name: String) -> (Int, Int)? {
        guard name.hasPrefix("shard-"), name.hasSuffix(".casweep") else { return nil }
        let core = name.dropFirst("shard-".count).dropLast(".casweep".count)
        let parts = core.components(separatedBy: "-of-")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else { return nil }
        return (k, n)
    }

    /// The result of task `t` (tasks must be asked for in increasing order: each shard is read once, in order).
    func result(_ t: Int) throws(InputError) -> SweepTaskResult {
        let reader = readers[t % readers.count]
        guard let r = try reader.next(communes: context.communes.count) else {
            throw InputError(file: reader.path, message: "damaged shard file: ends before task \(t)")
        }
        guard r.task == t else { throw InputError(file: reader.path, message: "damaged shard file: holds task \(r.task) where task \(t) belongs") }
        return r
    }
}
