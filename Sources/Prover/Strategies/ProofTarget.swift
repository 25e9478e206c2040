public import LeanSource
public import Ledger

/// A statement to prove: the formalization it belongs to, its header, the declaration and why.
public struct ProofTarget: Sendable, Hashable {
    /// The formalization the attempts are recorded against.
    public var formalizationID: String
    /// The Lean header (imports, opens) the statement needs.
    public var header: String
    /// The declaration to prove (for a disproof: the negation).
    public var declaration: LeanDeclaration
    /// Why it is attempted.
    public var kind: AttemptKind
    /// The ledger budget level the work runs at.
    public var budgetLevel: Int

    /// Creates a target.
    public init(formalizationID: String, header: String, declaration: LeanDeclaration, kind: AttemptKind, budgetLevel: Int) {
        self.formalizationID = formalizationID
        self.header = header
        self.declaration = declaration
        self.kind = kind
        self.budgetLevel = budgetLevel
    }

    /// The statement as the verifier takes it: the declaration rendered ending in `:= by`.
    public var statement: String { declaration.rendered(ending: .tacticBlock) }
}
