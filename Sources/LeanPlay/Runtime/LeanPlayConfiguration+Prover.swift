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

    /// The self-play settings: prover settings plus the seed and `[lean] default_header`, and exports
    /// written under `exportDirectory`.
    /// The conjecture stage takes `temperature`, `top_p` and `max_tokens` of `[models.formalizer]` and
    /// `[models.variant_generator]` (each inheriting `[models.default]`), and `[search] repair_rounds` for
    /// statement repair.
    public func selfPlayConfiguration(queueLimit: Int = 64, exportDirectory: URL? = nil, peer: PeerConfiguration? = nil) -> SelfPlayConfiguration {
        var configuration = SelfPlayConfiguration(
            prover: proverConfiguration, defaultHeader: lean.defaultHeader, queueLimit: queueLimit, seed: search.seed,
            exportDirectory: exportDirectory)
        configuration.peer = peer ?? peerConfiguration()
        configuration.formalizerSampling = sampling(for: .formalizer)
        configuration.variantSampling = sampling(for: .variantGenerator)
        configuration.formalizationRepairRounds = max(0, search.repairRounds)
        return configuration
    }

    /// This process as a peer of a shared ledger: `id` (`--peer-id`; nil: `HOST-PID`) with
    /// `[ledger] lease_seconds`.
    public func peerConfiguration(id: String? = nil, onEvent: (@Sendable (String) -> Void)? = nil) -> PeerConfiguration {
        PeerConfiguration(id: id ?? PeerConfiguration.defaultID, leaseSeconds: ledger.leaseSeconds, onEvent: onEvent)
    }

    /// The configured temperature, top_p and max_tokens of `role` (nil where neither the role's section nor
    /// `[models.default]` sets them).
    func sampling(for role: ModelRole) -> SamplingParameters {
        let section = (models[role.rawValue] ?? ModelSection()).inheriting(from: models["default"] ?? ModelSection())
        var parameters = SamplingParameters()
        parameters.temperature = section.temperature
        parameters.topP = section.topP
        parameters.maxTokens = section.maxTokens
        return parameters
    }
}

extension LeanPlayConfiguration {
    /// Refuses a prover set-up that could spend nothing: `[search] automation = []` with no model.
    ///
    /// An empty portfolio with a model is fine: budget level 0 then moves straight to the model
    /// strategies (`FormalizationProver.effectiveLevel`).
    ///
    /// - Throws: `LeanPlayError` `.configuration` naming the key and what to do.
    public func checkProverStrategies(models: ModelRoster) throws(LeanPlayError) {
        guard AutomationPortfolio(tactics: search.automation).tactics.isEmpty, models.isEmpty else { return }
        throw LeanPlayError(
            .configuration,
            "[search] automation is empty and no model is configured: no strategy could try a proof",
            fix: "list tactics under [search] automation (e.g. [\"rfl\", \"omega\", \"simp\"]) or configure a model "
                + "under [models.default] (or pass --llm-base-url and --llm-model)")
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
