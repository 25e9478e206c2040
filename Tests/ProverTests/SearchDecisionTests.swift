import Foundation
import LeanREPL
import LeanSource
import LeanVerify
import Ledger
@testable import Prover
@testable import SelfPlay
import Synchronization
import Testing

/// Decisions the search never makes twice, the binder query that asks Lean, and the round report's
/// search statistics.
@Suite("Search decisions, binder query and search statistics")
struct SearchDecisionTests {
    /// Rejects `linarith` with its own failure and anything else with unsolved goals.
    final class ErrorVerifier: ProofVerifying {
        let accepted: String
        init(accepted: String) { self.accepted = accepted }

        func verify(header: String, statement: String, proof: String) async -> Verdict {
            if proof == accepted { return Verdict(status: .accepted, reason: "accepted", axioms: ["propext"], elapsedMilliseconds: 1) }
            let message = proof == "linarith" ? "linarith failed to find a contradiction" : "unsolved goals"
            return Verdict(status: .rejected, reason: "lean-error: \(message)", rule: "lean-error",
                           errors: [VerdictError(severity: "error", message: message, location: .proof, line: 1, column: 0)],
                           elapsedMilliseconds: 1)
        }
    }

    @Test("the root goal is not re-tried with tactics automation saw fail outright; one that left goals still is")
    func rootSkipsDecidedTactics() async throws {
        let stepper = ScriptedStepper(
            rules: [.init(goalContains: "⊢ goal", tactic: "simp", goals: ["⊢ rest"]),
                    .init(goalContains: "⊢ rest", tactic: "linarith", goals: [])],
            sketchGoals: { _ in ["⊢ goal"] })
        let verifier = ErrorVerifier(accepted: "simp\nlinarith")
        let prover = StatementProver(
            configuration: ProverConfiguration(portfolio: AutomationPortfolio(tactics: ["linarith", "simp"]), concurrency: 1),
            services: ProverServices(verifier: verifier, stepping: stepper, clock: ManualClock()))
        let outcome = try await prover.prove(
            try Fixtures.target("theorem t (a : ℝ) : a = a := by", level: 1),
            budget: Fixtures.budget(checks: 20, expansions: 4), round: 1, recorder: InMemoryRecorder())
        #expect(outcome.proof == "simp\nlinarith")
        let tactics = stepper.requests.filter { $0.hasPrefix("tactic") }
        #expect(tactics == ["tactic simp @0", "tactic linarith @1"], "linarith was decided on the root goal by automation")
    }

    @Test("two obligations with the same goal text cost one set of tactic checks")
    func sameGoalIsDecidedOnce() async throws {
        let goal = "x : ℕ\nh : x = 1\n⊢ x = 1"
        let stepper = ScriptedStepper(rules: [.init(goalContains: "⊢ x = 1", tactic: "omega", goals: [])],
                                      sketchGoals: { command in command.contains("have") ? [goal, goal] : nil })
        let sketch = "have a : x = 1 := by sorry\nhave b : x = 1 := by sorry\nexact b"
        let prover = Fixtures.prover(verifier: ScriptedVerifier { _, _ in false }, portfolio: ["rfl", "omega"], stepping: stepper)
        let run = ProofRun(
            target: try Fixtures.target("theorem t (x : ℕ) (h : x = 1) : x = 1 := by", level: 1),
            budget: Fixtures.budget(checks: 20, expansions: 6), round: 1,
            configuration: prover.configuration, services: prover.services, recorder: InMemoryRecorder())
        let found = try await run.runSearch(sketches: [sketch], stepper: stepper)
        #expect(found?.proof == "have a : x = 1 := by omega\nhave b : x = 1 := by omega\nexact b")
        #expect(stepper.requests.filter { $0.hasPrefix("tactic") } == ["tactic rfl @0", "tactic omega @0"])
        #expect(run.outcome.searchObligations == SearchObligationStatistics(closed: 2, checks: 2))
    }

    /// Answers the binder query command with scripted messages.
    final class QueryStepping: TacticSteppingProvider, TacticStepping {
        let messages: [LeanMessage]
        let commands = Mutex<[String]>([])

        init(messages: [LeanMessage]) { self.messages = messages }

        func withStepper<T: Sendable>(header: String, _ body: (any TacticStepping) async throws -> T) async throws -> T {
            try await body(self)
        }

        func start(_ command: String) async throws -> REPLResponse {
            commands.withLock { $0.append(command) }
            return REPLResponse(env: 1, messages: messages)
        }

        func apply(_ tactic: String, to proofState: Int) async throws -> REPLResponse { REPLResponse() }
    }

    @Test("binders only Lean can judge are decided by one REPL command; unclear answers keep the heuristic")
    func binderQuery() async throws {
        let declaration = try LeanParser.parseDeclaration("theorem t (x : Foo) (hx : MyPred x) (k : Bar) (n : ℕ) : n = n")
        #expect(BinderPropositionQuery.undeterminedIndices(of: declaration) == [0, 1, 2])
        let mismatch = LeanMessage(severity: .error, pos: LeanPosition(line: 1, column: 20),
                                   data: "type mismatch\n  Foo\nhas type\n  Type : Type 1\nbut is expected to have type\n  Prop : Type")
        let unknown = LeanMessage(severity: .error, pos: LeanPosition(line: 3, column: 9), data: "unknown identifier 'Bar'")
        let stepping = QueryStepping(messages: [mismatch, unknown])
        let resolved = await BinderPropositionQuery.resolve(declaration, header: "import Mathlib", stepping: stepping)
        #expect(stepping.commands.withLock { $0 } == [
            "example (_ : (Foo : Prop)) : True := trivial\n"
                + "example (x : Foo) (_ : (MyPred x : Prop)) : True := trivial\n"
                + "example (x : Foo) (hx : MyPred x) (_ : (Bar : Prop)) : True := trivial",
        ])
        #expect(resolved.binders.map(\.isHypothesis) == [false, true, true, false],
                "Foo is a type, MyPred x a proposition, Bar unknown (kept as the heuristic said)")
        #expect(resolved.trivialityProbe(named: "t_t").rendered(ending: .bare) == "theorem t_t (x : Foo) (n : ℕ) : n = n")
    }

    @Test("the round report sums checks per closed obligation and reads reports stored before the field existed")
    func reportStatistics() throws {
        var report = SelfPlayRoundReport(round: 1)
        let row = FormalizationResult(
            formalizationID: "p/1", status: "proved", work: "prove", budgetLevel: 2, proved: true, disproved: false,
            proof: "omega", flags: [:], attempts: 1, leanChecks: 30, modelSamples: 4, promptTokens: 0,
            completionTokens: 0, leanSeconds: 0, duplicatesSkipped: 0, problems: [],
            searchObligations: SearchObligationStatistics(closed: 4, checks: 20))
        var other = row
        other.searchObligations = SearchObligationStatistics(closed: 2, checks: 4)
        report.absorb([row, other])
        #expect(report.searchObligations == SearchObligationStatistics(closed: 6, checks: 24))
        #expect(report.searchObligations?.checksPerClosedObligation == 4)
        var json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as! [String: Any]
        json["searchObligations"] = nil
        let old = try JSONDecoder().decode(SelfPlayRoundReport.self, from: JSONSerialization.data(withJSONObject: json))
        #expect(old.searchObligations == nil)
    }
}
