import Ledger
import ProblemCorpus
@testable import Prover
@testable import SelfPlay
import Synchronization
import Testing

@Suite("Self-play rounds on an in-memory ledger without a model")
struct SelfPlayRoundTests {
    static let corpus: [Problem] = [
        Problem(id: "p_easy", informal: "n + 0 = n", formalStatement: "theorem p_easy (x : Nat) : x + 0 = x := by", header: ""),
        Problem(id: "p_false", informal: "wrong", formalStatement: "theorem p_false (n : Nat) (h : n > 5) : n < 3 := by", header: ""),
        Problem(id: "p_vac", informal: "vacuous", formalStatement: "theorem p_vac (n : Nat) (h₀ : n < 2) (h₁ : n > 5) : n = 7 := by", header: ""),
        Problem(id: "p_triv", informal: "trivial", formalStatement: "theorem p_triv (n : Nat) (h : n > 0) : n * 1 = n := by", header: ""),
        Problem(id: "p_ill", informal: "broken", formalStatement: "theorem p_ill (x : Nat) : ILL_FORMED x := by", header: ""),
        Problem(id: "p_hard", informal: "hard", formalStatement: "theorem p_hard (a b : Nat) : a * b = b * a + 0 := by", header: ""),
        Problem(id: "p_informal", informal: "Show that there are infinitely many primes."),
    ]

    /// The scripted Lean: which (statement, proof) pairs are accepted.
    static func accepts(_ statement: String, _ proof: String) -> Bool {
        if statement.contains("¬") { return statement.contains("n < 3") && proof == "omega" }
        if statement.contains(": False") { return statement.contains("h₁ : n > 5") && proof == "omega" }
        if statement.contains("x + 0 = x") { return proof == "omega" }
        if statement.contains("n = 7") { return statement.contains("h₁ : n > 5") && proof == "omega" }
        if statement.contains("n * 1 = n") { return proof == "simp" }
        return false
    }

    static func engine(_ ledger: Ledger, verifier: ScriptedVerifier, variantTargets: Int = 0) -> SelfPlayEngine {
        let prover = ProverConfiguration(portfolio: AutomationPortfolio(tactics: ["rfl", "simp", "omega"]), concurrency: 1)
        return SelfPlayEngine(
            ledger: ledger, corpus: corpus, services: ProverServices(verifier: verifier, clock: ManualClock()),
            validator: verifier,
            configuration: SelfPlayConfiguration(prover: prover, defaultHeader: "", queueLimit: 50, variantTargets: variantTargets))
    }

    static func formalization(_ ledger: Ledger, _ problem: String) throws -> Formalization {
        try #require(try ledger.formalizations(problemID: problem).first)
    }

    @Test("a round proves, disproves, flags and records ill-formed statements, with reasons")
    func firstRound() async throws {
        let ledger = try Ledger.inMemory()
        let verifier = ScriptedVerifier(accepts: Self.accepts)
        let seen = Mutex<[SelfPlayProgress]>([])
        let report = try await Self.engine(ledger, verifier: verifier).runRound { progress in seen.withLock { $0.append(progress) } }
        #expect(report.round == 1)
        let progress = seen.withLock { $0 }
        #expect(progress.last == SelfPlayProgress(round: 1, stage: .finish, completed: 1, total: 1))
        #expect(progress.contains(SelfPlayProgress(round: 1, stage: .corpus, completed: 7, total: 7)))
        #expect(progress.contains(SelfPlayProgress(round: 1, stage: .prove, completed: 5, total: 5)))
        #expect(progress.allSatisfy { $0.completed <= $0.total })
        #expect(report.newFormalizations == 6)
        #expect(report.illFormed == 1)
        #expect(report.unformalizedProblems == 1)
        #expect(report.worked == 5)
        #expect(report.proved == 3)
        #expect(report.disproved == 1)
        #expect(report.passRate == 3.0 / 5.0)
        #expect(report.flagged["easy"] == 3)
        #expect(report.flagged["vacuous"] == 1)
        #expect(report.flagged["trivial_conclusion"] == 1)
        #expect(report.flagExplanations["vacuous"]?.contains("hypotheses are contradictory") == true)
        #expect(try Self.formalization(ledger, "p_false").status == .disproved)
        #expect(try Self.formalization(ledger, "p_ill").status == .illFormed)
        #expect(try Self.formalization(ledger, "p_vac").flags == [.vacuous, .easy])
        #expect(try Self.formalization(ledger, "p_triv").flags == [.trivialConclusion, .easy])
        #expect(try Self.formalization(ledger, "p_easy").flags == [.easy])
        let hard = try Self.formalization(ledger, "p_hard")
        #expect(hard.status == .open && hard.budgetLevel == 1, "a failed level-0 round ramps the budget")
        let hardAttempts = try ledger.attempts(for: hard.id)
        #expect(hardAttempts.allSatisfy { $0.record.strategy == .automation && $0.record.budgetLevel == 0 })
        #expect(Set(hardAttempts.map(\.record.kind)) == [.prove, .disprove])
        let finished = try #require(try ledger.latestRound())
        #expect(finished.isFinished && finished.reportJSON?.contains("\"proved\":3") == true)
    }

