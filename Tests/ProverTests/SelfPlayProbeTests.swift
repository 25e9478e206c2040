import Ledger
import ProblemCorpus
@testable import Prover
@testable import SelfPlay
import Testing

/// The probes a self-play round builds: variables named like hypotheses stay, premises written inside
/// the conclusion are probed.
@Suite("Self-play probes built from binder types and conclusion premises")
struct SelfPlayProbeTests {
    static let corpus: [Problem] = [
        Problem(id: "mathd_algebra_478", informal: "cone volume",
                formalStatement: "theorem mathd_algebra_478 (b h v : ℝ) (h₀ : 0 < b ∧ 0 < h ∧ 0 < v) (h₁ : v = 1 / 3 * (b * h)) (h₂ : b = 30) (h₃ : h = 13 / 2) : v = 65 := by",
                header: ""),
        Problem(id: "wb_vac", informal: "vacuous inside the conclusion",
                formalStatement: "theorem wb_vac : ∀ x : ℕ, x > 5 → x < 2 → x = 7 := by", header: ""),
        Problem(id: "wb_triv", informal: "trivial inside the conclusion",
                formalStatement: "theorem wb_triv : ∀ x : ℕ, 0 < x → x * 1 = x := by", header: ""),
    ]

    static func accepts(_ statement: String, _ proof: String) -> Bool {
        if statement.contains("¬") { return false }
        if statement.contains("mathd_algebra_478") { return !statement.contains("_triviality") && !statement.contains("False") && proof == "norm_num" }
        if statement.contains("wb_vac") { return proof == "omega" && (statement.contains("False") ? statement.contains("(hyp₁ : x > 5) (hyp₂ : x < 2)") : true) }
        if statement.contains("wb_triv") { return statement.contains("False") ? false : proof == "simp" }
        return false
    }

    @Test("one round: the triviality probe of mathd_algebra_478 keeps (b h v : ℝ); ∀/→ premises are probed")
    func probes() async throws {
        let ledger = try Ledger.inMemory()
        let verifier = ScriptedVerifier(accepts: Self.accepts)
        let prover = ProverConfiguration(portfolio: AutomationPortfolio(tactics: ["simp", "omega", "norm_num"]), concurrency: 1)
        let engine = SelfPlayEngine(
            ledger: ledger, corpus: Self.corpus, services: ProverServices(verifier: verifier, clock: ManualClock()),
            validator: verifier, configuration: SelfPlayConfiguration(prover: prover, defaultHeader: "", queueLimit: 10, variantTargets: 0))
        _ = try await engine.runRound()
        let statements = Set(verifier.checked.map(\.statement))
        let triviality = try #require(statements.first { $0.contains("mathd_algebra_478_triviality") })
        #expect(triviality.contains("theorem mathd_algebra_478_triviality (b h v : ℝ) : v = 65"), "\(triviality)")
        #expect(statements.contains { $0.contains("mathd_algebra_478_vacuity (b h v : ℝ) (h₀ : 0 < b ∧ 0 < h ∧ 0 < v)") })
        #expect(try #require(try ledger.formalizations(problemID: "mathd_algebra_478").first).flags == [.easy])
        #expect(statements.contains { $0.contains("theorem wb_vac_vacuity (x : ℕ) (hyp₁ : x > 5) (hyp₂ : x < 2) : False") })
        #expect(try #require(try ledger.formalizations(problemID: "wb_vac").first).flags.contains(.vacuous))
        #expect(statements.contains { $0.contains("theorem wb_triv_triviality (x : ℕ) : x * 1 = x") })
        #expect(try #require(try ledger.formalizations(problemID: "wb_triv").first).flags.contains(.trivialConclusion))
    }
}
