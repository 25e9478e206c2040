public import ProblemCorpus
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Ledger
import Synchronization

extension EvaluationPeer {
    /// Works this peer's share of the evaluation of `problems` until every problem is done, then reads
    /// all results back and finishes the run (once, whichever peer gets there first).
    ///
    /// Problems without a formal statement are skipped, as in ``Evaluator/run(_:progress:onResult:)``.
    /// The peer registers the run (or joins it) and itself as a peer (`command` `evaluate`, freeing what a
    /// crashed earlier process under its id held), then repeatedly leases problems — at most the
    /// configuration's `concurrency` in flight — evaluates each and completes it with its result, renewing
    /// its leases every third of ``leaseSeconds``; with nothing to lease while other peers hold the last
    /// problems it waits ``pollInterval`` and looks again, taking over problems whose lease ran out.
    ///
    /// - Parameters:
    ///   - malformedLines: benchmark lines that could not be read, for the summary.
    ///   - finished: results this peer already has (its `results.jsonl`): a leased problem found here is
    ///     completed with that result without being evaluated again.
    ///   - progress: called after each problem this peer completes.
    ///   - onResult: called with each result this peer evaluated and completed (not for problems another
    ///     peer took over meanwhile), e.g. to append it to `results.jsonl`.
    /// - Throws: `EvaluationError` `.invalidConfiguration` before any work, `.configurationChanged` when
    ///   the ledger holds this run with another problem list, `.ledger` when the ledger fails, `.cancelled`,
    ///   `.prover`, or what `onResult` throws. Problems leased at the time are released for other peers.
    public func run(
        _ problems: [Problem], malformedLines: [String] = [], finished: [ProblemResult] = [],
        progress: EvaluationProgressHandler? = nil,
        onResult: (@Sendable (ProblemResult) async throws(EvaluationError) -> Void)? = nil
    ) async throws(EvaluationError) -> EvaluationPeerOutcome {
        let configuration = evaluator.configuration
        try configuration.validate()
        guard !peerID.isEmpty else { throw EvaluationError(.invalidConfiguration, "a peer needs a non-empty id (--peer-id)") }
        guard leaseSeconds > 0, leaseSeconds.isFinite else {
            throw EvaluationError(.invalidConfiguration, "lease seconds must be greater than 0 (got \(leaseSeconds))")
        }
        let (formal, skipped) = Evaluator.partition(problems)
        let runID = try Self.runID(for: configuration)
        let configText = String(decoding: try EvaluationDirectory.encode(configuration, pretty: true), as: UTF8.self)
        _ = try ledgerCall { () throws(LedgerError) in
            try ledger.registerEvaluationRun(id: runID, configuration: configText, problemIDs: formal.map(\.id))
        }
        let completedHere = try await work(
            formal, runID: runID, known: Dictionary(finished.map { ($0.problemID, $0) }, uniquingKeysWith: { $1 }),
            progress: progress, onResult: onResult)

        let stored = try ledgerCall { () throws(LedgerError) in try ledger.evaluationResults(run: runID) }
        let results = try decode(stored, expected: formal, runID: runID)
        let summary = EvaluationSummary(
            configuration: configuration, problems: formal, results: results, skipped: skipped.map(\.id),
            malformedLines: malformedLines)
        let summaryText = String(decoding: try EvaluationDirectory.encode(summary, pretty: true), as: UTF8.self)
        let finishedHere = try ledgerCall { () throws(LedgerError) in
            try ledger.finishEvaluationRun(runID, peer: peerID, summary: summaryText)
        }
        return EvaluationPeerOutcome(
            runID: runID, results: results, summary: summary, completedHere: completedHere,
            completedByPeer: Dictionary(stored.map { ($0.doneBy, 1) }, uniquingKeysWith: +), finishedHere: finishedHere)
    }

    /// What a child task of ``work`` reports.
    private enum Event: Sendable {
        /// A leased problem ended: completed by this peer, or lost to another.
        case problem(completed: Bool)
        /// The heartbeat stopped (cancelled at the end).
        case heartbeat
    }

    /// Leases, evaluates and completes problems until the run has none left; returns how many this peer completed.
    private func work(
        _ formal: [Problem], runID: String, known: [String: ProblemResult], progress: EvaluationProgressHandler?,
        onResult: (@Sendable (ProblemResult) async throws(EvaluationError) -> Void)?
    ) async throws(EvaluationError) -> Int {
        let concurrency = evaluator.configuration.concurrency
        let slots = SampleSlots(concurrency)
        // Registering shows this peer in `leanplay report` and frees what a dead earlier process under this
        // id still holds (ids are unique among running peers).
        let start = try ledgerCall { () throws(LedgerError) in
            try ledger.registerPeer(id: peerID, host: Self.hostName, pid: Int(getpid()), command: "evaluate")
            return try ledger.evaluationProgress(run: runID)
        }
        let counter = ProgressCounter(total: start.total - start.done)
        let held = HeldLeases()
        do {
            return try await withThrowingTaskGroup(of: Event.self) { group in
                group.addTask { await heartbeat(held); return .heartbeat }
                defer { group.cancelAll() }
                var inFlight = 0
                var completed = 0
                while true {
                    if inFlight < concurrency {
                        let leases = try ledgerCall { () throws(LedgerError) in
                            try ledger.leaseEvaluationItems(run: runID, peer: peerID, limit: concurrency - inFlight, leaseSeconds: leaseSeconds)
                        }
                        for lease in leases {
                            held.insert(lease)
                            group.addTask {
                                defer { held.remove(lease) }
                                return .problem(completed: try await self.solve(
                                    lease, formal: formal, known: known, slots: slots, counter: counter, progress: progress,
                                    onResult: onResult))
                            }
                        }
                        inFlight += leases.count
                    }
                    if inFlight == 0 {
                        let now = try ledgerCall { () throws(LedgerError) in try ledger.evaluationProgress(run: runID) }
                        if now.isComplete { return completed }
                        if now.available == 0 { try await sleep(pollInterval) }
                        continue
                    }
                    guard let event = try await group.next() else { return completed }
                    if case .problem(let done) = event {
                        inFlight -= 1
                        if done { completed += 1 }
                    }
                }
            }
        } catch let error as EvaluationError {
            throw error
        } catch {
            throw EvaluationError(.cancelled, "The evaluation was cancelled (\(error)); finished problems are kept in the ledger. Rerun to resume.")
        }
    }

