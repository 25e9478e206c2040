import LeanPlayTestSupport
import LeanVerify
import Testing

/// Honest proofs go through the whole pipeline (real pool, real `fake-lean-repl` process) and are accepted.
@Suite("LeanVerifier accepts honest proofs", .enabled(if: FakeREPL.isBuilt))
struct HonestProofTests {
    static let honestProofs: [String] = [
        "omega",
        "-- no sorry needed here: omega closes it\nomega",
        "/- we avoid `sorry` and `admit` -/\nring",
        "have h_sorry : 0 < y := h₀\n\nlinarith [h_sorry]",
        "exact sorry_free_lemma x y",
        "nlinarith [sq_nonneg (x - y), sq_nonneg (x + y)]",
        "calc x + y = y + x := by ring",
        "simp [add_comm]\r\n",
        "  intro\n    omega",
        "decide",
        "have : \"#eval\".length = 5 := rfl\nomega",
    ]

    @Test(arguments: honestProofs)
    func honestTacticProofIsAccepted(_ proof: String) async throws {
        let (verdict, _) = try await OracleVerifierFixture.withVerifier { verifier in
            await verifier.verify(header: OracleVerifierFixture.header, statement: OracleVerifierFixture.statement, proof: proof)
        }
        #expect(verdict.status == .accepted, "\(verdict.reason)")
        #expect(verdict.rule == nil)
        #expect(verdict.errors.isEmpty)
        #expect(verdict.axioms == ["propext", "Classical.choice", "Quot.sound"])
        #expect(verdict.elapsedMilliseconds >= 0)
    }

    @Test func termProofIsAccepted() async throws {
        let (verdict, _) = try await OracleVerifierFixture.withVerifier { verifier in
            await verifier.verify(header: OracleVerifierFixture.header, statement: "theorem term_target (n : ℕ) : n = n :=", proof: "fun _ => rfl")
        }
        #expect(verdict.status == .accepted, "\(verdict.reason)")
    }

    @Test func exampleIsNamedSoItsAxiomsCanBePrinted() async throws {
        let rules = OracleVerifierFixture.rules([#"{"statement_contains": "a + 0 = a", "result": "ok", "axioms": []}"#])
        let (verdict, _) = try await OracleVerifierFixture.withVerifier(rules: rules) { verifier in
            await verifier.verify(header: "", statement: "example (a : ℕ) : a + 0 = a := by", proof: "simp")
        }
        #expect(verdict.status == .accepted, "\(verdict.reason)")
        #expect(verdict.axioms.isEmpty)
    }

    @Test func configuredWhitelistAndNativeComputationAreHonoured() async throws {
        let rules = OracleVerifierFixture.rules([
            #"{"proof_contains": "native_decide", "result": "ok", "axioms": ["propext", "Lean.ofReduceBool"]}"#,
            #"{"proof_contains": "uses_my_axiom", "result": "ok", "axioms": ["myAxiom"]}"#,
        ])
        let policy = VerificationPolicy(
            axiomWhitelist: VerificationPolicy.standardAxioms.union(["myAxiom"]), allowNativeComputation: true)
        let (verdicts, _) = try await OracleVerifierFixture.withVerifier(rules: rules, policy: policy) { verifier in
            [await verifier.verify(header: "", statement: OracleVerifierFixture.statement, proof: "native_decide"),
             await verifier.verify(header: "", statement: OracleVerifierFixture.statement, proof: "exact uses_my_axiom")]
        }
        #expect(verdicts.map(\.status) == [.accepted, .accepted], "\(verdicts.map(\.reason))")
        #expect(verdicts[0].axioms.contains("Lean.ofReduceBool"))
    }

    @Test func allowedOptionPassesHygiene() async throws {
        let policy = VerificationPolicy(allowedOptions: ["maxRecDepth"])
        let (verdict, _) = try await OracleVerifierFixture.withVerifier(policy: policy) { verifier in
            await verifier.verify(header: "", statement: OracleVerifierFixture.statement, proof: "set_option maxRecDepth 2000 in\nomega")
        }
        #expect(verdict.status == .accepted, "\(verdict.reason)")
    }
}
