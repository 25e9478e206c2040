import LeanPlayTestSupport
import LeanREPL
import LeanVerify
import Testing

/// One hostile proof text and what the verifier must say about it.
struct HostileCase: Sendable, CustomTestStringConvertible {
    var proof: String
    var status: VerdictStatus
    var rule: String
    var testDescription: String { "\(rule): \(proof.debugDescription)" }
}

/// Proof texts that must never be accepted. The oracle is configured to say "ok" (with the standard
/// axioms) to everything it is not told otherwise, so only LeanPlay's own checks stand between these
/// texts and `accepted`.
@Suite("Hostile battery: nothing here is ever accepted", .enabled(if: FakeREPL.isBuilt))
struct HostileBatteryTests {
    /// Caught by static hygiene: Lean is never called.
    static let staticCases: [HostileCase] = [
        .init(proof: "", status: .rejected, rule: "empty-proof"),
        .init(proof: "  \n\n\t", status: .rejected, rule: "empty-proof"),
        .init(proof: "-- nothing to see", status: .rejected, rule: "empty-proof"),
        .init(proof: "/- only a comment -/\n", status: .rejected, rule: "empty-proof"),
        .init(proof: "sorry", status: .tampered, rule: "sorry"),
        .init(proof: "constructor\n· have h : 0 < x := by\n    sorry\n  omega", status: .tampered, rule: "sorry"),
        .init(proof: "-- almost done\nadmit", status: .tampered, rule: "sorry"),
        .init(proof: "exact sorryAx _ false", status: .tampered, rule: "sorry"),
        .init(proof: "omega\nstop\nrfl", status: .tampered, rule: "sorry"),
        .init(proof: "omega /- unterminated", status: .tampered, rule: "unterminated-comment"),
        .init(proof: "exact \"unterminated", status: .tampered, rule: "unterminated-string"),
        .init(proof: "exact «unterminated", status: .tampered, rule: "unterminated-identifier"),
        .init(proof: "omega\n#exit", status: .tampered, rule: "command"),
        .init(proof: "omega\ntheorem fake : 1 = 1 := rfl", status: .tampered, rule: "command"),
        .init(proof: "omega\naxiom cheat : False", status: .tampered, rule: "command"),
        .init(proof: "omega\n#print axioms hostile_target", status: .tampered, rule: "command"),
        .init(proof: "#eval IO.println \"hi\"", status: .tampered, rule: "command"),
        .init(proof: "omega\nend\nnamespace Evil", status: .tampered, rule: "command"),
        .init(proof: "omega\nnotation \"ok\" => False", status: .tampered, rule: "command"),
        .init(proof: "omega\nelab \"cheat\" : tactic => pure ()", status: .tampered, rule: "command"),
        .init(proof: "omega\nmacro \"cheat\" : tactic => `(tactic| omega)", status: .tampered, rule: "command"),
        .init(proof: "omega\nopen Lean in\nexample : True := trivial", status: .tampered, rule: "command"),
        .init(proof: "omega\nattribute [simp] add_comm", status: .tampered, rule: "command"),
        .init(proof: "set_option maxHeartbeats 0 in\nomega", status: .tampered, rule: "set-option"),
        .init(proof: "omega\n  set_option pp.all true in rfl", status: .tampered, rule: "set-option"),
        .init(proof: "native_decide", status: .tampered, rule: "native-computation"),
        .init(proof: "decide +native", status: .tampered, rule: "native-computation"),
        .init(proof: "exact Lean.ofReduceBool _ _ rfl", status: .tampered, rule: "native-computation"),
        .init(proof: "run_tac Lean.Elab.Tactic.closeMainGoal", status: .tampered, rule: "code-execution"),
        .init(proof: "exact (IO.Process.exit 0 : IO Unit)", status: .tampered, rule: "code-execution"),
        .init(proof: "omega\n@[implemented_by f] def g := 1", status: .tampered, rule: "command"),
        .init(proof: "omega)\ntheorem x : True := trivial", status: .tampered, rule: "unbalanced-bracket"),
        .init(proof: "omega)", status: .tampered, rule: "unbalanced-bracket"),
        // Hostile variants of the honest allowances of issue 12.19 (`#s`, `Lean.Omega.…`).
        .init(proof: "omega\n  #eval IO.println 1", status: .tampered, rule: "command"),
        .init(proof: "omega\n  #evalx", status: .tampered, rule: "command"),
        .init(proof: "omega\n#s_not_a_card", status: .tampered, rule: "command"),
        .init(proof: "exact Lean.Elab.Tactic.closeMainGoal", status: .tampered, rule: "code-execution"),
        .init(proof: "exact Lean.OmegaCheat.x", status: .tampered, rule: "code-execution"),
        .init(proof: "open Lean.Meta in\nomega", status: .tampered, rule: "code-execution"),
        // Red team of the reference pin, heartbeats and the honest allowances: redeclaring the reference,
        // native computation spelled around comments and config, block escapes, `meta`/`include` as
        // commands, literal tricks, options set inside the proof.
        .init(proof: "omega\ntheorem leanplay_ref_0 : False := by omega", status: .tampered, rule: "command"),
        .init(proof: "omega\n  example : type_of% @hostile_target := sorry", status: .tampered, rule: "command"),
        .init(proof: "decide +/- not native? -/native", status: .tampered, rule: "native-computation"),
        .init(proof: "decide (config := { native := true })", status: .tampered, rule: "native-computation"),
        .init(proof: "decide (native := true)", status: .tampered, rule: "native-computation"),
        .init(proof: "decide (config := { kernel := false, native })", status: .tampered, rule: "native-computation"),
        .init(proof: "decide (config := ⟨false, true, true, false⟩)", status: .tampered, rule: "native-computation"),
        .init(proof: "decide (config := .mk false true)", status: .tampered, rule: "native-computation"),
        .init(proof: "exact «Lean».«ofReduceBool» _ _ rfl", status: .tampered, rule: "native-computation"),
        .init(proof: "exact _root_.Lean.trustCompiler", status: .tampered, rule: "native-computation"),
        .init(proof: "omega\n  end\n  theorem x : True := trivial", status: .tampered, rule: "command"),
        .init(proof: "omega\n  section", status: .tampered, rule: "command"),
        .init(proof: "  omega\nnamespace Evil", status: .tampered, rule: "command"),
        .init(proof: "omega\n  meta def cheat : Nat := 1", status: .tampered, rule: "command"),
        .init(proof: "omega\n  include h", status: .tampered, rule: "command"),
        .init(proof: "omega\n  #print axioms hostile_target", status: .tampered, rule: "command"),
        .init(proof: "omega\n  #exit", status: .tampered, rule: "command"),
        .init(proof: "exact '\"'\n  #exit -- '\"'", status: .tampered, rule: "ambiguous-lexing"),
        .init(proof: "exact s!\"{sorry}\"", status: .tampered, rule: "sorry"),
        .init(proof: "set_option maxRecDepth 100000 in\nomega", status: .tampered, rule: "set-option"),
        .init(proof: "open Lean.Elab.Tactic in\nomega", status: .tampered, rule: "code-execution"),
        .init(proof: "omega\n  @[implemented_by cheat] def x := 1", status: .tampered, rule: "command"),
    ]

