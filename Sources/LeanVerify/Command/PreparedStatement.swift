public import LeanSource

/// A statement parsed and made ready for verification: exactly one declaration, attributes and doc
/// comments dropped, scoped prefixes checked against the policy and kept in ``declaration``'s
/// modifiers, an `example` turned into a theorem with a fresh unique name, the proof mode its ending
/// asks for, and the reference declaration of the type pin.
public struct PreparedStatement: Sendable, Hashable {
    /// The declaration as the verifier will render it (scoped prefixes, keyword, name, binders,
    /// conclusion; no body).
    public var declaration: LeanDeclaration
    /// The name the theorem is declared under.
    public var theoremName: String
    /// Whether the statement ended in `:= by` (tactic) or `:=` (term).
    public var mode: ProofMode
    /// The scoped prefixes (`open … in`, `set_option … in`, `universe … in`) in effect for the statement.
    public var prefixes: [ScopedPrefix]
    /// The reserved name of the reference declaration (see ``VerificationCommandBuilder``).
    public var referenceName: String
    /// The reference declaration: the prefixes, then the statement's signature as written under
    /// ``referenceName``, closed with `sorry`; "" when none was built.
    public var referenceCommand: String

    /// Creates a prepared statement.
    public init(
        declaration: LeanDeclaration, theoremName: String, mode: ProofMode, prefixes: [ScopedPrefix] = [],
        referenceName: String = "", referenceCommand: String = ""
    ) {
        self.declaration = declaration
        self.theoremName = theoremName
        self.mode = mode
        self.prefixes = prefixes
        self.referenceName = referenceName
        self.referenceCommand = referenceCommand
    }
}
