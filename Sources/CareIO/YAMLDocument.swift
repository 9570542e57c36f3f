import CareKernel
import Foundation
import Yams

/// Typed, located access to a parsed YAML (or JSON) document: every error names the file, the line and the key.
package struct YAMLDocument {
    package let file: String

    package init(file: String) { self.file = file }

    /// The text of a YAML/JSON file and its folder (relative paths inside it are resolved from there).
    package static func read(path: String) throws(InputError) -> (text: String, directory: String) {
        let bytes = try FileInput.rawBytes(path: path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let bad = MessageText.firstInvalidUTF8(bytes) ?? 0
            let line = 1 + bytes[..<bad].lazy.filter { $0 == UInt8(ascii: "\n") }.count
            throw InputError(file: path, line: line, message: "not UTF-8 text (byte \(bad + 1) is \\x\(MessageText.hex(bytes[bad]))): save the file as UTF-8")
        }
        return (text, (path as NSString).deletingLastPathComponent)
    }

    package func parse(_ text: String) throws(InputError) -> Node {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let e as YamlError {
            throw InputError(file: file, line: Self.line(of: e), message: "not valid YAML/JSON: \(Self.describe(e))")
        } catch {
            throw InputError(file: file, message: "not valid YAML/JSON: \(error)")
        }
        guard let node else { throw InputError(file: file, line: 1, message: "empty file") }
        return node
    }

    package func error(_ node: Node?, _ key: String?, _ message: String) -> InputError {
        InputError(file: file, line: node?.mark?.line, field: key, message: message)
    }

    /// The mapping's entries keyed by string, rejecting unknown and duplicate keys.
    package func mapping(_ node: Node, allowed: Set<String>, context: String) throws(InputError) -> [String: (key: Node, value: Node)] {
        guard case .mapping(let m) = node else { throw error(node, nil, "\(context) must be a mapping of keys to values") }
        var out: [String: (key: Node, value: Node)] = [:]
        for (k, v) in m {
            guard let name = k.string else { throw error(k, nil, "keys must be text") }
            guard allowed.contains(name) else {
                throw error(k, name, "unknown key in \(context) (allowed: \(allowed.sorted().joined(separator: ", ")))")
            }
            guard out.updateValue((k, v), forKey: name) == nil else { throw error(k, name, "duplicate key") }
        }
        return out
    }

    package func string(_ entry: (key: Node, value: Node)?, _ key: String) throws(InputError) -> String? {
        guard let entry else { return nil }
        guard case .scalar(let s) = entry.value, !s.string.isEmpty else { throw error(entry.value, key, "expected text") }
        return s.string
    }

    package func double(_ entry: (key: Node, value: Node)?, _ key: String) throws(InputError) -> Double? {
        guard let entry else { return nil }
        guard case .scalar(let s) = entry.value, let v = Double(s.string), v.isFinite else {
            throw error(entry.value, key, "expected a finite number")
        }
        return v
    }

    package func bool(_ entry: (key: Node, value: Node)?, _ key: String) throws(InputError) -> Bool? {
        guard let entry else { return nil }
        guard case .scalar(let s) = entry.value, let v = ["true": true, "false": false, "yes": true, "no": false][s.string.lowercased()] else {
            throw error(entry.value, key, "expected true or false")
        }
        return v
    }

    package func int(_ entry: (key: Node, value: Node)?, _ key: String) throws(InputError) -> Int? {
        guard let entry else { return nil }
        guard case .scalar(let s) = entry.value, let v = Int(s.string) else { throw error(entry.value, key, "expected an integer") }
        return v
    }

    /// A mapping of text keys to finite numbers (e.g. shares by area code), rejecting duplicate keys.
    package func numbers(_ entry: (key: Node, value: Node)?, _ key: String) throws(InputError) -> [String: Double]? {
        guard let entry else { return nil }
        guard case .mapping(let m) = entry.value else { throw error(entry.value, key, "expected a mapping of codes to numbers") }
        var out: [String: Double] = [:]
        for (k, v) in m {
            guard let name = k.string, !name.isEmpty else { throw error(k, key, "keys must be text") }
            guard case .scalar(let s) = v, let x = Double(s.string), x.isFinite else {
                throw error(v, key, "\(name): expected a finite number")
            }
            guard out.updateValue(x, forKey: name) == nil else { throw error(k, key, "duplicate key \(name)") }
        }
        return out
    }

    package func strings(_ entry: (key: Node, value: Node)?, _ key: String) throws(InputError) -> [String]? {
        guard let entry else { return nil }
        switch entry.value {
        case .scalar(let s): return [s.string]
        case .sequence(let seq):
            var out: [String] = []
            for item in seq {
                guard case .scalar(let s) = item else { throw error(item, key, "expected a list of text values") }
                out.append(s.string)
            }
            return out
        default: throw error(entry.value, key, "expected text or a list")
        }
    }

    package static func line(of e: YamlError) -> Int? {
        switch e {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    package static func describe(_ e: YamlError) -> String {
        switch e {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        default: return "\(e)"
        }
    }
}
