/// Where a formalization came from. Stored as its raw value in `formalizations.source`.
public enum FormalizationSource: String, Sendable, Hashable, Codable, CaseIterable {
    /// Written by a language model (autoformalization or a model-made variant).
    case model
    /// Made by a symbolic mutation of another statement.
    case symbolic
    /// Taken as is from a corpus (for example miniF2F's formal statements).
    case corpus
}
