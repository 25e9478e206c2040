/// What an attempt tried to establish. Stored as its raw value in `attempts.kind`.
public enum AttemptKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Prove the statement.
    case prove
    /// Prove the negation of the statement.
    case disprove
    /// Prove `False` from the hypotheses (vacuity probe).
    case vacuity
    /// Prove the conclusion without the hypotheses (triviality probe).
    case triviality
    /// Find a shorter proof of an already proved statement.
    case shorten
}
