/// One message Lean reported while checking a proof, with its position mapped into the proof text.
///
/// Positions follow Lean's convention: `line` is 1-based, `column` is 0-based and counts Unicode scalars.
/// When ``location`` is ``Location/proof`` they are relative to the proof text the caller passed
/// (after CRLF → LF normalization); otherwise they are relative to the command the verifier built, and
/// ``isInsideProof`` is false.
public struct VerdictError: Sendable, Hashable, Codable {
    /// Where the message points.
    public enum Location: String, Sendable, Hashable, Codable {
        /// Inside the caller's proof text; positions are the proof's own.
        case proof
        /// In the statement part of the theorem command (for example "unsolved goals" at `by`).
        case statement
        /// In the separate `#print axioms` command.
        case axiomsCheck = "axioms-check"
        /// In the separate type-check command `example : T := @NAME`.
        case typeCheck = "type-check"
        /// Lean gave no usable position.
        case unknown
    }

    /// Lean's severity, such as `"error"` or `"warning"`.
    public var severity: String
    /// Lean's message text.
    public var message: String
    /// Where the message points.
    public var location: Location
    /// Start line (1-based), or nil without a position.
    public var line: Int?
    /// Start column (0-based, Unicode scalars), or nil without a position.
    public var column: Int?
    /// End line, when Lean gave one.
    public var endLine: Int?
    /// End column, when Lean gave one.
    public var endColumn: Int?

    /// Creates an error record.
    public init(
        severity: String, message: String, location: Location,
        line: Int? = nil, column: Int? = nil, endLine: Int? = nil, endColumn: Int? = nil
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
    }

    /// True when the position lies inside the caller's proof text.
    public var isInsideProof: Bool { location == .proof }
}

extension VerdictError {
    /// The same error with its lines moved by `offset` (never below line 1).
    func shifted(by offset: Int) -> VerdictError {
        guard offset != 0 else { return self }
        var error = self
        error.line = line.map { max($0 + offset, 1) }
        error.endLine = endLine.map { max($0 + offset, 1) }
        return error
    }
}
