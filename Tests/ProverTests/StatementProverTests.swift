import LeanVerify
import Ledger
@testable import Prover
import Synchronization
import Testing

@Suite("Statement prover with a scripted verifier")
struct StatementProverTests {
    let statement = "theorem add_zero' (x : Nat) : x + 0 = x := by"

    @Test("automation stops spending at the first accepted tactic; level 0 never samples or searches")
    func automationFirst() async throws {
        let verifier = ScriptedVerifier { _, proof in proof == "omega" }
        let recorder = InMemoryRecorder()
        let outcome = try await Fixtures.prover(verifier: verifier)
            .prove(try Fixtures.target(statement), budget: Fixtures.budget(checks: 10), round: 1, recorder: recorder)
        #expect(outcome.proof == "omega")
        #expect(outcome.strategy == .automation)
        #expect(verifier.checked.map(\.proof) == ["rfl", "decide", "omega"], "simp is never tried once omega is accepted")
        #expect(verifier.checked.allSatisfy { $0.statement == "theorem add_zero' (x : Nat) : x + 0 = x := by" })
        #expect(recorder.recorded.map(\.key) == ["r1/p1/f1/prove/automation/rfl", "r1/p1/f1/prove/automation/decide", "r1/p1/f1/prove/automation/omega"])
        #expect(recorder.recorded.last?.verdict.isAccepted == true)
        #expect(outcome.leanChecks == 3 && outcome.modelSamples == 0)
    }

    @Test("the check budget caps Lean checks")
    func checkBudget() async throws {
        let verifier = ScriptedVerifier { _, _ in false }
        let outcome = try await Fixtures.prover(verifier: verifier)
            .prove(try Fixtures.target(statement), budget: Fixtures.budget(checks: 2), round: 1, recorder: InMemoryRecorder())
        #expect(!outcome.isProved)
        #expect(verifier.callCount == 2)
        #expect(outcome.leanChecks == 2)
    }

    @Test("the wall-time budget stops the run")
    func wallTime() async throws {
        let clock = ManualClock()
        let verifier = ScriptedVerifier(onCall: { _ in clock.advance(by: .seconds(400)) }) { _, _ in false }
        let outcome = try await Fixtures.prover(verifier: verifier, clock: clock)
            .prove(try Fixtures.target(statement), budget: Fixtures.budget(checks: 10), round: 1, recorder: InMemoryRecorder())
        #expect(verifier.callCount == 2, "600 s allow a second check at 400 s but not a third at 800 s")
        #expect(!outcome.isProved)
    }

    @Test("identical candidate proofs are checked once per statement")
    func dedupe() async throws {
        let verifier = ScriptedVerifier { _, _ in false }
        let prover = Fixtures.prover(verifier: verifier, portfolio: ["omega", "simp"])
        let outcome = try await prover.prove(
            try Fixtures.target(statement), budget: Fixtures.budget(checks: 10), round: 1, recorder: InMemoryRecorder(),
            knownProofs: ["  omega\n"])
        #expect(verifier.checked.map(\.proof) == ["simp"])
        #expect(outcome.duplicatesSkipped == 1)
        let run = ProofRun(target: try Fixtures.target(statement), budget: Fixtures.budget(checks: 10), round: 1,
                           configuration: prover.configuration, services: prover.services, recorder: InMemoryRecorder())
        let first = try await run.check(ProofCandidate(proof: "intro x\nsimp", strategy: .wholeProof, label: "m", key: "k1"))
        let second = try await run.check(ProofCandidate(proof: "by\n  intro x\n\n  simp  ", strategy: .wholeProof, label: "m", key: "k2"))
        guard case .failed = first, case .duplicate = second else {
            Issue.record("expected a failed check then a duplicate, got \(first) and \(second)")
            return
        }
        #expect(verifier.callCount == 2)
    }

    @Test("a cancelled run resumes from its records: same attempts as a clean run, nothing checked twice")
    func resume() async throws {
        let clean = InMemoryRecorder()
        let cleanVerifier = ScriptedVerifier { _, proof in proof == "simp" }
        _ = try await Fixtures.prover(verifier: cleanVerifier)
            .prove(try Fixtures.target(statement), budget: Fixtures.budget(checks: 10), round: 1, recorder: clean)

        let recorder = InMemoryRecorder()
        let taskBox = Mutex<Task<ProofOutcome, any Error>?>(nil)
        let interrupting = ScriptedVerifier(onCall: { count in
            if count == 2 { taskBox.withLock { $0?.cancel() } }
        }) { _, proof in proof == "simp" }
        let prover = Fixtures.prover(verifier: interrupting)
        let target = try Fixtures.target(statement)
        let gate = Mutex(false)
        let task = Task {
            while !gate.withLock({ $0 }) { await Task.yield() }
            return try await prover.prove(target, budget: Fixtures.budget(checks: 10), round: 1, recorder: recorder)
        }
        taskBox.withLock { $0 = task }
        gate.withLock { $0 = true }
        await #expect(throws: ProverError.self) { try await task.value }
        #expect(recorder.recorded.count == 2, "the two checks made before the cancellation are kept")

        let resumedVerifier = ScriptedVerifier { _, proof in proof == "simp" }
        let outcome = try await Fixtures.prover(verifier: resumedVerifier)
            .prove(target, budget: Fixtures.budget(checks: 10), round: 1, recorder: recorder)
        #expect(outcome.proof == "simp")
        #expect(resumedVerifier.checked.map(\.proof) == ["omega", "simp"], "rfl and decide are not checked again")
        #expect(recorder.recorded.map(\.key) == clean.recorded.map(\.key))
    }

