public import LeanSource

/// A statement parsed and made ready for verification: exactly one declaration, modifiers dropped, an
/// `example` turned into a theorem with a fresh unique name, and the proof mode its ending asks for.
public struct PreparedStatement: Sendable, Hashable {
    /// The declaration as the verifier will render it (keyword, name, binders, conclusion; no body).
    public var declaration: LeanDeclaration
    /// The name to print axioms of and to type-check.
    public var theoremName: String
    /// Whether the statement ended in `:= by` (tactic) or `:=` (term).
    public var mode: ProofMode

    /// Creates a prepared statement.
    public init(declaration: LeanDeclaration, theoremName: String, mode: ProofMode) {
        self.declaration = declaration
        self.theoremName = theoremName
        self.mode = mode
    }
}
