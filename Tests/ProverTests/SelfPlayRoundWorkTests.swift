import Ledger
import ProblemCorpus
@testable import Prover
@testable import SelfPlay
import Synchronization
import Testing

/// A round works a queue longer than its limit: work done before a kill moves items in the queue (failed
/// ones ramp their budget, proved ones drop to the "shorten" tail), so a resumed round must work the list
/// stored when the round first computed it, not the queue as it looks on resume.
@Suite("Self-play rounds resume on their stored work list")
struct SelfPlayRoundWorkTests {
    /// Ten statements with hypotheses, so proved ones get vacuity and triviality probes.
    static let corpus: [Problem] = (0..<10).map { index in
        Problem(id: "q\(index)", informal: "statement \(index)",
                formalStatement: "theorem q\(index) (n : Nat) (h : n > \(index)) : n + \(index) > \(2 * index) := by", header: "")
    }

    /// Which declaration (by name) is proved by which tactic; everything else fails.
    static let proofs: [String: String] = [
        "q0": "omega", "q0_vacuity": "omega",
        "q2": "simp", "q2_triviality": "simp",
        "q3_negation": "omega",
        "q5": "omega", "q5_triviality": "omega",
        "q8_negation": "omega",
        "q9": "rfl",
    ]

    static func accepts(_ statement: String, _ proof: String) -> Bool {
        for (name, tactic) in proofs where statement.contains("theorem \(name) ") { return proof == tactic }
        return false
    }

    static func engine(_ ledger: Ledger, verifier: ScriptedVerifier, queueLimit: Int = 4) -> SelfPlayEngine {
        let prover = ProverConfiguration(portfolio: AutomationPortfolio(tactics: ["rfl", "simp", "omega"]), concurrency: 1)
        return SelfPlayEngine(
            ledger: ledger, corpus: corpus, services: ProverServices(verifier: verifier, clock: ManualClock()),
            validator: verifier,
            configuration: SelfPlayConfiguration(prover: prover, defaultHeader: "", queueLimit: queueLimit, variantTargets: 0))
    }

    /// Everything the ledger knows about each formalization, keyed by problem.
    struct State: Equatable {
        var status: FormalizationStatus
        var flags: Set<FormalizationFlag>
        var attemptCount: Int
        var budgetLevel: Int
        var bestProof: String?
        var attemptKeys: [String]
        var verdicts: [String: AttemptVerdict]
    }

    static func state(_ ledger: Ledger) throws -> [String: State] {
        var states: [String: State] = [:]
        for problem in corpus {
            let formalization = try #require(try ledger.formalizations(problemID: problem.id).first)
            let attempts = try ledger.attempts(for: formalization.id)
            states[problem.id] = State(
                status: formalization.status, flags: formalization.flags, attemptCount: formalization.attemptCount,
                budgetLevel: formalization.budgetLevel, bestProof: formalization.bestProof,
                attemptKeys: attempts.map(\.record.idempotencyKey).sorted(),
                verdicts: Dictionary(uniqueKeysWithValues: attempts.map { ($0.record.idempotencyKey, $0.record.verdict) }))
        }
        return states
    }

    /// Two rounds of a clean run: the state after each, the formalizations each round worked, and the
    /// verifier calls each made.
    static func cleanRun() async throws -> (states: [[String: State]], worked: [[String]], calls: [Int], attempts: [Int]) {
        let ledger = try Ledger.inMemory()
        var states: [[String: State]] = []
        var worked: [[String]] = []
        var calls: [Int] = []
        var attempts: [Int] = []
        for _ in 0..<2 {
            let verifier = ScriptedVerifier(accepts: Self.accepts)
            let report = try await Self.engine(ledger, verifier: verifier).runRound()
            states.append(try state(ledger))
            worked.append(report.formalizations.map(\.formalizationID))
            calls.append(verifier.callCount)
            attempts.append(report.attempts)
        }
        return (states, worked, calls, attempts)
    }

    /// Runs the ledger's current round, cancelling it at verifier call `cancelAt`; returns whether it was
    /// interrupted and the calls it made.
    static func interruptedRound(_ ledger: Ledger, cancelAt: Int) async throws -> (interrupted: Bool, calls: Int) {
        let taskBox = Mutex<Task<SelfPlayRoundReport, any Error>?>(nil)
        let verifier = ScriptedVerifier(onCall: { count in
            if count == cancelAt { taskBox.withLock { $0?.cancel() } }
        }, accepts: Self.accepts)
        let gate = Mutex(false)
        let engine = Self.engine(ledger, verifier: verifier)
        let task = Task {
            while !gate.withLock({ $0 }) { await Task.yield() }
            return try await engine.runRound()
        }
        taskBox.withLock { $0 = task }
        gate.withLock { $0 = true }
        do {
            _ = try await task.value
            return (false, verifier.callCount)
        } catch is ProverError {
            return (true, verifier.callCount)
        }
    }

