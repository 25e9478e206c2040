public import Ledger
public import Prover

/// Proves what the ledger's curriculum queue holds: `leanplay prove --db`.
///
/// Each pass is a ledger round of kind `prove` (`startRound` resumes an unfinished one, so a killed pass
/// picks up where it stopped, on the same work list stored with the round) and ends with `finishRound`
/// storing the report. Prove passes share the round numbering with self-play rounds but do not count
/// towards `selfplay --rounds N` (``RoundKind``).
public struct ProverLoop: Sendable {
    /// Works one queue item at a time per concurrency slot.
    public var formalizationProver: FormalizationProver

    /// Creates a loop.
    public init(prover: StatementProver, ledger: Ledger) {
        self.formalizationProver = FormalizationProver(prover: prover, ledger: ledger)
    }

    /// Works up to `queueLimit` queue items in a new (or resumed) round of kind `prove` and finishes the
    /// round; the model's tokens are stored with the round per role as they are spent.
    ///
    /// - Throws: `ProverError` `.cancelled` (the round stays open; rerun to resume), `.ledger`, or
    ///   `.configuration` before any work when the portfolio is empty and no model is configured.
    public func prove(queueLimit: Int, progress: SelfPlayProgressHandler? = nil) async throws(ProverError) -> SelfPlayRoundReport {
        let ledger = formalizationProver.ledger
        try Self.checkStrategies(formalizationProver.prover)
        let round = try FormalizationProver.ledgerCall("round") { () throws(LedgerError) in try ledger.startRound(kind: .prove) }.number
        var prover = formalizationProver.prover
        let (services, meter) = prover.services.metered(ledger: ledger, round: round)
        prover.services = services
        let loop = ProverLoop(prover: prover, ledger: ledger)
        var report = SelfPlayRoundReport(round: round)
        report.absorb(try await loop.work(queueLimit: queueLimit, round: round, progress: progress))
        try loop.addTokens(to: &report, meter: meter)
        try loop.finish(report)
        return report
    }

    /// Sets the report's token totals from the ledger: every role, every process that worked on the round.
    func addTokens(to report: inout SelfPlayRoundReport, meter: RoundTokenMeter?) throws(ProverError) {
        let ledger = formalizationProver.ledger
        let round = report.round
        let byRole = try FormalizationProver.ledgerCall("round \(round)") { () throws(LedgerError) in try ledger.roundTokens(round) }
        report.problems += meter?.failures ?? []
        guard !byRole.isEmpty else { return }
        report.tokensByRole = byRole
        report.promptTokens = byRole.values.reduce(0) { $0 + $1.promptTokens }
        report.completionTokens = byRole.values.reduce(0) { $0 + $1.completionTokens }
    }

    /// Works the work list of `round`, `concurrency` items at a time; results in list order.
    ///
    /// The list is the round's stored one (`Ledger.roundWork(_:limit:)`): the first call takes the next
    /// `queueLimit` queue items and stores them with the round, and a rerun after a kill works exactly
    /// that list again (whatever `queueLimit` it passes), though the work done before the kill has moved
    /// those items in the queue. Attempts already recorded are skipped by key, so nothing is lost or
    /// counted twice.
    ///
    /// - Throws: `ProverError` `.cancelled` or `.ledger`.
    func work(queueLimit: Int, round: Int, progress: SelfPlayProgressHandler?) async throws(ProverError) -> [FormalizationResult] {
        try Self.checkStrategies(formalizationProver.prover)
        let ledger = formalizationProver.ledger
        let items = try formalizationProver.ledgerCall("round \(round) work") { () throws(LedgerError) in
            try ledger.roundWork(round, limit: queueLimit)
        }
        progress?(SelfPlayProgress(round: round, stage: .prove, completed: 0, total: items.count))
        let worker = formalizationProver
        let limit = worker.prover.configuration.concurrency
        // A statement proved early in the round releases its unspent checks to the ones still worked.
        let released = ReleasedChecks()
        do {
            return try await withThrowingTaskGroup(of: (Int, FormalizationResult).self) { group in
                var results: [(Int, FormalizationResult)] = []
                var next = 0
                func launch() {
                    let index = next
                    let item = items[index]
                    group.addTask { (index, try await worker.work(item, round: round, released: released)) }
                    next += 1
                }
                while next < min(limit, items.count) { launch() }
                while let result = try await group.next() {
                    results.append(result)
                    progress?(SelfPlayProgress(round: round, stage: .prove, completed: results.count, total: items.count))
                    if next < items.count { launch() }
                }
                return results.sorted { $0.0 < $1.0 }.map(\.1)
            }
        } catch let error as ProverError {
            throw error
        } catch {
            throw ProverError(.cancelled, "The prove stage stopped: \(error). Rerun to resume the round.", context: "round \(round)")
        }
    }

    /// Refuses a prover that could spend nothing: an empty automation portfolio and no model.
    ///
    /// - Throws: `ProverError` `.configuration`.
    static func checkStrategies(_ prover: StatementProver) throws(ProverError) {
        let hasModel = prover.services.model != nil && prover.services.prompts != nil
        if prover.configuration.portfolio.tactics.isEmpty, !hasModel {
            throw ProverError(
                .configuration,
                "The automation portfolio is empty and no model is configured, so no strategy could try a proof. "
                    + "List tactics under [search] automation or configure a model ([models.default]).",
                context: "[search] automation")
        }
    }

    /// Stores the report and closes the round.
    func finish(_ report: SelfPlayRoundReport) throws(ProverError) {
        let ledger = formalizationProver.ledger
        try formalizationProver.ledgerCall("round \(report.round)") { () throws(LedgerError) in
            try ledger.finishRound(report.round, report: report)
        }
    }
}