    /// Evaluates one leased problem (or takes its known result) and completes it; returns whether this
    /// peer completed it (`false`: another peer took it over first, and its result stands).
    private func solve(
        _ lease: EvaluationLease, formal: [Problem], known: [String: ProblemResult], slots: SampleSlots,
        counter: ProgressCounter, progress: EvaluationProgressHandler?,
        onResult: (@Sendable (ProblemResult) async throws(EvaluationError) -> Void)?
    ) async throws(EvaluationError) -> Bool {
        guard formal.indices.contains(lease.position), formal[lease.position].id == lease.problemID else {
            throw EvaluationError(
                .ledger, "the ledger's problem \(lease.position + 1) is \(lease.problemID), which this benchmark does not have there",
                context: "evaluation \(lease.runID)")
        }
        let problem = formal[lease.position]
        let result: ProblemResult
        if let earlier = known[problem.id] {
            result = earlier
        } else {
            do {
                result = try await evaluator.evaluate(problem, slots: slots)
            } catch {
                _ = try? ledger.releaseEvaluationItem(lease)
                throw error
            }
        }
        let json = String(decoding: try EvaluationDirectory.encode(result, pretty: false), as: UTF8.self)
        do {
            try ledger.completeEvaluationItem(lease, resultJSON: json)
        } catch where error.code == .lostLease {
            return false
        } catch {
            throw Self.wrap(error)
        }
        if known[problem.id] == nil { try await onResult?(result) }
        progress?(counter.finished(result))
        return true
    }

    /// Renews the leases this peer is working on every third of ``leaseSeconds`` until cancelled. A failed
    /// renewal is not fatal: the lease may run out, and completing the problem then says whether it was lost.
    private func heartbeat(_ held: HeldLeases) async {
        let interval = Duration.milliseconds(max(1, Int64(leaseSeconds * 1_000 / 3)))
        while !Task.isCancelled {
            do { try await sleep(interval) } catch { return }
            if Task.isCancelled { return }
            _ = try? ledger.renewEvaluationLeases(held.all, leaseSeconds: leaseSeconds)
            try? ledger.touchPeer(peerID)
        }
    }

    /// The stored results as `ProblemResult`s in benchmark order; every problem must have one.
    private func decode(_ stored: [EvaluationItemResult], expected formal: [Problem], runID: String) throws(EvaluationError) -> [ProblemResult] {
        guard stored.count == formal.count else {
            throw EvaluationError(
                .ledger, "the ledger holds \(stored.count) of \(formal.count) results after every problem was done; rerun to resume",
                context: "evaluation \(runID)")
        }
        let decoder = JSONDecoder()
        var results: [ProblemResult] = []
        for item in stored {
            guard let result = try? decoder.decode(ProblemResult.self, from: Data(item.resultJSON.utf8)), result.problemID == item.problemID else {
                throw EvaluationError(
                    .ledger, "the stored result of \(item.problemID) (by peer \(item.doneBy)) is not a problem result; "
                        + "the ledger was written by another program",
                    context: "evaluation \(runID)")
            }
            results.append(result)
        }
        return results
    }

    private func ledgerCall<T>(_ body: () throws(LedgerError) -> T) throws(EvaluationError) -> T {
        do {
            return try body()
        } catch {
            throw Self.wrap(error)
        }
    }

    /// A ledger failure as an evaluation error: another problem list under the run's id is a changed
    /// configuration; anything else a ledger failure, after which a rerun resumes.
    static func wrap(_ error: LedgerError) -> EvaluationError {
        if error.code == .evaluationRunMismatch {
            return EvaluationError(.configurationChanged, error.message, context: error.context)
        }
        return EvaluationError(.ledger, "\(error); finished problems are kept in the ledger. Rerun to resume.")
    }
}

/// The leases a peer's process is working on, for its heartbeat.
private final class HeldLeases: Sendable {
    private let leases = Mutex<[Int: EvaluationLease]>([:])

    var all: [EvaluationLease] { leases.withLock { $0.values.sorted { $0.position < $1.position } } }

    func insert(_ lease: EvaluationLease) { leases.withLock { $0[lease.position] = lease } }

    func remove(_ lease: EvaluationLease) { leases.withLock { _ = $0.removeValue(forKey: lease.position) } }
}
