public import Conjecturer
public import Foundation
public import LeanVerify
public import ModelClient
public import Prover

extension LeanPlayConfiguration {
    /// The prover settings of `[search]` (the automation portfolio, cheapest first, and the budget cap) and
    /// the prover role's `temperature` and `max_tokens` (`[models.prover]`, inheriting `[models.default]`).
    public var proverConfiguration: ProverConfiguration {
        var schedule = ProverBudgetSchedule.standard
        schedule.maximumLevel = max(0, search.maxBudgetLevel)
        var prover = ProverConfiguration(portfolio: AutomationPortfolio(tactics: search.automation), schedule: schedule)
        prover.base(repairRounds: search.repairRounds)
        let section = (models[ModelRole.prover.rawValue] ?? ModelSection()).inheriting(from: models["default"] ?? ModelSection())
        if let temperature = section.temperature { prover.temperature = temperature }
        if let maxTokens = section.maxTokens { prover.maxTokens = maxTokens }
        return prover
    }

    /// The self-play settings: prover settings plus the seed, and exports written under `exportDirectory`.
    public func selfPlayConfiguration(queueLimit: Int = 64, exportDirectory: URL? = nil) -> SelfPlayConfiguration {
        SelfPlayConfiguration(
            prover: proverConfiguration, queueLimit: queueLimit, seed: search.seed, exportDirectory: exportDirectory)
    }
}

extension ProverConfiguration {
    /// Sets the repair rounds of every budget level that allows model samples.
    mutating func base(repairRounds: Int) {
        schedule.base.repairRounds = max(0, repairRounds)
    }
}

extension ModelRoster {
    /// One model that sends each role's requests to that role's endpoint; nil when no role is configured.
    ///
    /// Roles without their own endpoint fall back to the prover's (or any configured one).
    public var router: (any ChatModel)? {
        let byRole = Dictionary(uniqueKeysWithValues: ModelRole.allCases.compactMap { role in
            model(for: role).map { (role, $0) }
        })
        guard let fallback = model(for: .prover) ?? byRole.values.first else { return nil }
        return ChatModelRouter(default: fallback, byRole: byRole)
    }
}

extension LeanPlayRuntime.Lean {
    /// Everything the prover needs: this Lean's verifier and REPL proof states, the models, the prompts.
    ///
    /// - Parameter verdictCache: final verdicts decided earlier (self-play passes the ledger's,
    ///   `LedgerVerdictCache`; nil with `--no-cache`), so no proof is checked twice across rounds.
    public func proverServices(models: ModelRoster, prompts: PromptLibrary?, verdictCache: (any VerdictCaching)? = nil) -> ProverServices {
        ProverServices(
            verifier: verifier.caching(in: verdictCache), model: models.router, prompts: prompts,
            stepping: PoolTacticStepper(pool: pool, stepTimeout: requestTimeout))
    }
}