    @Test("the clean run's rounds work four of ten items, and the queue moves under them")
    func cleanRunShape() async throws {
        let clean = try await Self.cleanRun()
        #expect(clean.worked[0].map { $0.split(separator: "/")[0] } == ["q0", "q1", "q2", "q3"])
        #expect(clean.worked[1].count == 4)
        #expect(clean.states[0]["q0"]?.flags.contains(.vacuous) == true, "the probe of a proved item ran")
        #expect(clean.states[0]["q2"]?.flags.contains(.trivialConclusion) == true)
        #expect(clean.states[0]["q3"]?.status == .disproved)
        #expect(clean.states[0]["q1"]?.budgetLevel == 1)
        #expect(clean.states[0]["q4"]?.attemptKeys.isEmpty == true, "beyond the limit: not worked in round 1")
        let ledger = try Ledger.inMemory()
        let report = try await Self.engine(ledger, verifier: ScriptedVerifier(accepts: Self.accepts)).runRound()
        #expect(try ledger.roundWork(report.round)?.map(\.formalizationID) == report.formalizations.map(\.formalizationID))
        #expect(try ledger.nextWork(limit: 4).map(\.formalizationID) != report.formalizations.map(\.formalizationID),
                "after the work the queue no longer starts with the round's items")
    }

    @Test("a round cancelled at any verifier call and rerun ends exactly as a clean run, in both rounds")
    func resumeAtEveryCallMatchesACleanRun() async throws {
        let clean = try await Self.cleanRun()
        #expect(clean.calls[0] > 8)
        for round in 0..<2 {
            for cancelAt in 1...clean.calls[round] {
                let ledger = try Ledger.inMemory()
                if round == 1 { _ = try await Self.engine(ledger, verifier: ScriptedVerifier(accepts: Self.accepts)).runRound() }
                let interrupted = try await Self.interruptedRound(ledger, cancelAt: cancelAt)
                if cancelAt < clean.calls[round] {
                    #expect(interrupted.interrupted, "round \(round + 1) cancelled at call \(cancelAt)")
                }
                var rerunCalls = 0
                var worked: [String] = []
                if interrupted.interrupted {
                    #expect(try ledger.latestRound()?.isFinished == false)
                    let rerun = ScriptedVerifier(accepts: Self.accepts)
                    let report = try await Self.engine(ledger, verifier: rerun).runRound()
                    #expect(report.round == round + 1, "the rerun resumes the round")
                    #expect(report.attempts == clean.attempts[round],
                            "round \(round + 1) cancelled at call \(cancelAt): the report counts the round's attempts, not the rerun's")
                    #expect(try ledger.round(round + 1)?.reportJSON?.contains("\"attempts\":\(clean.attempts[round]),") == true)
                    rerunCalls = rerun.callCount
                    worked = report.formalizations.map(\.formalizationID)
                } else {
                    worked = try #require(try ledger.roundWork(round + 1)).map(\.formalizationID)
                }
                #expect(worked == clean.worked[round], "round \(round + 1) cancelled at call \(cancelAt): items worked")
                #expect(interrupted.calls + rerunCalls == clean.calls[round],
                        "round \(round + 1) cancelled at call \(cancelAt): no check made twice or skipped")
                let state = try Self.state(ledger)
                for problem in Self.corpus {
                    #expect(state[problem.id] == clean.states[round][problem.id],
                            "round \(round + 1) cancelled at call \(cancelAt): \(problem.id)")
                }
            }
        }
    }

    @Test("leanplay prove's loop resumes its round on the stored list too")
    func proverLoopResumes() async throws {
        let cleanLedger = try Ledger.inMemory()
        _ = try await Self.engine(cleanLedger, verifier: ScriptedVerifier(accepts: Self.accepts)).runRound()
        let cleanLoop = ProverLoop(prover: Self.prover(ScriptedVerifier(accepts: Self.accepts)), ledger: cleanLedger)
        let cleanReport = try await cleanLoop.prove(queueLimit: 4)

        let ledger = try Ledger.inMemory()
        _ = try await Self.engine(ledger, verifier: ScriptedVerifier(accepts: Self.accepts)).runRound()
        let taskBox = Mutex<Task<SelfPlayRoundReport, any Error>?>(nil)
        let interrupting = ScriptedVerifier(onCall: { count in
            if count == 3 { taskBox.withLock { $0?.cancel() } }
        }, accepts: Self.accepts)
        let gate = Mutex(false)
        let loop = ProverLoop(prover: Self.prover(interrupting), ledger: ledger)
        let task = Task {
            while !gate.withLock({ $0 }) { await Task.yield() }
            return try await loop.prove(queueLimit: 4)
        }
        taskBox.withLock { $0 = task }
        gate.withLock { $0 = true }
        await #expect(throws: ProverError.self) { try await task.value }

        let report = try await ProverLoop(prover: Self.prover(ScriptedVerifier(accepts: Self.accepts)), ledger: ledger)
            .prove(queueLimit: 2)
        #expect(report.round == cleanReport.round)
        #expect(report.formalizations.map(\.formalizationID) == cleanReport.formalizations.map(\.formalizationID),
                "the stored list wins over a different limit on the rerun")
        #expect(try Self.state(ledger) == (try Self.state(cleanLedger)))
    }

    static func prover(_ verifier: ScriptedVerifier) -> StatementProver {
        StatementProver(
            configuration: ProverConfiguration(portfolio: AutomationPortfolio(tactics: ["rfl", "simp", "omega"]), concurrency: 1),
            services: ProverServices(verifier: verifier, clock: ManualClock()))
    }
}
