public import Ledger
public import Prover

/// Proves what the ledger's curriculum queue holds: `leanplay prove --db`.
///
/// Each pass is a ledger round of kind `prove` (`startProvePass` resumes an unfinished one, so a killed pass
/// picks up where it stopped, on the same work list stored with the round; a self-play round that live
/// peers are running is joined after its conjecture stage and stays a self-play round) and ends with
/// `finishRoundOnce` storing the report. Prove passes share the round numbering with self-play rounds but do not count
/// towards `selfplay --rounds N` (``RoundKind``).
public struct ProverLoop: Sendable {
    /// Works one queue item at a time per concurrency slot.
    public var formalizationProver: FormalizationProver
    /// How this process shares the ledger with other peers: work items are leased, so peers running
    /// `prove` (or `selfplay`) on one ledger never work the same item at once.
    public var peer: PeerConfiguration

    /// Creates a loop.
    public init(prover: StatementProver, ledger: Ledger, peer: PeerConfiguration = PeerConfiguration()) {
        var worker = FormalizationProver(prover: prover, ledger: ledger)
        worker.peer = peer.id
        self.formalizationProver = worker
        self.peer = peer
    }

    /// Works up to `queueLimit` queue items in a new (or resumed) round of kind `prove` and finishes the
    /// round; the model's tokens are stored with the round per role as they are spent. Peers running
    /// `prove` on one ledger join the same round and lease its items (``peer``); the report returned is
    /// the round's stored one, whichever peer finished it.
    ///
    /// - Throws: `ProverError` `.cancelled` (the round stays open; rerun to resume), `.ledger`, or
    ///   `.configuration` before any work when the portfolio is empty and no model is configured.
    public func prove(queueLimit: Int, progress: SelfPlayProgressHandler? = nil) async throws(ProverError) -> SelfPlayRoundReport {
        let ledger = formalizationProver.ledger
        try Self.checkStrategies(formalizationProver.prover)
        try peer.register(in: ledger, command: "prove")
        let started = try await joinRound()
        let round = started.number
        var prover = formalizationProver.prover
        let (services, meter) = prover.services.metered(ledger: ledger, round: round)
        prover.services = services
        let loop = ProverLoop(prover: prover, ledger: ledger, peer: peer)
        var report = SelfPlayRoundReport(round: round)
        if started.kind == .selfPlay {
            // Helping self-play peers: the round's report carries their conjecture stage, whoever finishes it.
            try SelfPlayEngine.storedConjectureStage(round: round, ledger: ledger, peer: peer).apply(to: &report)
        }
        report.absorb(try await loop.work(queueLimit: queueLimit, round: round, progress: progress))
        try loop.addTokens(to: &report, meter: meter)
        return try loop.finishOnce(report)
    }

    /// The round this `prove` peer works (`Ledger.startProvePass(leaseSeconds:)`): a new or resumed
    /// `prove` round, or an unfinished self-play round once its conjecture stage is done (then it stays a
    /// self-play round). While a live self-play peer runs that stage, it waits, polling, so it neither
    /// fixes the round's work list early nor turns the round into a `prove` pass.
    ///
    /// - Throws: `ProverError` `.ledger`, or `.cancelled` while waiting.
    private func joinRound() async throws(ProverError) -> RoundRecord {
        let ledger = formalizationProver.ledger
        let peer = self.peer
        while true {
            let start = try FormalizationProver.ledgerCall("round") { () throws(LedgerError) in
                try ledger.startProvePass(leaseSeconds: peer.leaseSeconds)
            }
            switch start {
            case .work(let round):
                return round
            case .waitForConjectureStage(let round, let until):
                _ = try? ledger.touchPeer(peer.id)
                DeadPeerReaper.reap(ledger: ledger, peer: peer)
                do {
                    try await peer.sleep(until: until, now: ledger.configuration.now())
                } catch {
                    throw ProverError(.cancelled, "Waiting for a self-play peer's conjecture stage was cancelled. Rerun to resume.",
                                      context: "round \(round)")
                }
            }
        }
    }

    /// Sets the report's attempt count and token totals from the ledger: every role, every process that
    /// worked on the round (an item taken over from a dead peer, or resumed after a kill, records only the
    /// attempts missing, so the results' own counts fall short).
    func addTokens(to report: inout SelfPlayRoundReport, meter: RoundTokenMeter?) throws(ProverError) {
        let ledger = formalizationProver.ledger
        let round = report.round
        report.attempts = try FormalizationProver.ledgerCall("round \(round)") { () throws(LedgerError) in
            try ledger.attemptCount(round: round)
        }
        let byRole = try FormalizationProver.ledgerCall("round \(round)") { () throws(LedgerError) in try ledger.roundTokens(round) }
        report.problems += meter?.failures ?? []
        guard !byRole.isEmpty else { return }
        report.tokensByRole = byRole
        report.promptTokens = byRole.values.reduce(0) { $0 + $1.promptTokens }
        report.completionTokens = byRole.values.reduce(0) { $0 + $1.completionTokens }
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
}