    @Test("disproved and ill-formed formalizations are never retried; budgets ramp in the next round")
    func secondRound() async throws {
        let ledger = try Ledger.inMemory()
        let verifier = ScriptedVerifier(accepts: Self.accepts)
        let engine = Self.engine(ledger, verifier: verifier)
        _ = try await engine.runRound()
        let disprovedID = try Self.formalization(ledger, "p_false").id
        let before = try ledger.attempts(for: disprovedID).count
        let report = try await engine.runRound()
        #expect(report.round == 2)
        #expect(report.newFormalizations == 0, "corpus statements already in the ledger are not added again")
        #expect(!report.formalizations.contains { $0.formalizationID == disprovedID })
        #expect(!report.formalizations.contains { $0.formalizationID.hasPrefix("p_ill") })
        #expect(try ledger.attempts(for: disprovedID).count == before)
        let hard = try #require(report.formalizations.first { $0.formalizationID.hasPrefix("p_hard") })
        #expect(hard.work == "prove" && hard.budgetLevel == 1)
        #expect(try Self.formalization(ledger, "p_hard").budgetLevel == 2)
        let shortened = report.formalizations.filter { $0.work == "shorten" }
        #expect(shortened.count == 3, "proved formalizations come back as shorten work")
        #expect(shortened.allSatisfy { $0.duplicatesSkipped >= 1 }, "their best proof is never re-checked")
    }

    @Test("a round cancelled mid-way and rerun records exactly the attempts of a clean run")
    func resumeAfterCancellation() async throws {
        let cleanLedger = try Ledger.inMemory()
        let cleanVerifier = ScriptedVerifier(accepts: Self.accepts)
        _ = try await Self.engine(cleanLedger, verifier: cleanVerifier).runRound()

        let ledger = try Ledger.inMemory()
        let taskBox = Mutex<Task<SelfPlayRoundReport, any Error>?>(nil)
        let interrupting = ScriptedVerifier(onCall: { count in
            if count == 7 { taskBox.withLock { $0?.cancel() } }
        }, accepts: Self.accepts)
        let gate = Mutex(false)
        let engine = Self.engine(ledger, verifier: interrupting)
        let task = Task {
            while !gate.withLock({ $0 }) { await Task.yield() }
            return try await engine.runRound()
        }
        taskBox.withLock { $0 = task }
        gate.withLock { $0 = true }
        await #expect(throws: ProverError.self) { try await task.value }
        #expect(try ledger.latestRound()?.isFinished == false, "the interrupted round stays open")

        let rerun = ScriptedVerifier(accepts: Self.accepts)
        let report = try await Self.engine(ledger, verifier: rerun).runRound()
        #expect(report.round == 1, "the rerun resumes round 1")
        for problem in Self.corpus.dropLast() {
            let keys = try ledger.attempts(for: try Self.formalization(ledger, problem.id).id).map(\.record.idempotencyKey).sorted()
            let cleanKeys = try cleanLedger.attempts(for: try Self.formalization(cleanLedger, problem.id).id).map(\.record.idempotencyKey).sorted()
            #expect(keys == cleanKeys, "attempts of \(problem.id)")
        }
        #expect(interrupting.callCount == 7)
        #expect(interrupting.callCount + rerun.callCount == cleanVerifier.callCount, "no check is made twice")
        #expect(try ledger.statusCounts() == (try cleanLedger.statusCounts()))
        let cleanFlags = try Self.corpus.dropLast().map { try Self.formalization(cleanLedger, $0.id).flags }
        let flags = try Self.corpus.dropLast().map { try Self.formalization(ledger, $0.id).flags }
        #expect(flags == cleanFlags)
    }

    @Test("without a model, the next round varies the previous round's hard and proved formalizations symbolically")
    func symbolicVariants() async throws {
        let ledger = try Ledger.inMemory()
        let verifier = ScriptedVerifier(accepts: Self.accepts)
        let engine = Self.engine(ledger, verifier: verifier, variantTargets: 2)
        let first = try await engine.runRound()
        #expect(first.newVariants == 0, "round 1 has no previous round to vary")
        let second = try await engine.runRound()
        #expect(second.newVariants > 0)
        let hard = try Self.formalization(ledger, "p_hard")
        let children = try ledger.formalizations(problemID: "p_hard").filter { $0.parentID == hard.id }
        #expect(!children.isEmpty)
        #expect(children.allSatisfy { $0.source == .symbolic && $0.createdRound == 2 && $0.variantOperator != nil })
        #expect(second.formalizations.contains { row in children.contains { $0.id == row.formalizationID } },
                "new variants are worked in the same round")
        let third = try await engine.runRound()
        let again = try ledger.formalizations(problemID: "p_hard").filter { $0.parentID == hard.id && $0.createdRound == 2 }
        #expect(again.count == children.count, "round 3 does not re-add round 2's variants")
        #expect(third.round == 3)
    }
}
