/// The kernel verdict of an attempt, mirroring LeanVerify's `VerdictStatus` raw values.
/// Stored as its raw value in `attempts.verdict`.
public enum AttemptVerdict: String, Sendable, Hashable, Codable, CaseIterable {
    /// The kernel accepted the proof with no `sorry` and only standard axioms.
    case accepted
    /// Lean reported errors.
    case rejected
    /// The proof left goals or used `sorry`.
    case incomplete
    /// The proof broke the hygiene policy (changed the statement, used forbidden commands, …).
    case tampered
    /// The check ran out of time.
    case timeout
    /// The REPL process died during the check.
    case crashed

    /// Whether the verdict counts as a success.
    public var isAccepted: Bool { self == .accepted }
}
