public import Ledger

/// Proves what the ledger's curriculum queue holds: `leanplay prove --db`.
///
/// Each pass is a ledger round (`startRound` resumes an unfinished one, so a killed pass picks up where
/// it stopped, on the same work list stored with the round) and ends with `finishRound` storing the report.
public struct ProverLoop: Sendable {
    /// Works one queue item at a time per concurrency slot.
    public var formalizationProver: FormalizationProver

    /// Creates a loop.
    public init(prover: StatementProver, ledger: Ledger) {
        self.formalizationProver = FormalizationProver(prover: prover, ledger: ledger)
    }

    /// Works up to `queueLimit` queue items in a new (or resumed) round and finishes the round.
    ///
    /// - Throws: `ProverError` `.cancelled` (the round stays open; rerun to resume) or `.ledger`.
    public func prove(queueLimit: Int, progress: SelfPlayProgressHandler? = nil) async throws(ProverError) -> SelfPlayRoundReport {
        let ledger = formalizationProver.ledger
        let round = try formalizationProver.ledgerCall("round") { () throws(LedgerError) in try ledger.startRound() }.number
        var report = SelfPlayRoundReport(round: round)
        report.absorb(try await work(queueLimit: queueLimit, round: round, progress: progress))
        try finish(report)
        return report
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

    /// Stores the report and closes the round.
    func finish(_ report: SelfPlayRoundReport) throws(ProverError) {
        let ledger = formalizationProver.ledger
        try formalizationProver.ledgerCall("round \(report.round)") { () throws(LedgerError) in
            try ledger.finishRound(report.round, report: report)
        }
    }
}
