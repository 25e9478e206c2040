/// Choices for ``Ledger/export(_:to:options:)-(_,URL,_)``.
public struct ExportOptions: Sendable, Hashable {
    /// Which accepted proofs the SFT export writes.
    public enum ProofSelection: String, Sendable, Hashable {
        /// Every distinct accepted proof of each formalization, in the order first recorded.
        case allAccepted
        /// Only each formalization's best (shortest) proof.
        case best
    }

    /// The system message of SFT lines.
    public var systemPrompt: String
    /// Which proofs the SFT export writes.
    public var proofSelection: ProofSelection
    /// Formalizations with any of these flags are left out of the sft, repair and steps exports
    /// (default: `vacuous` and `contradictory`, which make misleading training data).
    public var excludedFlags: Set<FormalizationFlag>
    /// Whether the steps export also writes steps of attempts that were not accepted.
    public var includeStepsOfFailedAttempts: Bool

    /// The default system prompt of SFT lines.
    public static let defaultSystemPrompt = """
        You are an expert in Lean 4 and Mathlib. Given a theorem statement, reply with the tactic proof \
        that follows `:= by`.
        """

    /// Creates options.
    public init(
        systemPrompt: String = ExportOptions.defaultSystemPrompt,
        proofSelection: ProofSelection = .allAccepted,
        excludedFlags: Set<FormalizationFlag> = [.vacuous, .contradictory],
        includeStepsOfFailedAttempts: Bool = false
    ) {
        self.systemPrompt = systemPrompt
        self.proofSelection = proofSelection
        self.excludedFlags = excludedFlags
        self.includeStepsOfFailedAttempts = includeStepsOfFailedAttempts
    }
}
