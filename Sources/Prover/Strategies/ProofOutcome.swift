public import Ledger

/// What proving one target produced.
public struct ProofOutcome: Sendable, Hashable {
    /// The accepted whole proof, when one was found (already re-verified as one command).
    public var proof: String?
    /// The strategy that found it.
    public var strategy: AttemptStrategy?
    /// Attempts checked and recorded in this run (resumed ones are not repeated here).
    public var attempts: [ProofAttempt]
    /// Lean checks made (including those replayed from a previous run's records); verdicts served from
    /// the verdict cache are not Lean checks and are counted in ``cachedVerdicts`` instead.
    public var leanChecks: Int
    /// Model samples spent.
    public var modelSamples: Int
    /// Prompt tokens the model reported.
    public var promptTokens: Int
    /// Completion tokens the model reported.
    public var completionTokens: Int
    /// Time Lean spent on the recorded checks, in seconds.
    public var leanSeconds: Double
    /// Candidates skipped because an identical (normalized) proof had been checked already.
    public var duplicatesSkipped: Int
    /// Problems that stopped a strategy but not the run (a failed model request, a broken template).
    public var problems: [String] = []
    /// What the step-wise search spent on the sketch obligations it closed.
    public var searchObligations = SearchObligationStatistics()
    /// Candidates whose verdict came from the verdict cache (decided before; no Lean check). They still
    /// take a check of the budget, so a rerun decides alike.
    public var cachedVerdicts = 0

    /// True when a proof was accepted.
    public var isProved: Bool { proof != nil }

    /// An outcome with nothing spent.
    public static let empty = ProofOutcome(
        proof: nil, strategy: nil, attempts: [], leanChecks: 0, modelSamples: 0, promptTokens: 0,
        completionTokens: 0, leanSeconds: 0, duplicatesSkipped: 0)
}
