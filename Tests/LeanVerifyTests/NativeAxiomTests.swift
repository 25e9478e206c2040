import LeanPlayTestSupport
import LeanREPL
@testable import LeanVerify
import Testing

/// Issue 12.4: native computation's axioms in every shape Lean reports them — accepted only when native
/// computation is allowed, and never a user axiom by its name alone.
@Suite("Native computation axioms")
struct NativeAxiomTests {
    let command = VerificationCommand(
        theoremName: "t1", mode: .tactic, proofText: "native_decide", theoremCommand: "theorem t1 : P := by\n  native_decide",
        axiomsCommand: "#print axioms t1", typeCheckCommand: "example : type_of% @r := @t1",
        positionMap: ProofPositionMap(proofStartLine: 2, proofLineLengths: [13]))

    func judge(_ report: String, allowNative: Bool) -> Verdict {
        let response = REPLResponse(env: 3, messages: [
            LeanMessage(severity: .info, pos: LeanPosition(line: 1, column: 0), data: report),
        ])
        return VerdictJudge.judgeAxioms(response, command: command, policy: VerificationPolicy(allowNativeComputation: allowNative))
    }

    @Test(arguments: [
        "'t1' depends on axioms: [propext, t1._native.native_decide.ax_1_1]",
        "'t1' depends on axioms: [t1._native.native_decide.ax_1_1, t1._native.native_decide.ax_2_1]",
        "'t1' depends on axioms: [t1.proof_1._native.native_decide.ax_1_1]",
        "'t1' depends on axioms: [t1._native.decide.ax_1]",
        "'t1' depends on axioms: [propext, Lean.ofReduceBool]",
        "'t1' depends on axioms: [Lean.trustCompiler, Lean.ofReduceBool]",
        "'Ns.t1' depends on axioms: [Ns.t1._native.native_decide.ax_1_1]",
    ])
    func nativeAxiomsAreAcceptedOnlyWhenAllowed(_ report: String) {
        let allowed = judge(report, allowNative: true)
        #expect(allowed.status == .accepted, "\(allowed.reason)")
        let refused = judge(report, allowNative: false)
        #expect(refused.status == .rejected && refused.rule == "non-standard-axiom", "\(refused.reason)")
    }

    @Test(arguments: [
        "'t1' depends on axioms: [other._native.native_decide.ax_1_1]",
        "'t1' depends on axioms: [t1._native.native_decide.cheat]",
        "'t1' depends on axioms: [t1.native_decide.ax_1_1]",
        "'t1' depends on axioms: [t1._native.native_decide.ax_]",
        "'t1' depends on axioms: [t1._native.native_decide.ax_1_x]",
        "'t1' depends on axioms: [t1x._native.native_decide.ax_1_1]",
        "'t1' depends on axioms: [myAxiom]",
        "'t1' depends on axioms: [sorryAx, t1._native.native_decide.ax_1_1]",
    ])
    func lookalikesAreRefusedEvenWhenNativeIsAllowed(_ report: String) {
        let verdict = judge(report, allowNative: true)
        #expect(verdict.status != .accepted, "\(verdict.reason)")
    }

    @Test func auxiliaryNamesAreRecognisedStructurally() {
        #expect(NativeAxioms.isAuxiliary("t1._native.native_decide.ax_1_1", of: "t1"))
        #expect(NativeAxioms.isAuxiliary("«t1»._native.native_decide.ax_3_12", of: "t1"))
        #expect(!NativeAxioms.isAuxiliary("t1._native.native_decide.ax_1_1", of: "t"))
        #expect(!NativeAxioms.isAuxiliary("_native.native_decide.ax_1_1", of: "t1"))
    }
}

/// The same through the real pool and `fake-lean-repl`: newer Lean's per-computation axioms.
@Suite("Native computation axioms through the REPL", .enabled(if: FakeREPL.isBuilt))
struct NativeAxiomVerifierTests {
    static let rules = OracleVerifierFixture.rules([
        #"{"proof_contains": "native_decide", "result": "ok", "axioms": ["propext", "hostile_target._native.native_decide.ax_1_1"]}"#,
        #"{"proof_contains": "forged_native", "result": "ok", "axioms": ["other._native.native_decide.ax_1_1"]}"#,
    ])

    @Test func allowNativeAcceptsTheAuxiliaryAxiomAndNothingElse() async throws {
        let (verdicts, _) = try await OracleVerifierFixture.withVerifier(
            rules: Self.rules, policy: VerificationPolicy(allowNativeComputation: true)
        ) { verifier in
            [await verifier.verify(header: "", statement: OracleVerifierFixture.statement, proof: "native_decide"),
             await verifier.verify(header: "", statement: OracleVerifierFixture.statement, proof: "exact forged_native")]
        }
        #expect(verdicts[0].status == .accepted, "\(verdicts[0].reason)")
        #expect(verdicts[0].axioms.contains("hostile_target._native.native_decide.ax_1_1"))
        #expect(verdicts[1].status == .rejected && verdicts[1].rule == "non-standard-axiom", "\(verdicts[1].reason)")
    }

    @Test func withoutAllowNativeTheProofIsRefused() async throws {
        let (verdict, _) = try await OracleVerifierFixture.withVerifier(rules: Self.rules) { verifier in
            await verifier.verify(header: "", statement: OracleVerifierFixture.statement, proof: "native_decide")
        }
        #expect(verdict.status == .tampered && verdict.rule == "native-computation", "\(verdict.reason)")
    }
}
