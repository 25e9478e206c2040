/// The answer to "is this statement well-formed Lean?".
public struct StatementCheck: Sendable, Hashable, Codable {
    /// Whether the statement is usable.
    public enum Status: String, Sendable, Hashable, Codable {
        /// The statement elaborated (closed with `sorry`) without error.
        case wellFormed = "well-formed"
        /// Lean reported errors, or the statement is not one declaration / hides commands.
        case illFormed = "ill-formed"
        /// Lean did not answer in time.
        case timeout
        /// The REPL failed; nothing is known about the statement.
        case crashed
    }

    /// The outcome.
    public var status: Status
    /// Why, in one sentence.
    public var reason: String
    /// Lean's first errors; positions are lines/columns of the checked command, which is the statement
    /// rendered on its own lines (``command``), location ``VerdictError/Location/statement``.
    public var errors: [VerdictError]
    /// The command that was elaborated (the statement closed with `by sorry`), when one was built.
    public var command: String?
    /// Wall-clock time of the check, in milliseconds.
    public var elapsedMilliseconds: Double

    /// Creates a check result.
    public init(status: Status, reason: String, errors: [VerdictError] = [], command: String? = nil, elapsedMilliseconds: Double = 0) {
        self.status = status
        self.reason = reason
        self.errors = errors
        self.command = command
        self.elapsedMilliseconds = elapsedMilliseconds
    }

    /// True only for ``Status/wellFormed``.
    public var isWellFormed: Bool { status == .wellFormed }
}
