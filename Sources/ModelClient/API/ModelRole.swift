/// The job a model is asked to do; token usage is accounted per role.
///
/// The raw values are the names used in configuration files and ledgers.
public enum ModelRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// Turns an informal problem into a Lean statement.
    case formalizer
    /// Proposes variants (easier, harder, related) of a Lean statement.
    case variantGenerator = "variant_generator"
    /// Writes proofs of Lean statements.
    case prover
}
