import Conjecturer
import Foundation
import LeanPlayTestSupport
import LeanREPL
import LeanVerify
import Ledger
import ModelClient
@testable import Prover
@testable import SelfPlay
import Testing

/// What the step-wise search spends, on the `fake-lean-repl` process: an obligation is expanded until
/// one tactic closes it, never again; the root goal is not re-tried with tactics automation saw fail;
/// the model's next-tactic requests get the samples the portfolio did not need.
@Suite("Search spending against the fake REPL process", .enabled(if: FakeREPL.isBuilt))
struct FakeREPLSearchSpendingTests {
    struct Scenario {
        var statement: String
        var sketch: String
        var composed: String
        var tactics: [(goal: String, tactic: String)]
        var nextTactic: String?
    }

    /// A 4-hole sketch; each hole closes with one portfolio tactic (positions 5, 6, 1 and 8 of the
    /// standard portfolio: 20 tactic checks in all).
    static let fourHoles = Scenario(
        statement: "theorem four (a b c d : ℝ) (ha : a = 1) (hb : b ≤ 2) (hd : 0 < d) : a ≤ 1 ∧ b ≤ 2 ∧ c = c ∧ 0 < d := by",
        sketch: """
            have h₁ : a ≤ 1 := by sorry
            have h₂ : b ≤ 2 := by sorry
            have h₃ : c = c := by sorry
            have h₄ : 0 < d := by sorry
            exact ⟨h₁, h₂, h₃, h₄⟩
            """,
        composed: """
            have h₁ : a ≤ 1 := by norm_num
            have h₂ : b ≤ 2 := by linarith
            have h₃ : c = c := by rfl
            have h₄ : 0 < d := by positivity
            exact ⟨h₁, h₂, h₃, h₄⟩
            """,
        tactics: [("⊢ a ≤ 1", "norm_num"), ("⊢ b ≤ 2", "linarith"), ("⊢ c = c", "rfl"), ("⊢ 0 < d", "positivity")],
        nextTactic: nil)

    /// A sketch whose first hole no portfolio tactic closes: the model's commented tactic does.
    static let modelHole = Scenario(
        statement: "theorem conj (p q : Prop) (hp : p) (hq : q) (x : ℕ) (hx : x = 2) : (p ∧ q ∧ p) ∧ x = 2 := by",
        sketch: "have h₁ : p ∧ q ∧ p := by\n  sorry\nhave h₂ : x = 2 := by sorry\nexact ⟨h₁, h₂⟩",
        composed: "have h₁ : p ∧ q ∧ p := by\n  exact ⟨hp, hq, hp⟩ -- all three conjuncts\nhave h₂ : x = 2 := by omega\nexact ⟨h₁, h₂⟩",
        tactics: [("⊢ p ∧ q ∧ p", "exact ⟨hp, hq, hp⟩ -- all three conjuncts"), ("⊢ x = 2", "omega")],
        nextTactic: "exact ⟨hp, hq, hp⟩ -- all three conjuncts")

