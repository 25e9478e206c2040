/// How an attempt searched for a proof. Stored as its raw value in `attempts.strategy`.
public enum AttemptStrategy: String, Sendable, Hashable, Codable, CaseIterable {
    /// A single automation tactic (`omega`, `nlinarith`, `decide`, …).
    case automation
    /// A whole proof written by a model.
    case wholeProof = "whole_proof"
    /// A model's repair of a failed proof, given the error.
    case repair
    /// Step-wise search over tactic states.
    case search
}
