import LeanPlayTestSupport
import LeanSource
import LeanVerify
import Testing

/// Issue 12.1/12.2: the verifier checks exactly the statement it was given — prefixes in effect for the
/// reference, the theorem and (through the theorem) the axioms; the pin compares elaborations.
@Suite("Statement integrity: prefixes and the type pin")
struct StatementIntegrityCommandTests {
    static let piStatement = "open Real in\ntheorem t1 : π > 3 := by"

    @Test func openPrefixReachesTheReferenceAndTheTheorem() throws {
        let command = try VerificationCommandBuilder.build(
            statement: Self.piStatement, proof: "exact Real.pi_gt_three", referenceName: { "leanplay_ref_1" })
        #expect(command.referenceCommand == "open Real in\ntheorem leanplay_ref_1 : π > 3\n  := by sorry")
        #expect(command.theoremCommand == "open Real in theorem t1 : π > 3 := by\n  exact Real.pi_gt_three")
        #expect(command.typeCheckCommand == "example : type_of% @leanplay_ref_1 := @t1")
        #expect(command.axiomsCommand == "#print axioms t1")
        #expect(command.positionMap.proofStartLine == 2)
        #expect(try VerificationCommandBuilder.validationCommand(statement: Self.piStatement)
            == "open Real in theorem t1 : π > 3 := by sorry")
    }

    @Test func stackedPrefixesAndAnOwnLinePreambleAreKept() throws {
        let policy = VerificationPolicy(allowedOptions: ["maxRecDepth"])
        let command = try VerificationCommandBuilder.build(
            statement: "open Nat\nset_option maxRecDepth 2000 in\nopen scoped BigOperators in\ntheorem t (n : ℕ) : n ! ≥ 1 := by",
            proof: "exact Nat.factorial_pos n", policy: policy, referenceName: { "leanplay_ref_2" })
        let prefixes = "open Nat in\nset_option maxRecDepth 2000 in\nopen scoped BigOperators in"
        #expect(command.referenceCommand == prefixes + "\ntheorem leanplay_ref_2 (n : ℕ) : n ! ≥ 1\n  := by sorry")
        #expect(command.theoremCommand.hasPrefix(prefixes + " theorem t (n : ℕ) : n ! ≥ 1 := by\n"))
        #expect(command.positionMap.proofStartLine == 4)
    }

    @Test func setOptionPrefixRespectsThePolicy() {
        #expect {
            try VerificationCommandBuilder.build(statement: "set_option maxHeartbeats 0 in\ntheorem t : True := by", proof: "trivial")
        } throws: { error in
            let error = error as? LeanVerifyError
            return error?.code == .invalidStatement && error?.message.contains("allowed_options") == true
        }
        #expect(throws: LeanVerifyError.self) {
            try VerificationCommandBuilder.build(statement: "set_option debug.skipKernelTC true in\ntheorem t : False := by", proof: "sorry")
        }
        #expect(throws: Never.self) {
            try VerificationCommandBuilder.build(
                statement: "set_option maxHeartbeats 0 in\ntheorem t : True := by", proof: "trivial",
                policy: VerificationPolicy(allowedOptions: ["maxHeartbeats"]))
        }
    }

    @Test(arguments: [
        "open Lean in\ntheorem t : True := by",
        "variable (x : ℕ) in\ntheorem t : x = x := by",
        "def f := 1\ntheorem t : f = 1 := by",
        "namespace N\ntheorem t : True := by",
        "theorem leanplay_ref_0 : True := by",
        "theorem t : True := by\n#eval 1",
    ])
    func prefixThatCannotBeKeptIsRefusedWithAReason(_ statement: String) {
        #expect {
            try VerificationCommandBuilder.build(statement: statement, proof: "trivial")
        } throws: { error in
            let error = error as? LeanVerifyError
            return error?.code == .invalidStatement && error?.message.isEmpty == false
        }
    }

    @Test func autoBoundImplicitStatementKeepsItsSignatureAsWritten() throws {
        let statement = "theorem p (f : ℤ → ℤ) (h₀ : f x + f (x - 1) = x ^ 2) (h₁ : f 19 = 94) :\n    f 94 % 1000 = 561 := by"
        let command = try VerificationCommandBuilder.build(statement: statement, proof: "omega", referenceName: { "leanplay_ref_3" })
        #expect(command.referenceCommand
            == "theorem leanplay_ref_3 (f : ℤ → ℤ) (h₀ : f x + f (x - 1) = x ^ 2) (h₁ : f 19 = 94) :\n    f 94 % 1000 = 561\n  := by sorry")
        #expect(command.typeCheckCommand == "example : type_of% @leanplay_ref_3 := @p")
    }

    @Test func universeParametersAreCarriedToTheReferenceButNotToThePin() throws {
        let command = try VerificationCommandBuilder.build(
            statement: "theorem card_le.{u} {α : Type u} [Fintype α] (s : Finset α) : s.card ≤ Fintype.card α := by",
            proof: "exact Finset.card_le_univ s", referenceName: { "leanplay_ref_4" })
        #expect(command.referenceCommand.hasPrefix("theorem leanplay_ref_4.{u} {α : Type u} [Fintype α]"))
        #expect(command.typeCheckCommand == "example : type_of% @leanplay_ref_4 := @card_le")
        #expect(command.axiomsCommand == "#print axioms card_le")
        #expect(command.theoremName == "card_le")
    }

    @Test func trailingCommentInTheSignatureCannotSwallowTheReferenceBody() throws {
        let command = try VerificationCommandBuilder.build(
            statement: "theorem t (n : ℕ) :\n  n = n -- trailing remark\n  := by", proof: "rfl", referenceName: { "leanplay_ref_5" })
        #expect(command.referenceCommand.hasSuffix("-- trailing remark\n  := by sorry"))
    }
}