    /// Simulated by the oracle: only the verifier's checks of Lean's answers stand in the way.
    static let leanSideRules = [
        #"{"proof_contains": "trap_sorry_straight", "result": "ok", "warning": "declaration uses 'sorry'"}"#,
        #"{"proof_contains": "trap_sorry_backtick", "result": "sorry"}"#,
        #"{"proof_contains": "trap_sorries_only", "result": "sorries_only"}"#,
        #"{"proof_contains": "trap_kernel", "result": "error", "message": "(kernel) deep recursion detected"}"#,
        #"{"proof_contains": "trap_metavariables", "result": "error", "message": "(kernel) declaration has metavariables 'hostile_target'"}"#,
        #"{"proof_contains": "trap_sorry_ax", "result": "ok", "axioms": ["propext", "sorryAx"]}"#,
        #"{"proof_contains": "trap_my_axiom", "result": "ok", "axioms": ["propext", "myAxiom"]}"#,
        #"{"proof_contains": "trap_reduce_bool", "result": "ok", "axioms": ["propext", "Lean.ofReduceBool"]}"#,
        #"{"proof_contains": "trap_trust_compiler", "result": "ok", "axioms": ["Lean.trustCompiler"]}"#,
        #"{"proof_contains": "trap_no_report", "result": "ok", "axioms_report": ""}"#,
        #"{"proof_contains": "trap_garbled_report", "result": "ok", "axioms_report": "'hostile_target' depends on: who knows"}"#,
        #"{"proof_contains": "trap_forged_report", "result": "ok", "axioms_report": "'other_theorem' does not depend on any axioms"}"#,
        #"{"proof_contains": "trap_unknown_constant", "result": "ok", "axioms_report": "unknown constant 'hostile_target'"}"#,
        #"{"proof_contains": "trap_type", "result": "ok", "type": "False"}"#,
        #"{"proof_contains": "trap_error", "result": "error", "message": "unknown identifier 'trap_error'"}"#,
    ]

