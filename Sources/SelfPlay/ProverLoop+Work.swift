import Foundation
import Ledger
import Prover

extension ProverLoop {
    /// Works the work list of `round` as a peer, up to `concurrency` items at a time, and returns every
    /// item's result (this peer's and the other peers'), in list order, once all are done.
    ///
    /// The list is the round's stored one (`Ledger.roundWork(_:limit:)`): the first call takes the next
    /// `queueLimit` queue items and stores them with the round, and a rerun after a kill works exactly
    /// that list again (whatever `queueLimit` it passes), though the work done before the kill has moved
    /// those items in the queue. Items are leased one peer at a time (``peer``): this peer leases items
    /// up to its free slots in list order, a heartbeat renews its leases, and each item is completed with
    /// its result stored in the ledger. When nothing is leasable but other peers hold items, it waits
    /// (the poll interval, or until the earliest lease expires, when the item can be taken over). An item
    /// whose lease was taken over before it was completed is dropped (its attempts are recorded under
    /// their keys, so nothing is lost or counted twice). Cancellation releases the leases held.
    ///
    /// - Throws: `ProverError` `.cancelled` or `.ledger`.
    func work(queueLimit: Int, round: Int, progress: SelfPlayProgressHandler?) async throws(ProverError) -> [FormalizationResult] {
        try Self.checkStrategies(formalizationProver.prover)
        let ledger = formalizationProver.ledger
        let peer = self.peer
        let items = try formalizationProver.ledgerCall("round \(round) work") { () throws(LedgerError) in
            try ledger.roundWork(round, limit: queueLimit)
        }
        let worker = formalizationProver
        let limit = max(1, worker.prover.configuration.concurrency)
        // A statement proved early in the round releases its unspent checks to the ones this peer works.
        let released = ReleasedChecks()
        let heartbeat = Heartbeat.start(every: peer.heartbeatSeconds, clock: peer.clock) {
            _ = try? ledger.renewLeases(round: round, peer: peer.id, leaseSeconds: peer.leaseSeconds)
        }
        defer { heartbeat.cancel() }
        var completed = try progressCall(round) { () throws(LedgerError) in try ledger.roundProgress(round: round, peer: peer.id) }.done
        progress?(SelfPlayProgress(round: round, stage: .prove, completed: completed, total: items.count))
        do {
            try await withThrowingTaskGroup(of: (WorkLease, FormalizationResult).self) { group in
                var inFlight = 0
                while true {
                    if inFlight < limit {
                        let leases = try progressCall(round) { () throws(LedgerError) in
                            try ledger.leaseWork(round: round, peer: peer.id, limit: limit - inFlight, leaseSeconds: peer.leaseSeconds)
                        }
                        for lease in leases {
                            if lease.leaseCount > 1 {
                                peer.onEvent?("round \(round): took over item \(lease.position) (\(lease.item.formalizationID)) from a peer whose lease ended")
                            }
                            group.addTask { (lease, try await worker.work(lease.item, round: round, released: released)) }
                            inFlight += 1
                        }
                    }
                    if inFlight > 0 {
                        guard let (lease, result) = try await group.next() else { continue }
                        inFlight -= 1
                        // A result finished as the run was cancelled is not completed: a rerun replays it by key.
                        try Task.checkCancellation()
                        if try complete(lease, with: result) {
                            completed += 1
                            progress?(SelfPlayProgress(round: round, stage: .prove, completed: completed, total: items.count))
                        }
                        continue
                    }
                    let state = try progressCall(round) { () throws(LedgerError) in try ledger.roundProgress(round: round, peer: peer.id) }
                    if state.isComplete { break }
                    if state.leasable == 0 {
                        DeadPeerReaper.reap(ledger: ledger, peer: peer)
                        try await peer.sleep(until: state.earliestExpiry, now: ledger.configuration.now())
                    }
                }
            }
        } catch {
            _ = try? ledger.releaseWork(round: round, peer: peer.id)
            if let error = error as? ProverError { throw error }
            throw ProverError(.cancelled, "The prove stage stopped: \(error). Rerun to resume the round.", context: "round \(round)")
        }
        return try storedResults(round: round)
    }

    /// Completes `lease` with `result`; false (and a note) when another peer took the item over.
    private func complete(_ lease: WorkLease, with result: FormalizationResult) throws(ProverError) -> Bool {
        let ledger = formalizationProver.ledger
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(result) else {
            throw ProverError(.ledger, "The result of \(lease.item.formalizationID) cannot be encoded as JSON", context: "round \(lease.round)")
        }
        do {
            try ledger.completeWork(lease, peer: peer.id, resultJSON: String(decoding: data, as: UTF8.self))
            return true
        } catch where error.code == .lostLease {
            peer.onEvent?(error.description)
            return false
        } catch {
            throw ProverError(.ledger, "The ledger failed: \(error.message)", context: "round \(lease.round) work")
        }
    }

    /// Every result stored with `round`'s items, in list order.
    func storedResults(round: Int) throws(ProverError) -> [FormalizationResult] {
        let ledger = formalizationProver.ledger
        let stored = try progressCall(round) { () throws(LedgerError) in try ledger.workResults(round: round) }
        var results: [FormalizationResult] = []
        for (position, json) in stored {
            guard let result = try? JSONDecoder().decode(FormalizationResult.self, from: Data(json.utf8)) else {
                throw ProverError(.ledger, "The stored result of item \(position) of round \(round) is not readable; "
                                    + "was it written by a newer LeanPlay?", context: "round \(round)")
            }
            results.append(result)
        }
        return results
    }

    /// Stores the report as the round's and closes the round, unless another peer finished it first;
    /// returns the round's stored report either way.
    ///
    /// - Throws: `ProverError` `.ledger`.
    func finishOnce(_ report: SelfPlayRoundReport) throws(ProverError) -> SelfPlayRoundReport {
        let ledger = formalizationProver.ledger
        let round = report.round
        let peerID = peer.id
        let finished = try progressCall(round) { () throws(LedgerError) in
            try ledger.finishRoundOnce(round, report: report, peer: peerID)
        }
        if finished { return report }
        let stored = try progressCall(round) { () throws(LedgerError) in try ledger.round(round) }
        guard let json = stored?.reportJSON,
              let report = try? JSONDecoder().decode(SelfPlayRoundReport.self, from: Data(json.utf8))
        else {
            throw ProverError(.ledger, "Round \(round) was finished by another peer but its stored report is not readable",
                              context: "round \(round)")
        }
        return report
    }

    private func progressCall<T>(_ round: Int, _ body: () throws(LedgerError) -> T) throws(ProverError) -> T {
        try FormalizationProver.ledgerCall("round \(round) work", body)
    }
}