    @Test("the step-wise search closes every obligation of a sketch (AND node) and re-verifies the whole proof")
    func andNodeSearch() async throws {
        let sketch = "have h₁ : x = 1 := by sorry\nhave h₂ : y = y := by sorry\nomega"
        let stepper = ScriptedStepper(
            rules: [
                .init(goalContains: "⊢ x = 1", tactic: "omega", goals: []),
                .init(goalContains: "⊢ y = y", tactic: "rfl", goals: []),
            ],
            sketchGoals: { command in
                command.contains("have h₁")
                    ? ["x y : Nat\nh : x = 1\n⊢ x = 1", "x y : Nat\nh : x = 1\nh₁ : x = 1\n⊢ y = y"]
                    : ["x y : Nat\nh : x = 1\n⊢ x + y = 1 + y"]
            })
        let composed = "have h₁ : x = 1 := by omega\nhave h₂ : y = y := by rfl\nomega"
        let verifier = ScriptedVerifier { _, proof in proof == composed }
        let prover = Fixtures.prover(verifier: verifier, portfolio: ["rfl", "omega"], stepping: stepper)
        let recorder = InMemoryRecorder()
        let run = ProofRun(
            target: try Fixtures.target("theorem t (x y : Nat) (h : x = 1) : x + y = 1 + y := by", level: 1),
            budget: Fixtures.budget(checks: 20, expansions: 6), round: 1,
            configuration: prover.configuration, services: prover.services, recorder: recorder)
        let found = try await run.runSearch(sketches: [sketch], stepper: stepper)
        #expect(found?.proof == composed)
        #expect(found?.steps.map(\.tactic) == ["omega", "rfl"])
        #expect(found?.steps.first?.state == "x y : Nat\nh : x = 1\n⊢ x = 1")
        #expect(stepper.requests.filter { $0.hasPrefix("cmd") }.count == 1, "the sketch closed before the root goal was started")
        #expect(!verifier.checked.contains { $0.proof == composed }, "runSearch only composes; StatementProver re-verifies")
    }

    @Test("a search result counts only after the whole proof is re-verified as one command")
    func searchReverified() async throws {
        let stepper = ScriptedStepper(
            rules: [.init(goalContains: "⊢ conj", tactic: "constructor", goals: ["⊢ left", "⊢ right"]),
                    .init(goalContains: "⊢ left", tactic: "simp", goals: []),
                    .init(goalContains: "⊢ right", tactic: "simp", goals: [])],
            sketchGoals: { _ in ["⊢ conj"] })
        let verifier = ScriptedVerifier { _, proof in proof == "constructor\nsimp\nsimp" }
        let recorder = InMemoryRecorder()
        let outcome = try await Fixtures.prover(verifier: verifier, portfolio: ["constructor", "simp"], stepping: stepper)
            .prove(try Fixtures.target("theorem t (a b : Prop) (ha : a) (hb : b) : a ∧ b := by", level: 1),
                   budget: Fixtures.budget(checks: 30, samples: 4, expansions: 5), round: 1, recorder: recorder)
        #expect(outcome.proof == "constructor\nsimp\nsimp", "one tactic per line, as the search applied them")
        #expect(outcome.strategy == .search)
        let last = try #require(recorder.recorded.last)
        #expect(last.strategy == .search && last.key == "r1/p1/f1/prove/search" && last.steps.count == 3)
        #expect(verifier.checked.map(\.proof) == ["constructor", "simp", "constructor\nsimp\nsimp"])
    }
}

/// Issue 8: a verdict served from the verdict cache costs no Lean check, and reports say so — it is
/// counted in `cachedVerdicts`, never in `leanChecks` (it still takes a check of the budget, so a rerun
/// decides alike).
@Suite("Cached verdicts are not Lean checks")
struct CachedVerdictCountingTests {
    /// Rejects every proof; the ones in `cached` come back as cache hits.
    struct PartlyCachedVerifier: ProofVerifying {
        var cached: Set<String>
        func verify(header: String, statement: String, proof: String) async -> Verdict {
            var verdict = Verdict(status: .rejected, reason: "unsolved goals", rule: "lean-error", elapsedMilliseconds: 5)
            if cached.contains(proof) {
                verdict.fromCache = true
                verdict.elapsedMilliseconds = 0
            }
            return verdict
        }
    }

    @Test func cacheHitsAreCountedApartFromLeanChecks() async throws {
        let verifier = PartlyCachedVerifier(cached: ["rfl", "decide"])
        let outcome = try await Fixtures.prover(verifier: verifier, portfolio: ["rfl", "decide", "omega", "simp"])
            .prove(try Fixtures.target("theorem t (x : Nat) : x + 0 = x := by"), budget: Fixtures.budget(checks: 10),
                   round: 1, recorder: InMemoryRecorder())
        #expect(outcome.attempts.count == 4)
        #expect(outcome.cachedVerdicts == 2)
        #expect(outcome.leanChecks == 2, "only omega and simp reached Lean")
    }
}
