/// The commands the verifier sends for one proof, in order, and how to map positions back:
/// ``referenceCommand`` on the header's pristine environment, ``theoremCommand`` on the environment it
/// produced, then ``typeCheckCommand`` and ``axiomsCommand`` on the theorem's environment.
public struct VerificationCommand: Sendable, Hashable {
    /// The constant the theorem is declared as (a fresh unique name when the statement was an `example`).
    public var theoremName: String
    /// Tactic block or term.
    public var mode: ProofMode
    /// The proof text exactly as Lean sees it before indentation (CRLF normalized to LF); static hygiene
    /// is checked on this text.
    public var proofText: String
    /// The theorem command: the statement's scoped prefixes and rendered signature, then the proof with
    /// every line indented by 2 spaces.
    public var theoremCommand: String
    /// `#print axioms NAME`, sent on the environment the theorem command returned.
    public var axiomsCommand: String
    /// The type pin `example : type_of% @REF := @NAME`, sent on the theorem's environment.
    public var typeCheckCommand: String
    /// Maps Lean's positions in ``theoremCommand`` into ``proofText``.
    public var positionMap: ProofPositionMap
    /// The reference declaration's constant (see ``VerificationCommandBuilder``); "" when there is none.
    public var referenceName: String
    /// The statement as written, under ``referenceName``, closed with `sorry`; "" when there is none.
    public var referenceCommand: String

    /// Creates a command set.
    public init(
        theoremName: String, mode: ProofMode, proofText: String, theoremCommand: String,
        axiomsCommand: String, typeCheckCommand: String, positionMap: ProofPositionMap,
        referenceName: String = "", referenceCommand: String = ""
    ) {
        self.theoremName = theoremName
        self.mode = mode
        self.proofText = proofText
        self.theoremCommand = theoremCommand
        self.axiomsCommand = axiomsCommand
        self.typeCheckCommand = typeCheckCommand
        self.positionMap = positionMap
        self.referenceName = referenceName
        self.referenceCommand = referenceCommand
    }
}
