import Foundation
public import LeanVerify
public import Ledger
public import ProblemCorpus
public import Prover

/// Runs conjecturer/prover self-play rounds against the ledger.
///
/// A round: conjecture (corpus statements; model formalizations of the rest; variants of hard open and
/// recently proved formalizations — symbolic ones when there is no model) → validate (ill-formed ones are
/// recorded) → prove and disprove queue items with ramped budgets → update the ledger → finish the round
/// with its report (training data comes from the ledger's exports). With no model configured it still
/// runs on corpora that carry formal statements: symbolic variants conjecture, the automation portfolio proves.
///
/// A round interrupted (kill, cancellation) stays open in the ledger; the next `runRound` resumes it and
/// skips everything already recorded, so no attempt is lost or counted twice.
///
/// ```swift
/// let engine = SelfPlayEngine(ledger: ledger, corpus: problems, services: services, validator: verifier)
/// let report = try await engine.runRound { progress in print(progress.stage, progress.completed, progress.total) }
/// print(report.proved, report.passRate)
/// ```
public struct SelfPlayEngine: Sendable {
    /// The ledger every result goes to.
    public let ledger: Ledger
    /// The problems conjecturing starts from.
    public let corpus: [Problem]
    /// Verifier, model, prompts and REPL sessions.
    public let services: ProverServices
    /// Checks that new statements elaborate.
    public let validator: any StatementValidating
    /// How rounds run.
    public let configuration: SelfPlayConfiguration

    /// Creates an engine.
    public init(
        ledger: Ledger, corpus: [Problem], services: ProverServices, validator: any StatementValidating,
        configuration: SelfPlayConfiguration = SelfPlayConfiguration()
    ) {
        self.ledger = ledger
        self.corpus = corpus
        self.services = services
        self.validator = validator
        self.configuration = configuration
    }

    /// Runs one round (or resumes the unfinished one) and returns its report.
    ///
    /// - Throws: `ProverError` `.cancelled` when cancelled (the round stays open and resumes on the next
    ///   call), `.ledger` when the ledger fails, `.configuration` before any work when the automation
    ///   portfolio is empty and no model is configured.
    public func runRound(progress: SelfPlayProgressHandler? = nil) async throws(ProverError) -> SelfPlayRoundReport {
        guard let report = try await runRound(untilFinished: Int.max, progress: progress) else {
            preconditionFailure("a ledger cannot hold Int.max finished rounds")
        }
        return report
    }

    /// Runs one round as a peer (or joins or resumes the unfinished one) unless the ledger already holds
    /// `rounds` finished self-play rounds; then returns nil. The report returned is the round's stored one.
    ///
    /// Peers sharing the ledger (``SelfPlayConfiguration/peer``) divide the round: one runs the conjecture
    /// stage while the others wait, the work list is stored once, every peer leases its items (one peer
    /// per item at a time, taken over when a dead peer's lease expires), and the round is finished exactly
    /// once, by the peer that sees every item done. Run it in a loop until it returns nil, as
    /// `leanplay selfplay --rounds N` does.
    ///
    /// - Throws: as ``runRound(progress:)``.
    public func runRound(untilFinished rounds: Int, progress: SelfPlayProgressHandler? = nil) async throws(ProverError) -> SelfPlayRoundReport? {
        try ProverLoop.checkStrategies(StatementProver(configuration: configuration.prover, services: services))
        let ledger = self.ledger
        try configuration.peer.register(in: ledger, command: "selfplay")
        let peer = configuration.peer
        var started: RoundRecord?
        waiting: while true {
            let start = try FormalizationProver.ledgerCall("round") { () throws(LedgerError) in
                try ledger.startSelfPlayRound(unlessFinished: rounds, leaseSeconds: peer.leaseSeconds)
            }
            switch start {
            case .run(let round):
                started = round
                break waiting
            case .limitReached:
                return nil
            case .waitForProvePass(let round, let until):
                // `leanplay prove` peers are working round `round`: let them finish it.
                _ = try? ledger.touchPeer(peer.id)
                do {
                    try await peer.sleep(until: until, now: ledger.configuration.now())
                } catch {
                    throw ProverError(.cancelled, "Waiting for the prove pass of round \(round) was cancelled. Rerun to resume.",
                                      context: "round \(round)")
                }
            }
        }
        guard let round = started?.number else { return nil }
        let (services, meter) = self.services.metered(ledger: ledger, round: round)
        let loop = ProverLoop(
            prover: StatementProver(configuration: configuration.prover, services: services), ledger: ledger,
            peer: configuration.peer)
        var report = SelfPlayRoundReport(round: round)
        try await conjectureStage(round: round, services: services, progress: progress).apply(to: &report)

        report.absorb(try await loop.work(queueLimit: configuration.queueLimit, round: round, progress: progress))
        report.exports = try export(round: round)
        try loop.addTokens(to: &report, meter: meter)
        progress?(SelfPlayProgress(round: round, stage: .finish, completed: 1, total: 1))
        return try loop.finishOnce(report)
    }

    /// Writes the configured training exports; returns lines written per kind.
    private func export(round: Int) throws(ProverError) -> [String: Int] {
        guard let directory = configuration.exportDirectory else { return [:] }
        var lines: [String: Int] = [:]
        for kind in configuration.exportKinds {
            let url = directory.appendingPathComponent("\(kind.rawValue).jsonl")
            do {
                lines[kind.rawValue] = try ledger.export(kind, to: url)
            } catch {
                throw ProverError(.ledger, "Writing the \(kind.rawValue) export to \(url.path) failed: \(error.message)",
                                  context: "round \(round)")
            }
        }
        return lines
    }
}
