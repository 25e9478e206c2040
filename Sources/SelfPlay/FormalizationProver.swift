import LeanSource
public import Ledger
public import Prover

/// Works one queue item: prove (or shorten), then disprove through the negation when unproved, then
/// probe a fresh proof for vacuity and a trivial conclusion. Everything is recorded in the ledger as it
/// happens, under keys that make a rerun of the same round resume instead of repeating.
public struct FormalizationProver: Sendable {
    /// The statement prover.
    public var prover: StatementProver
    /// The ledger the queue came from and the attempts go to.
    public var ledger: Ledger
    /// The peer id stamped on every attempt recorded (nil outside a peer).
    public var peer: String?

    /// Creates a formalization prover.
    public init(prover: StatementProver, ledger: Ledger) {
        self.prover = prover
        self.ledger = ledger
    }

    /// Works `item` in `round`.
    ///
    /// The budget level is the level the item had when this round first worked on it (read back from this
    /// round's recorded attempts, and equal to `item.budgetLevel` for items from the round's stored work
    /// list), so a resumed round spends exactly as the interrupted one would have. Likewise the kind of
    /// work (prove or shorten) follows the item's reason as stored, or a prove attempt already recorded in
    /// this round (a round started before work lists were stored).
    ///
    /// - Throws: `ProverError` `.cancelled`, `.ledger`, or `.invalidStatement` when the stored statement
    ///   no longer parses.
    /// - Parameter released: the round's released checks (``ReleasedChecks``): the prove (or shorten)
    ///   run draws on them when its own checks are used up and adds its unspent checks once proved.
    public func work(_ item: QueueItem, round: Int, released: ReleasedChecks? = nil) async throws(ProverError) -> FormalizationResult {
        let id = item.formalizationID
        let earlier = try ledgerCall(id) { () throws(LedgerError) in try ledger.attempts(for: id, round: round) }
        let earlierProve = earlier.filter { $0.record.kind == .prove }
        let level = Self.effectiveLevel(earlierProve.map(\.record.budgetLevel).min() ?? item.budgetLevel,
                                        portfolio: prover.configuration.portfolio)
        let kind: AttemptKind = (item.reason == .open || !earlierProve.isEmpty) ? .prove : .shorten
        let declaration: LeanDeclaration
        do {
            declaration = try LeanParser.parseDeclaration(item.statement, origin: id)
        } catch {
            throw ProverError(.invalidStatement, "The stored statement does not parse: \(error)", context: id)
        }
        let configuration = prover.configuration
        let recorder = LedgerAttemptRecorder(ledger: ledger, round: round, peer: peer)
        var known: [String] = []
        if kind == .shorten, let best = try ledgerCall(id, { () throws(LedgerError) in try ledger.formalization(id) })?.bestProof {
            known.append(best)
        }
        let target = ProofTarget(formalizationID: id, header: item.header, declaration: declaration, kind: kind, budgetLevel: level)
        var outcomes = [try await prover.prove(target, budget: configuration.schedule.budget(forLevel: level), round: round,
                                               recorder: recorder, knownProofs: known, released: released)]
        let proved = outcomes[0].isProved
        var disproved = false
        if kind == .prove, !proved, configuration.disproofEnabled {
            let negation = ProofTarget(formalizationID: id, header: item.header,
                                       declaration: declaration.negation(named: Self.derivedName(declaration, "negation")),
                                       kind: AttemptKind.disprove, budgetLevel: level)
            let outcome = try await prover.prove(negation, budget: configuration.disproofBudget(forLevel: level),
                                                 round: round, recorder: recorder)
            disproved = outcome.isProved
            outcomes.append(outcome)
        }
        let probed = kind == .prove && proved && configuration.probesEnabled && declaration.hasProbeHypotheses
            ? await probeForm(of: declaration, header: item.header) : nil
        if let probed, !probed.hypotheses.isEmpty {
            // Without hypotheses the triviality probe would be the statement itself.
            let probes: [(AttemptKind, LeanDeclaration)] = [
                (.vacuity, probed.vacuityProbe(named: Self.derivedName(declaration, "vacuity"))),
                (.triviality, probed.trivialityProbe(named: Self.derivedName(declaration, "triviality"))),
            ]
            for (probeKind, probe) in probes {
                let probeTarget = ProofTarget(formalizationID: id, header: item.header, declaration: probe, kind: probeKind, budgetLevel: level)
                outcomes.append(try await prover.prove(probeTarget, budget: configuration.probeBudget, round: round, recorder: recorder))
            }
        }
        let after = try ledgerCall(id) { () throws(LedgerError) in try ledger.formalization(id) }
        var flags: [String: String] = [:]
        for flag in after?.flags ?? [] { flags[flag.rawValue] = flag.explanation }
        var result = FormalizationResult(
            formalizationID: id, status: after?.status.rawValue ?? "unknown", work: kind.rawValue, budgetLevel: level,
            proved: kind == .prove && proved, disproved: disproved, proof: outcomes[0].proof, flags: flags,
            attempts: 0, leanChecks: 0, modelSamples: 0, promptTokens: 0, completionTokens: 0, leanSeconds: 0,
            duplicatesSkipped: 0, problems: [])
        for outcome in outcomes {
            result.attempts += outcome.attempts.count
            result.leanChecks += outcome.leanChecks
            result.modelSamples += outcome.modelSamples
            result.promptTokens += outcome.promptTokens
            result.completionTokens += outcome.completionTokens
            result.leanSeconds += outcome.leanSeconds
            result.duplicatesSkipped += outcome.duplicatesSkipped
            if outcome.cachedVerdicts > 0 { result.cachedVerdicts = (result.cachedVerdicts ?? 0) + outcome.cachedVerdicts }
            result.problems += outcome.problems
            if outcome.searchObligations != SearchObligationStatistics() {
                result.searchObligations = (result.searchObligations ?? SearchObligationStatistics()) + outcome.searchObligations
            }
        }
        return result
    }

    /// The declaration the probes are built from: the conclusion's leading `∀`/`→` introduced as
    /// binders, and binders whose type alone does not say whether they are hypotheses decided by Lean
    /// (one REPL command, when REPL sessions are configured).
    func probeForm(of declaration: LeanDeclaration, header: String) async -> LeanDeclaration {
        let introduced = declaration.introducingConclusionBinders()
        guard let stepping = prover.services.stepping else { return introduced }
        return await BinderPropositionQuery.resolve(introduced, header: header, stepping: stepping)
    }

    /// The level an item is worked at: its budget level, except that level 0 — the automation portfolio
    /// alone — becomes level 1 when the portfolio is empty (`[search] automation = []`), so the model
    /// strategies run at once instead of spending nothing and never leaving level 0.
    public static func effectiveLevel(_ level: Int, portfolio: AutomationPortfolio) -> Int {
        portfolio.tactics.isEmpty ? max(level, 1) : level
    }

    /// A name for a derived declaration (`NAME_negation`, …); examples get `leanplay_NAME`.
    static func derivedName(_ declaration: LeanDeclaration, _ suffix: String) -> String {
        "\(declaration.name ?? "leanplay_example")_\(suffix)"
    }

    func ledgerCall<T>(_ context: String, _ body: () throws(LedgerError) -> T) throws(ProverError) -> T {
        try Self.ledgerCall(context, body)
    }

    static func ledgerCall<T>(_ context: String, _ body: () throws(LedgerError) -> T) throws(ProverError) -> T {
        do {
            return try body()
        } catch {
            throw ProverError(.ledger, "The ledger failed: \(error.message)", context: context)
        }
    }
}
