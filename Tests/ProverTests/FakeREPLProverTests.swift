import Foundation
import LeanPlayTestSupport
import LeanREPL
import LeanVerify
import Ledger
import ProblemCorpus
import Prover
import SelfPlay
import Testing

/// End to end: the real `LeanVerifier` and `REPLWorkerPool` against the `fake-lean-repl` process in
/// oracle mode; the prover, the ledger and the self-play engine as in production.
@Suite("Prover against the fake REPL process", .enabled(if: FakeREPL.isBuilt))
struct FakeREPLProverTests {
    static let rules = #"""
    {
      "rules": [
        {"statement_contains": "x + 0 = x", "proof_equals": "omega", "result": "ok", "axioms": ["propext"]},
        {"statement_contains": "¬ (∀ (n : Nat) (h : n > 5), n < 3)", "proof_equals": "omega", "result": "ok", "axioms": []},
        {"statement_contains": "False", "proof_equals": "omega", "result": "ok", "axioms": []},
        {"statement_contains": "p ∧ q", "proof_equals": "constructor\n  exact hp\n  exact hq", "result": "ok", "axioms": []}
      ],
      "tactics": [
        {"goal_contains": "⊢ p ∧ q", "tactic": "constructor", "goals": ["case left\np q : Prop\nhp : p\n⊢ p"]},
        {"goal_contains": "case left", "tactic": "exact hp", "goals": ["case right\np q : Prop\nhq : q\n⊢ q"]},
        {"goal_contains": "case right", "tactic": "exact hq", "goals": []}
      ]
    }
    """#

    static let corpus: [Problem] = [
        Problem(id: "e_add", informal: "x + 0 = x", formalStatement: "theorem e_add (x : Nat) : x + 0 = x := by", header: ""),
        Problem(id: "e_neg", informal: "false claim", formalStatement: "theorem e_neg (n : Nat) (h : n > 5) : n < 3 := by", header: ""),
        Problem(id: "e_vac", informal: "vacuous", formalStatement: "theorem e_vac (x : Nat) (h₀ : x < 1) (h₁ : x > 2) : x + 0 = x := by", header: ""),
        Problem(id: "e_ill", informal: "broken", formalStatement: "theorem e_ill (x : Nat) : ILL_FORMED x := by", header: ""),
        Problem(id: "e_and", informal: "and", formalStatement: "theorem e_and (p q : Prop) (hp : p) (hq : q) : p ∧ q := by", header: ""),
    ]

    static func withPool<T: Sendable>(_ body: (REPLWorkerPool) async throws -> T) async throws -> T {
        let pool = REPLWorkerPool(configuration: try FakeREPL.poolConfiguration(try FakeREPL.oracleFlags(rulesJSON: rules)))
        do {
            let value = try await body(pool)
            await pool.shutdown()
            return value
        } catch {
            await pool.shutdown()
            throw error
        }
    }

    @Test("rounds prove, disprove, flag, reject ill-formed statements and search with proof states")
    func selfPlay() async throws {
        try await Self.withPool { pool in
            let verifier = LeanVerifier(pool: pool)
            let ledger = try Ledger.inMemory()
            var prover = ProverConfiguration(portfolio: AutomationPortfolio(tactics: ["rfl", "omega", "constructor", "exact hp", "exact hq"]), concurrency: 1)
            prover.schedule = ProverBudgetSchedule(
                automationOnly: ProverBudget(modelSamples: 0, leanChecks: 8, wallTime: .seconds(60)),
                base: ProverBudget(modelSamples: 0, leanChecks: 30, wallTime: .seconds(60), searchExpansions: 6),
                maximumLevel: 3)
            let engine = SelfPlayEngine(
                ledger: ledger, corpus: Self.corpus,
                services: ProverServices(verifier: verifier, stepping: PoolTacticStepper(pool: pool)),
                validator: verifier, configuration: SelfPlayConfiguration(prover: prover, defaultHeader: "", variantTargets: 0))
            let first = try await engine.runRound()
            #expect(first.illFormed == 1)
            #expect(first.proved == 2)
            #expect(first.disproved == 1)
            #expect(first.flagged["vacuous"] == 1)
            #expect(first.leanSeconds > 0)
            func status(_ id: String) throws -> Formalization { try #require(try ledger.formalizations(problemID: id).first) }
            #expect(try status("e_neg").status == .disproved)
            #expect(try status("e_ill").status == .illFormed)
            #expect(try status("e_vac").flags.contains(.vacuous))
            #expect(try status("e_and").status == .open && (try status("e_and").budgetLevel) == 1)

            let second = try await engine.runRound()
            let and = try #require(second.formalizations.first { $0.formalizationID.hasPrefix("e_and/") })
            #expect(and.proved && and.proof == "constructor\nexact hp\nexact hq", "found by step-wise search at level 1: \(and)")
            let accepted = try ledger.attempts(for: and.formalizationID).filter { $0.record.verdict == .accepted && $0.record.kind == .prove }
            #expect(accepted.map(\.record.strategy) == [.search])
            let steps = try ledger.proofSteps(attemptID: try #require(accepted.first).id)
            #expect(steps.map(\.tactic) == ["constructor", "exact hp", "exact hq"])
        }
    }

    @Test("ProverLoop proves what is queued")
    func proverLoop() async throws {
        try await Self.withPool { pool in
            let verifier = LeanVerifier(pool: pool)
            let ledger = try Ledger.inMemory()
            try ledger.addProblem(LedgerProblem(id: "q1", informal: "x + 0 = x"))
            let declaration = "theorem q1 (x : Nat) : x + 0 = x"
            _ = try ledger.addFormalization(NewFormalization(
                problemID: "q1", statement: declaration, header: "", statementHash: "hash-q1", source: .corpus))
            let loop = ProverLoop(
                prover: StatementProver(configuration: ProverConfiguration(portfolio: AutomationPortfolio(tactics: ["simp", "omega"])),
                                        services: ProverServices(verifier: verifier)),
                ledger: ledger)
            let report = try await loop.prove(queueLimit: 10)
            #expect(report.proved == 1 && report.worked == 1)
            let stored = try #require(try ledger.formalizations(problemID: "q1").first)
            #expect(stored.status == .proved && stored.bestProof == "omega" && stored.flags == [.easy])
        }
    }
}
