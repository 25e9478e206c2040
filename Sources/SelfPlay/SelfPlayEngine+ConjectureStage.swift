import Foundation
import Ledger
import Prover

extension SelfPlayEngine {
    /// Runs `round`'s conjecture stage on exactly one peer: claims it in the ledger and, when claimed,
    /// runs corpus intake and conjecturing with a heartbeat renewing the claim, then stores what it added.
    /// A peer that finds the stage claimed by another waits (polling), and takes it over when that claim
    /// expires; intake and conjecturing skip what the ledger holds, so a taken-over stage adds nothing twice.
    ///
    /// - Returns: the stage's counts as stored with the round (the same for every peer).
    /// - Throws: `ProverError` `.cancelled` (the claim is released) or `.ledger`.
    func conjectureStage(round: Int, services: ProverServices, progress: SelfPlayProgressHandler?) async throws(ProverError) -> ConjectureStageReport {
        let peer = configuration.peer
        let ledger = self.ledger
        while true {
            let claim = try FormalizationProver.ledgerCall("round \(round) conjecture stage") { () throws(LedgerError) in
                try ledger.claimConjectureStage(round: round, peer: peer.id, leaseSeconds: peer.leaseSeconds)
            }
            switch claim {
            case .done(let json):
                return try Self.decodeStageReport(json, round: round)
            case .held(_, let until):
                _ = try? ledger.touchPeer(peer.id)  // waiting, alive: `report` shows its last heartbeat
                DeadPeerReaper.reap(ledger: ledger, peer: peer)
                do {
                    try await peer.sleep(until: until, now: ledger.configuration.now())
                } catch {
                    throw ProverError(.cancelled, "Waiting for another peer's conjecture stage was cancelled. Rerun to resume the round.",
                                      context: "round \(round)")
                }
            case .claimed:
                let heartbeat = Heartbeat.start(every: peer.heartbeatSeconds, clock: peer.clock) {
                    _ = try? ledger.renewConjectureStage(round: round, peer: peer.id, leaseSeconds: peer.leaseSeconds)
                }
                let stage: ConjectureStageReport
                do {
                    stage = try await runConjectureStage(round: round, services: services, progress: progress)
                } catch {
                    heartbeat.cancel()
                    _ = try? ledger.releaseLeases(heldBy: peer.id)
                    throw error
                }
                heartbeat.cancel()
                let stored = try FormalizationProver.ledgerCall("round \(round) conjecture stage") { () throws(LedgerError) in
                    try ledger.completeConjectureStage(round: round, peer: peer.id, reportJSON: Self.encode(stage))
                }
                if stored { return stage }
                // Another peer took the stage over and completed it first: its counts are the round's.
            }
        }
    }

    /// Corpus intake, then conjecturing (formalizations and variants): what one peer runs for the round.
    private func runConjectureStage(round: Int, services: ProverServices, progress: SelfPlayProgressHandler?) async throws(ProverError) -> ConjectureStageReport {
        var stage = ConjectureStageReport()
        let intake = CorpusIntake(ledger: ledger, validator: validator, defaultHeader: configuration.defaultHeader)
        let counts = try await intake.intake(corpus, round: round, progress: progress)
        stage.newFormalizations += counts.added
        stage.illFormed += counts.illFormed
        stage.problems += counts.problems

        let conjecturer = SelfPlayConjecturer(
            ledger: ledger, services: services, validator: validator, configuration: configuration, corpus: corpus)
        let conjectured = try await conjecturer.conjecture(unformalized: counts.unformalized, round: round, progress: progress)
        stage.newFormalizations += conjectured.added
        stage.newVariants += conjectured.variants
        stage.illFormed += conjectured.illFormed
        stage.unformalizedProblems += conjectured.unformalized
        stage.problems += conjectured.problems
        return stage
    }

    /// The counts a finished conjecture stage of `round` stored (empty when it stored none), for a peer
    /// that joins the round after the stage (`leanplay prove` helping self-play peers).
    ///
    /// - Throws: `ProverError` `.ledger`.
    static func storedConjectureStage(round: Int, ledger: Ledger, peer: PeerConfiguration) throws(ProverError) -> ConjectureStageReport {
        // Claiming a done stage changes nothing and answers with its stored report.
        let claim = try FormalizationProver.ledgerCall("round \(round) conjecture stage") { () throws(LedgerError) in
            try ledger.claimConjectureStage(round: round, peer: peer.id, leaseSeconds: peer.leaseSeconds)
        }
        guard case .done(let json) = claim else {
            throw ProverError(.ledger, "The conjecture stage of round \(round) is not done; a prove peer joins a self-play round only after it",
                              context: "round \(round)")
        }
        return try decodeStageReport(json, round: round)
    }

    static func encode(_ stage: ConjectureStageReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Integers and strings always encode.
        return String(decoding: (try? encoder.encode(stage)) ?? Data("{}".utf8), as: UTF8.self)
    }

    static func decodeStageReport(_ json: String?, round: Int) throws(ProverError) -> ConjectureStageReport {
        guard let json else { return ConjectureStageReport() }
        guard let stage = try? JSONDecoder().decode(ConjectureStageReport.self, from: Data(json.utf8)) else {
            throw ProverError(.ledger, "The stored conjecture report of round \(round) is not readable; was it written by a newer LeanPlay?",
                              context: "round \(round)")
        }
        return stage
    }
}