    static let leanSideCases: [HostileCase] = [
        .init(proof: "exact trap_sorry_straight", status: .incomplete, rule: "sorry"),
        .init(proof: "exact trap_sorry_backtick", status: .incomplete, rule: "sorry"),
        .init(proof: "exact trap_sorries_only", status: .incomplete, rule: "sorry"),
        .init(proof: "exact trap_kernel", status: .rejected, rule: "kernel-error"),
        .init(proof: "exact trap_metavariables", status: .rejected, rule: "metavariables"),
        .init(proof: "exact trap_sorry_ax", status: .incomplete, rule: "sorry-axiom"),
        .init(proof: "exact trap_my_axiom", status: .rejected, rule: "non-standard-axiom"),
        .init(proof: "exact trap_reduce_bool", status: .rejected, rule: "non-standard-axiom"),
        .init(proof: "exact trap_trust_compiler", status: .rejected, rule: "non-standard-axiom"),
        .init(proof: "exact trap_no_report", status: .rejected, rule: "axioms-report-missing"),
        .init(proof: "exact trap_garbled_report", status: .rejected, rule: "axioms-report-unparsable"),
        .init(proof: "exact trap_forged_report", status: .rejected, rule: "axioms-report-unparsable"),
        .init(proof: "exact trap_unknown_constant", status: .rejected, rule: "axioms-report-unparsable"),
        .init(proof: "exact trap_type", status: .tampered, rule: "statement-mismatch"),
        .init(proof: "exact trap_error", status: .rejected, rule: "lean-error"),
    ]

    @Test func batteryIsLargeEnough() {
        #expect(Self.staticCases.count + Self.leanSideCases.count >= 30)
        #expect(Set(Self.staticCases.map(\.rule)).isSuperset(of: [
            "empty-proof", "sorry", "command", "set-option", "native-computation", "code-execution",
            "unterminated-comment", "unterminated-string", "unterminated-identifier", "unbalanced-bracket",
        ]))
    }

    /// Every static case, through a pool whose fake would crash on its very first request: the verdicts
    /// are decided without Lean, and no REPL process is ever started.
    @Test func staticallyCaughtTextsNeverReachLean() async throws {
        let (verdicts, statistics) = try await OracleVerifierFixture.withVerifier(extraFlags: ["--crash-after", "1"]) { verifier in
            var verdicts: [Verdict] = []
            for hostile in Self.staticCases {
                verdicts.append(await verifier.verify(
                    header: OracleVerifierFixture.header, statement: OracleVerifierFixture.statement, proof: hostile.proof))
            }
            return verdicts
        }
        for (hostile, verdict) in zip(Self.staticCases, verdicts) {
            #expect(verdict.status == hostile.status, "\(hostile.testDescription) → \(verdict.reason)")
            #expect(verdict.rule == hostile.rule, "\(hostile.testDescription) → \(verdict.reason)")
            #expect(verdict.reason.contains("Lean was not called"))
            #expect(!verdict.errors.isEmpty && verdict.errors.allSatisfy(\.isInsideProof))
        }
        #expect(statistics.processesStarted == 0)
    }

    @Test func leanSideTrapsAreCaught() async throws {
        let rules = OracleVerifierFixture.rules(Self.leanSideRules)
        let (verdicts, _) = try await OracleVerifierFixture.withVerifier(rules: rules) { verifier in
            var verdicts: [Verdict] = []
            for hostile in Self.leanSideCases {
                verdicts.append(await verifier.verify(
                    header: OracleVerifierFixture.header, statement: OracleVerifierFixture.statement, proof: hostile.proof))
            }
            return verdicts
        }
        for (hostile, verdict) in zip(Self.leanSideCases, verdicts) {
            #expect(verdict.status == hostile.status, "\(hostile.testDescription) → \(verdict.reason)")
            #expect(verdict.rule == hostile.rule, "\(hostile.testDescription) → \(verdict.reason)")
        }
    }
}
