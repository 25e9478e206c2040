import LeanREPL
@testable import LeanVerify
import Testing

/// Every rule of the judge, on hand-written REPL responses (no process).
@Suite("VerdictJudge")
struct VerdictJudgeTests {
    let command = VerificationCommand(
        theoremName: "t", mode: .tactic, proofText: "intro x\nsimp", theoremCommand: "theorem t : P := by\n  intro x\n  simp",
        axiomsCommand: "#print axioms t", typeCheckCommand: "example : P := @t",
        positionMap: ProofPositionMap(proofStartLine: 2, proofLineLengths: [7, 4]))

    func message(_ severity: LeanMessage.Severity, _ data: String, line: Int = 1, column: Int = 0) -> LeanMessage {
        LeanMessage(severity: severity, pos: LeanPosition(line: line, column: column), data: data)
    }

    func decided(_ response: REPLResponse) -> Verdict? {
        if case .decided(let verdict) = VerdictJudge.judgeTheorem(response, command: command) { return verdict }
        return nil
    }

    @Test func cleanTheoremContinuesOnItsEnvironment() {
        let response = REPLResponse(env: 7, messages: [message(.info, "some trace")])
        #expect(VerdictJudge.judgeTheorem(response, command: command) == .clean(env: 7))
    }

    @Test func errorInTheProofIsRejectedWithAMappedPosition() throws {
        let verdict = try #require(decided(REPLResponse(env: 1, messages: [message(.error, "unknown tactic", line: 3, column: 2)])))
        #expect(verdict.status == .rejected && verdict.rule == "lean-error")
        #expect(verdict.errors.first?.location == .proof)
        #expect(verdict.errors.first?.line == 2 && verdict.errors.first?.column == 0)
    }

    @Test func errorOutsideTheProofKeepsTheFlag() throws {
        let verdict = try #require(decided(REPLResponse(env: 1, messages: [message(.error, "unsolved goals", line: 1, column: 17)])))
        #expect(verdict.status == .rejected)
        #expect(verdict.errors.first?.isInsideProof == false)
        #expect(verdict.reason.contains("the proof ends with goals still open"))
        #expect(!verdict.reason.contains("outside the proof"))
    }

    @Test func kernelAndMetavariableErrorsHaveTheirRules() throws {
        let kernel = try #require(decided(REPLResponse(env: 1, messages: [message(.error, "(kernel) deep recursion detected")])))
        #expect(kernel.status == .rejected && kernel.rule == "kernel-error")
        let metavariables = try #require(decided(REPLResponse(
            env: 1, messages: [message(.error, "(kernel) declaration has metavariables '_example'")])))
        #expect(metavariables.status == .rejected && metavariables.rule == "metavariables")
    }

    @Test(arguments: ["declaration uses 'sorry'", "declaration uses `sorry`"])
    func sorryWarningInEitherQuotingIsIncomplete(_ text: String) throws {
        let verdict = try #require(decided(REPLResponse(env: 1, messages: [message(.warning, text)])))
        #expect(verdict.status == .incomplete && verdict.rule == "sorry")
        #expect(verdict.errors.count == 1)
    }

    @Test func sorriesEntriesAloneAreIncomplete() throws {
        let sorry = REPLSorry(proofState: 0, pos: LeanPosition(line: 2, column: 2), endPos: nil, goal: "⊢ P")
        let verdict = try #require(decided(REPLResponse(env: 1, sorries: [sorry])))
        #expect(verdict.status == .incomplete && verdict.rule == "sorry")
    }

    @Test func protocolErrorOrMissingEnvironmentIsCrashed() throws {
        let refused = try #require(decided(REPLResponse(protocolError: "Unknown environment.")))
        #expect(refused.status == .crashed && refused.rule == "protocol-error")
        let noEnv = try #require(decided(REPLResponse()))
        #expect(noEnv.status == .crashed)
        // The same for the type pin and the axioms report: a REPL that refuses the command decided nothing
        // about the proof — not `tampered`, not a final (cached) rejection — and it is still not accepted.
        let pin = try #require(VerdictJudge.judgeTypeCheck(REPLResponse(protocolError: "Unknown environment."), command: command))
        #expect(pin.status == .crashed && pin.rule == "protocol-error" && !pin.isFinal)
        let report = VerdictJudge.judgeAxioms(REPLResponse(protocolError: "Unknown environment."), command: command, policy: .init())
        #expect(report.status == .crashed && report.rule == "protocol-error" && !report.isFinal)
    }

    @Test func typeCheckErrorIsTampered() throws {
        #expect(VerdictJudge.judgeTypeCheck(REPLResponse(env: 3), command: command) == nil)
        let verdict = try #require(VerdictJudge.judgeTypeCheck(
            REPLResponse(env: 3, messages: [message(.error, "type mismatch")]), command: command))
        #expect(verdict.status == .tampered && verdict.rule == "statement-mismatch")
        #expect(verdict.errors.first?.location == .typeCheck)
    }

    func axioms(_ messages: [LeanMessage], policy: VerificationPolicy = .init()) -> Verdict {
        VerdictJudge.judgeAxioms(REPLResponse(env: 2, messages: messages), command: command, policy: policy)
    }

    @Test func axiomsWithinTheWhitelistAreAccepted() {
        let verdict = axioms([message(.info, "'t' depends on axioms: [propext, Classical.choice, Quot.sound]")])
        #expect(verdict.status == .accepted && verdict.rule == nil)
        #expect(verdict.axioms == ["propext", "Classical.choice", "Quot.sound"])
        #expect(axioms([message(.info, "'t' does not depend on any axioms")]).status == .accepted)
    }

    @Test func axiomChecksFailClosed() {
        #expect(axioms([message(.info, "'t' depends on axioms: [sorryAx]")]).rule == "sorry-axiom")
        #expect(axioms([message(.info, "'t' depends on axioms: [sorryAx]")]).status == .incomplete)
        let custom = axioms([message(.info, "'t' depends on axioms: [propext, myAxiom]")])
        #expect(custom.status == .rejected && custom.rule == "non-standard-axiom" && custom.reason.contains("myAxiom"))
        #expect(axioms([message(.info, "'t' depends on axioms: [Lean.ofReduceBool]")]).rule == "non-standard-axiom")
        #expect(axioms([message(.info, "'t' depends on axioms: [Lean.ofReduceBool]")],
                       policy: VerificationPolicy(allowNativeComputation: true)).status == .accepted)
        #expect(axioms([]).rule == "axioms-report-missing")
        #expect(axioms([message(.error, "unknown constant 't'")]).rule == "axioms-report-missing")
        #expect(axioms([message(.info, "'t' relies on: everything")]).rule == "axioms-report-unparsable")
        #expect(axioms([message(.info, "'u' does not depend on any axioms")]).rule == "axioms-report-unparsable")
        #expect(axioms([message(.info, "'t' does not depend on any axioms"),
                        message(.info, "'t' does not depend on any axioms")]).rule == "axioms-report-unparsable")
        #expect(axioms([message(.info, "'t' does not depend on any axioms"), message(.info, "garbage")]).status == .rejected)
        let refused = VerdictJudge.judgeAxioms(REPLResponse(protocolError: "x"), command: command, policy: .init())
        #expect(refused.status == .crashed && !refused.isFinal, "never accepted, and never cached as a judgement")
    }
}
