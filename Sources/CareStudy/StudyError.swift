/// A study specification that cannot run as given, in words that name the option or key at fault (e.g.
/// `--budget: candidate 08001 has no cost: give a cost column in --candidates or --site-cost`).
public struct StudyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, naming the option or key.
    public var message: String
    /// Creates an error with `message`.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}
