public import Prover
/// What one round did to one formalization: the per-formalization row of a round report.
public struct FormalizationResult: Sendable, Hashable, Codable {
    /// The formalization.
    public var formalizationID: String
    /// Its ledger status afterwards (open, proved, disproved, ill_formed).
    public var status: String
    /// "prove" or "shorten": what the queue asked for.
    public var work: String
    /// The budget level it was worked at.
    public var budgetLevel: Int
    /// True when it became proved in this run.
    public var proved: Bool
    /// True when its negation was proved in this run (it is retired for good).
    public var disproved: Bool
    /// The accepted proof, when one was found in this run.
    public var proof: String?
    /// Its flags afterwards, each with its explanation.
    public var flags: [String: String]
    /// Attempts recorded in this run.
    public var attempts: Int
    /// Lean checks made (prove, disprove and probes); verdicts served from the verdict cache are in
    /// ``cachedVerdicts``.
    public var leanChecks: Int
    /// Model samples spent.
    public var modelSamples: Int
    /// Prompt tokens spent.
    public var promptTokens: Int
    /// Completion tokens spent.
    public var completionTokens: Int
    /// Seconds Lean spent on recorded checks.
    public var leanSeconds: Double
    /// Candidates skipped as duplicates of proofs already checked.
    public var duplicatesSkipped: Int
    /// Problems that ended a strategy early (model or REPL failures).
    public var problems: [String]
    /// What the step-wise search spent on the sketch obligations it closed (nil in reports written
    /// before it was recorded, and when no search ran).
    public var searchObligations: SearchObligationStatistics? = nil
    /// Candidates whose verdict came from the verdict cache, with no Lean check (nil in reports written
    /// before it was recorded).
    public var cachedVerdicts: Int? = nil
}
