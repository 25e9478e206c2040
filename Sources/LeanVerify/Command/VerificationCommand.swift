/// The three commands the verifier sends for one proof, and how to map positions back.
public struct VerificationCommand: Sendable, Hashable {
    /// The name the theorem is declared under (a fresh unique name when the statement was an `example`).
    public var theoremName: String
    /// Tactic block or term.
    public var mode: ProofMode
    /// The proof text exactly as Lean sees it before indentation (CRLF normalized to LF); static hygiene
    /// is checked on this text.
    public var proofText: String
    /// The theorem command: the rendered statement, then the proof with every line indented by 2 spaces.
    public var theoremCommand: String
    /// `#print axioms NAME`, sent on the environment the theorem command returned.
    public var axiomsCommand: String
    /// `example : <universal closure> := @NAME`, sent on the same environment.
    public var typeCheckCommand: String
    /// Maps Lean's positions in ``theoremCommand`` into ``proofText``.
    public var positionMap: ProofPositionMap

    /// Creates a command set.
    public init(
        theoremName: String, mode: ProofMode, proofText: String, theoremCommand: String,
        axiomsCommand: String, typeCheckCommand: String, positionMap: ProofPositionMap
    ) {
        self.theoremName = theoremName
        self.mode = mode
        self.proofText = proofText
        self.theoremCommand = theoremCommand
        self.axiomsCommand = axiomsCommand
        self.typeCheckCommand = typeCheckCommand
        self.positionMap = positionMap
    }
}
