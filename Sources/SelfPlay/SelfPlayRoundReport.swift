public import Ledger
public import Prover

/// The report of one self-play round (or one `ProverLoop` pass), stored in the ledger's `rounds` table.
public struct SelfPlayRoundReport: Sendable, Hashable, Codable {
    /// The round number.
    public var round: Int
    /// Formalizations added this round (corpus statements, model formalizations and variants).
    public var newFormalizations: Int
    /// Of those, variants.
    public var newVariants: Int
    /// Statements Lean refused to elaborate (recorded as ill_formed).
    public var illFormed: Int
    /// Problems with no formal statement that could not be formalized (no model configured).
    public var unformalizedProblems: Int
    /// Queue items worked.
    public var worked: Int
    /// Formalizations proved this round.
    public var proved: Int
    /// Formalizations disproved (retired) this round.
    public var disproved: Int
    /// Flag name → formalizations carrying it among those worked.
    public var flagged: [String: Int]
    /// Flag name → what it means (for the report's readers).
    public var flagExplanations: [String: String]
    /// proved / items worked for a proof (0 when none).
    public var passRate: Double
    /// Seconds Lean spent on recorded checks.
    public var leanSeconds: Double
    /// Lean checks made (verdicts served from the verdict cache are not Lean checks: see
    /// ``cachedVerdicts``).
    public var leanChecks: Int
    /// Candidates whose verdict came from the verdict cache, with no Lean check (nil when none, and in
    /// reports stored before it was recorded).
    public var cachedVerdicts: Int?
    /// Prompt tokens spent in the round by every role (formalizer, variant generator, prover), as stored
    /// in the ledger (so a resumed round counts what the killed run spent too).
    public var promptTokens: Int
    /// Completion tokens spent in the round by every role.
    public var completionTokens: Int
    /// Token usage per role (`formalizer`, `variant_generator`, `prover`); nil when no model was used.
    public var tokensByRole: [String: RoundTokens]?
    /// Queue items worked per budget level (level as a string, e.g. `"0"`, `"1"`), so a reader sees that
    /// every level got its share of the round.
    public var workedByBudgetLevel: [String: Int]?
    /// Attempts recorded in the round, by every peer and every resumed run (the ledger's count).
    public var attempts: Int
    /// Problems that ended a strategy or stage early (model, REPL, template failures).
    public var problems: [String]
    /// One row per formalization worked.
    public var formalizations: [FormalizationResult]
    /// Training export kind → lines written at the end of the round.
    public var exports: [String: Int]
    /// What the step-wise search spent on the sketch obligations it closed this round, over every
    /// formalization worked (nil when no search closed or tried an obligation; reports stored before
    /// this field existed decode it as nil).
    public var searchObligations: SearchObligationStatistics?

    /// An empty report for `round`.
    public init(round: Int) {
        self.round = round
        newFormalizations = 0
        newVariants = 0
        illFormed = 0
        unformalizedProblems = 0
        worked = 0
        proved = 0
        disproved = 0
        flagged = [:]
        flagExplanations = [:]
        passRate = 0
        leanSeconds = 0
        leanChecks = 0
        promptTokens = 0
        completionTokens = 0
        attempts = 0
        problems = []
        formalizations = []
        exports = [:]
    }

    /// Adds the results of the prove stage.
    mutating func absorb(_ results: [FormalizationResult]) {
        formalizations += results
        worked += results.count
        proved += results.filter(\.proved).count
        disproved += results.filter(\.disproved).count
        var levels = workedByBudgetLevel ?? [:]
        for result in results {
            levels[String(result.budgetLevel), default: 0] += 1
            for (flag, explanation) in result.flags {
                flagged[flag, default: 0] += 1
                flagExplanations[flag] = explanation
            }
            leanSeconds += result.leanSeconds
            leanChecks += result.leanChecks
            if let cached = result.cachedVerdicts, cached > 0 { cachedVerdicts = (cachedVerdicts ?? 0) + cached }
            promptTokens += result.promptTokens
            completionTokens += result.completionTokens
            attempts += result.attempts
            problems += result.problems
            if let statistics = result.searchObligations {
                searchObligations = (searchObligations ?? SearchObligationStatistics()) + statistics
            }
        }
        workedByBudgetLevel = levels
        let provingWork = formalizations.filter { $0.work == "prove" }.count
        passRate = provingWork == 0 ? 0 : Double(formalizations.filter(\.proved).count) / Double(provingWork)
    }
}