    static func rules(_ scenario: Scenario) -> String {
        let inCommand = scenario.composed.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n  ")
        let tactics = scenario.tactics.map { #"{"goal_contains": \#(json($0.goal)), "tactic": \#(json($0.tactic)), "goals": []}"# }
        return """
        {
          "rules": [{"proof_equals": \(json(inCommand)), "result": "ok", "axioms": ["propext"]}],
          "tactics": [\(tactics.joined(separator: ",\n"))]
        }
        """
    }

    static func json(_ text: String) -> String {
        String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
    }

    /// Proves the scenario's statement at `level` of the standard schedule with the standard portfolio.
    static func prove(_ scenario: Scenario, level: Int) async throws
        -> (outcome: ProofOutcome, recorder: InMemoryRecorder, log: StepLog, nextTacticRequests: Int) {
        let pool = REPLWorkerPool(configuration: try FakeREPL.poolConfiguration(try FakeREPL.oracleFlags(rulesJSON: rules(scenario))))
        do {
            let indented = scenario.sketch.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
            let result = try await LoopbackModelServer.withServer(handler: { request in
                if request.bodyText.contains("one tactic at a time") {
                    let answer = scenario.nextTactic ?? "simp_all"
                    return .completion(texts: (0..<request.requestedSamples).map { _ in "```lean4\n\(answer)\n```" })
                }
                return .completion(texts: (0..<request.requestedSamples).map { _ in "```lean4\n\(scenario.statement)\n\(indented)\n```" })
            }) { server in
                let log = StepLog()
                let prover = StatementProver(
                    configuration: ProverConfiguration(concurrency: 1),
                    services: ProverServices(
                        verifier: LeanVerifier(pool: pool), model: try ModelProverTests.client(server),
                        prompts: try PromptLibrary.load(from: SharedFixtures.promptsDirectory),
                        stepping: RecordingStepping(base: PoolTacticStepper(pool: pool), log: log), clock: ManualClock()))
                let recorder = InMemoryRecorder()
                let outcome = try await prover.prove(
                    try Fixtures.target(scenario.statement, level: level), budget: ProverBudgetSchedule.standard.budget(forLevel: level),
                    round: 1, recorder: recorder)
                let nextTacticRequests = server.requests.filter { $0.bodyText.contains("one tactic at a time") }.count
                return (outcome, recorder, log, nextTacticRequests)
            }
            await pool.shutdown()
            return result
        } catch {
            await pool.shutdown()
            throw error
        }
    }

    @Test("a 4-hole sketch whose holes each close with one portfolio tactic is proved at budget level 2, one closing tactic per hole")
    func fourHolesAtLevelTwo() async throws {
        let (outcome, recorder, log, _) = try await Self.prove(Self.fourHoles, level: 2)
        #expect(outcome.proof == Self.fourHoles.composed)
        #expect(outcome.strategy == .search)
        #expect(!log.starts.contains { $0.command.hasSuffix(":= by\n  sorry") }, "the root goal was not searched: the sketch closed first")
        let closing = log.applied.filter { $0.response.proofStatus == "Completed" && $0.response.hasNoErrors }
        #expect(closing.map(\.tactic) == ["norm_num", "linarith", "rfl", "positivity"], "each hole closed once, nothing tried after")
        let expectedApplications = 5 + 6 + 1 + 8
        #expect(log.applied.count == expectedApplications, "portfolio tactics up to the closing one, per hole")
        let pairs = log.applied.map { "\($0.proofState)|\($0.tactic)" }
        #expect(Set(pairs).count == pairs.count, "no tactic applied twice to one proof state")
        #expect(outcome.searchObligations == SearchObligationStatistics(closed: 4, checks: 20))
        #expect(outcome.searchObligations.checksPerClosedObligation == 5)
        let last = try #require(recorder.recorded.last)
        #expect(last.steps.map(\.tactic) == ["norm_num", "linarith", "rfl", "positivity"])
        #expect(outcome.leanChecks <= ProverBudgetSchedule.standard.budget(forLevel: 2).leanChecks)
    }

    @Test("at level 2 the model is asked for a tactic on a sketch subgoal the portfolio cannot close, and its commented tactic is composed intact")
    func modelTacticOnSubgoal() async throws {
        let (outcome, recorder, log, nextTacticRequests) = try await Self.prove(Self.modelHole, level: 2)
        #expect(nextTacticRequests == 1, "one next-tactic request, for the subgoal the portfolio left open")
        #expect(outcome.proof == Self.modelHole.composed, "the comment ends its own line; no parenthesis was swallowed")
        let modelSteps = log.applied.filter { $0.tactic == Self.modelHole.nextTactic }
        #expect(modelSteps.count == 1 && modelSteps[0].response.proofStatus == "Completed")
        let applications = 11 + 1 + 3
        #expect(log.applied.count == applications, "11 portfolio tactics and the model's on the first hole; rfl, decide, omega on the second")
        let steps = try #require(recorder.recorded.last?.steps)
        #expect(steps.map(\.tactic).first == "exact ⟨hp, hq, hp⟩ -- all three conjuncts", "the steps export keeps the tactic text intact")
        let expectedChecks = 11 + 1 + 3
        #expect(outcome.searchObligations == SearchObligationStatistics(closed: 2, checks: expectedChecks))
    }

    @Test("the (state, tactic) steps export keeps a commented model tactic intact")
    func stepsExportKeepsTacticText() async throws {
        let (outcome, recorder, _, _) = try await Self.prove(Self.modelHole, level: 2)
        #expect(outcome.isProved)
        let last = try #require(recorder.recorded.last)
        let ledger = try Ledger.inMemory()
        try ledger.addProblem(LedgerProblem(id: "conj", informal: "conjunction"))
        let id = try ledger.addFormalization(NewFormalization(
            problemID: "conj", statement: Self.modelHole.statement, header: "", statementHash: "h:conj", source: .corpus)).id
        try await LedgerAttemptRecorder(ledger: ledger, round: 1).record(last, formalizationID: id)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("leanplay-steps-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        _ = try ledger.export(.steps, to: url)
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        let tactics = try lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["tactic"] as? String
        }
        #expect(tactics == ["exact ⟨hp, hq, hp⟩ -- all three conjuncts", "omega"])
    }
}
