public import Conjecturer
public import LeanVerify
public import ModelClient

/// The outside world the prover talks to. Only the verifier is required: without a model the prover
/// runs the automation portfolio alone; without a pool it skips the step-wise search.
public struct ProverServices: Sendable {
    /// Checks every candidate as one whole command (the only way a proof counts).
    public var verifier: any ProofVerifying
    /// The model that samples proofs, repairs and tactics; nil for automation only.
    public var model: (any ChatModel)?
    /// The prompt templates (Prompts/prove/); required when a model is set.
    public var prompts: PromptLibrary?
    /// Opens REPL sessions for the step-wise search (`PoolTacticStepper` over a `REPLWorkerPool`);
    /// nil disables the search.
    public var stepping: (any TacticSteppingProvider)?
    /// Measures wall-time budgets; tests inject a manual clock.
    public var clock: any Clock<Duration>

    /// Creates the services.
    public init(
        verifier: any ProofVerifying, model: (any ChatModel)? = nil, prompts: PromptLibrary? = nil,
        stepping: (any TacticSteppingProvider)? = nil, clock: any Clock<Duration> = ContinuousClock()
    ) {
        self.verifier = verifier
        self.model = model
        self.prompts = prompts
        self.stepping = stepping
        self.clock = clock
    }
}