/// The same through the real pool and the `fake-lean-repl` process.
@Suite("Statement integrity through the REPL", .enabled(if: FakeREPL.isBuilt))
struct StatementIntegrityVerifierTests {
    static let autoBound = "theorem mathd_algebra_p (f : ℤ → ℤ) (h₀ : f x + f (x - 1) = x ^ 2) (h₁ : f 19 = 94) :\n    f 94 % 1000 = 561 := by"

    @Test(arguments: [
        StatementIntegrityCommandTests.piStatement,
        "open Real\ntheorem t2 : π > 3 := by",
        autoBound,
        "theorem card_le.{u} {α : Type u} [Fintype α] (s : Finset α) : s.card ≤ Fintype.card α := by",
        "theorem inst (p : ℕ) [hp : Fact p.Prime] : 2 ≤ p := by",
        "theorem t (n : ℕ) :\n  n = n -- trailing remark\n  := by",
        "theorem t3 (s : Finset ℕ) (h : #s = 3) (c : Char) (hc : c = '{') : \"{\".length = 1 := by",
        "theorem t4 (stop meta include : ℕ) (h : stop < meta) : stop < meta + include := by",
        "example (a : ℕ) : a + 0 = a := by",
    ])
    func honestProofOfAnIntactStatementIsAccepted(_ statement: String) async throws {
        let (verdict, _) = try await OracleVerifierFixture.withVerifier { verifier in
            await verifier.verify(header: OracleVerifierFixture.header, statement: statement, proof: "exact Real.pi_gt_three")
        }
        #expect(verdict.status == .accepted, "\(verdict.reason)")
    }

    @Test func mismatchIsStillCaught() async throws {
        let rules = OracleVerifierFixture.rules([#"{"proof_contains": "trap_type", "result": "ok", "type": "∀ {x : ℤ}, False"}"#])
        let (verdict, _) = try await OracleVerifierFixture.withVerifier(rules: rules) { verifier in
            await verifier.verify(header: OracleVerifierFixture.header, statement: Self.autoBound, proof: "exact trap_type")
        }
        #expect(verdict.status == .tampered && verdict.rule == "statement-mismatch", "\(verdict.reason)")
    }

    @Test func referenceSorryNeitherMasksNorIsMistakenForTheProofs() async throws {
        let rules = OracleVerifierFixture.rules([
            #"{"proof_contains": "trap_sorry_ax", "result": "ok", "axioms": ["propext", "sorryAx"]}"#,
            #"{"proof_contains": "trap_sorry", "result": "sorry"}"#,
        ])
        let (verdicts, _) = try await OracleVerifierFixture.withVerifier(rules: rules) { verifier in
            [await verifier.verify(header: "", statement: Self.autoBound, proof: "exact trap_sorry"),
             await verifier.verify(header: "", statement: Self.autoBound, proof: "exact trap_sorry_ax"),
             await verifier.verify(header: "", statement: Self.autoBound, proof: "omega")]
        }
        #expect(verdicts[0].status == .incomplete && verdicts[0].rule == "sorry", "\(verdicts[0].reason)")
        #expect(verdicts[1].status == .incomplete && verdicts[1].rule == "sorry-axiom", "\(verdicts[1].reason)")
        #expect(verdicts[2].status == .accepted && verdicts[2].errors.isEmpty, "\(verdicts[2].reason)")
    }

    @Test func statementThatDoesNotElaborateIsRejectedBeforeTheProof() async throws {
        let rules = OracleVerifierFixture.rules([#"{"proof_contains": "crash_if_reached", "result": "crash"}"#])
        let (verdict, _) = try await OracleVerifierFixture.withVerifier(rules: rules) { verifier in
            await verifier.verify(header: "", statement: "theorem bad (n : ℕ) : ILL_FORMED n = 0 := by", proof: "exact crash_if_reached")
        }
        #expect(verdict.status == .rejected && verdict.rule == "invalid-statement", "\(verdict.reason)")
        #expect(verdict.reason.contains("does not elaborate"))
    }

    @Test func validationKeepsThePrefixes() async throws {
        let (check, _) = try await OracleVerifierFixture.withVerifier { verifier in
            await verifier.validate(header: "import Mathlib", statement: "open Real\ntheorem t1 : π > 3 := by")
        }
        #expect(check.status == .wellFormed, "\(check.reason)")
        #expect(check.command == "open Real in theorem t1 : π > 3 := by sorry")
    }
}
