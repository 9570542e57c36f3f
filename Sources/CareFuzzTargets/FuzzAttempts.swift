/// The outcomes of one fuzz input's reads (a target may read the input several ways): each read is attempted,
/// and the input's outcome is the first violation, else the first rejection, else acceptance.
struct FuzzAttempts {
    private var outcomes: [FuzzOutcome] = []

    /// Runs one read: `.accepted` if it returns, its error's message checked (``FuzzOutcome/checking(_:)``) if it throws.
    mutating func attempt(_ body: () throws -> Void) {
        do {
            try body()
            outcomes.append(.accepted)
        } catch {
            outcomes.append(FuzzOutcome.checking(String(describing: error)))
        }
    }

    /// The first violation, else the first rejection, else `.accepted`.
    var outcome: FuzzOutcome {
        outcomes.first(where: \.isViolation) ?? outcomes.first(where: { $0 != .accepted }) ?? .accepted
    }
}
