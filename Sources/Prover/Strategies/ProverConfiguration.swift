/// How the prover spends its budget. Every field has a working default.
public struct ProverConfiguration: Sendable, Hashable {
    /// Single tactics tried first.
    public var portfolio: AutomationPortfolio
    /// Budgets per ledger budget level.
    public var schedule: ProverBudgetSchedule
    /// Completions asked for per model request.
    public var samplesPerRequest: Int
    /// Sampling temperature for proofs.
    public var temperature: Double
    /// Completion length cap.
    public var maxTokens: Int
    /// Model tactics asked for per search expansion (portfolio tactics are always tried too).
    public var tacticsPerExpansion: Int
    /// The most nodes the search frontier keeps.
    public var frontierCapacity: Int
    /// How search nodes are scored.
    public var scoring: SearchScoring
    /// Prompt template ids (see Prompts/prove/).
    public var wholeProofTemplate: String
    /// The repair template id.
    public var repairTemplate: String
    /// The next-tactic template id.
    public var nextTacticTemplate: String
    /// Whether unproved formalizations are attacked through their negation.
    public var disproofEnabled: Bool
    /// Whether proved formalizations are probed for vacuity and trivial conclusions.
    public var probesEnabled: Bool
    /// Formalizations worked on at once.
    public var concurrency: Int

    /// Creates a configuration.
    public init(
        portfolio: AutomationPortfolio = .standard,
        schedule: ProverBudgetSchedule = .standard,
        samplesPerRequest: Int = 4,
        temperature: Double = 0.7,
        maxTokens: Int = 2_048,
        tacticsPerExpansion: Int = 4,
        frontierCapacity: Int = 256,
        scoring: SearchScoring = .standard,
        wholeProofTemplate: String = "prove/whole_proof",
        repairTemplate: String = "prove/repair_proof",
        nextTacticTemplate: String = "prove/next_tactic",
        disproofEnabled: Bool = true,
        probesEnabled: Bool = true,
        concurrency: Int = 2
    ) {
        precondition(samplesPerRequest > 0 && tacticsPerExpansion >= 0 && concurrency > 0,
                     "samplesPerRequest and concurrency must be positive")
        self.portfolio = portfolio
        self.schedule = schedule
        self.samplesPerRequest = samplesPerRequest
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.tacticsPerExpansion = tacticsPerExpansion
        self.frontierCapacity = frontierCapacity
        self.scoring = scoring
        self.wholeProofTemplate = wholeProofTemplate
        self.repairTemplate = repairTemplate
        self.nextTacticTemplate = nextTacticTemplate
        self.disproofEnabled = disproofEnabled
        self.probesEnabled = probesEnabled
        self.concurrency = concurrency
    }

    /// The budget of a disproof at `level`: the automation portfolio at level 0, otherwise half the
    /// samples and checks of a proof at that level, without search (the negation is usually simpler).
    public func disproofBudget(forLevel level: Int) -> ProverBudget {
        var budget = schedule.budget(forLevel: level)
        guard !budget.isAutomationOnly else { return budget }
        budget.modelSamples = (budget.modelSamples + 1) / 2
        budget.leanChecks = max(portfolio.tactics.count, budget.leanChecks / 2)
        budget.searchExpansions = 0
        return budget
    }

    /// The budget of a vacuity or triviality probe: the automation portfolio, nothing else.
    public var probeBudget: ProverBudget {
        ProverBudget(modelSamples: 0, leanChecks: portfolio.tactics.count, wallTime: schedule.automationOnly.wallTime)
    }
}
