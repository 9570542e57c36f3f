internal import CProj

/// The PROJ objects themselves; destroys them when dropped.
struct ProjState: ~Copyable {
    let context: OpaquePointer
    let pj: OpaquePointer
    /// Receives PROJ's log messages (kept alive as long as the context).
    let log: ProjLog

    deinit {
        proj_destroy(pj)
        proj_context_destroy(context)
    }

    /// PROJ's message for `code`, enriched with the last logged error (which is often more precise).
    static func describe(code: Int32, context: OpaquePointer, log: ProjLog) -> String {
        var parts: [String] = []
        if let logged = log.last { parts.append(logged) }
        if code != 0, let text = proj_context_errno_string(context, code) {
            parts.append(String(cString: text))
        }
        if parts.isEmpty { parts.append("PROJ returned a non-finite coordinate") }
        return parts.joined(separator: " — ")
    }
}
