import Foundation
import LeanREPL
@testable import LeanVerify
import Testing

/// Which limit fired, a REPL that reports its own timeout, and capped message text — on hand-written
/// REPL responses (no process).
@Suite("VerdictJudge: timeouts and bounded output")
struct TimeoutAndCapJudgeTests {
    let command = VerificationCommand(
        theoremName: "t", mode: .tactic, proofText: "nlinarith", theoremCommand: "set_option maxHeartbeats 400000 in\ntheorem t : P := by\n  nlinarith",
        axiomsCommand: "#print axioms t", typeCheckCommand: "example : P := @t",
        positionMap: ProofPositionMap(proofStartLine: 3, proofLineLengths: [9], statementStartLine: 2))

    func error(_ data: String, line: Int = 3) -> LeanMessage {
        LeanMessage(severity: .error, pos: LeanPosition(line: line, column: 2), data: data)
    }

    func theoremVerdict(_ response: REPLResponse) -> Verdict? {
        if case .decided(let verdict) = VerdictJudge.judgeTheorem(response, command: command) { return verdict }
        return nil
    }

    @Test func deterministicTimeoutIsTimeoutByHeartbeats() throws {
        let text = "(deterministic) timeout at `whnf`, maximum number of heartbeats (400000) has been reached\nUse `set_option maxHeartbeats <num>` to set the limit."
        let verdict = try #require(theoremVerdict(REPLResponse(env: 3, messages: [error("unsolved goals", line: 3), error(text)])))
        #expect(verdict.status == .timeout && verdict.rule == "heartbeats")
        #expect(!verdict.isFinal, "a timeout is never cached")
        let kernel = try #require(theoremVerdict(REPLResponse(env: 3, messages: [error("(kernel) deterministic timeout")])))
        #expect(kernel.rule == "heartbeats")
    }

    @Test func statementErrorsAreRelativeToTheStatementNotTheHeartbeatLine() throws {
        let verdict = try #require(theoremVerdict(REPLResponse(env: 1, messages: [error("unsolved goals", line: 2)])))
        #expect(verdict.errors.first?.location == .statement && verdict.errors.first?.line == 1)
        let inProof = try #require(theoremVerdict(REPLResponse(env: 1, messages: [error("linarith failed", line: 3)])))
        #expect(inProof.errors.first?.location == .proof && inProof.errors.first?.line == 1 && inProof.errors.first?.column == 0)
    }

    /// issue 11.5: `{"message": "… timed out …"}` is a timeout, not a protocol error.
    @Test func timeoutReportedByTheREPLIsTimeout() throws {
        let reported = REPLResponse(protocolError: "Lean REPL command timed out after 60 s")
        let verdict = try #require(theoremVerdict(reported))
        #expect(verdict.status == .timeout && verdict.rule == "wall-clock", "\(verdict.reason)")
        #expect(VerdictJudge.judgeTypeCheck(reported, command: command)?.status == .timeout)
        #expect(VerdictJudge.judgeAxioms(reported, command: command, policy: .init()).status == .timeout)
        #expect(StatementJudge.judge(reported, command: "theorem t : P := by sorry").status == .timeout)
        let refused = try #require(theoremVerdict(REPLResponse(protocolError: "Unknown environment.")))
        #expect(refused.status == .crashed && refused.rule == "protocol-error")
    }

    /// issue 11.5, other inputs of the kind: the reference command (the first of every check) and a
    /// statement check answer a timeout too, in other wordings; Lean's heartbeat limit while elaborating
    /// the statement is a timeout, not an invalid (or ill-formed) statement that would be cached.
    @Test(arguments: ["command timed out", "Lean process timeout", "REPL time limit exceeded (60 s)",
                      "deadline exceeded", "the request took too long", "TimeoutError: 60 s"])
    func timeoutsReportedForTheReferenceAndStatementChecks(_ wording: String) throws {
        let reported = REPLResponse(protocolError: wording)
        guard case .decided(let verdict) = VerdictJudge.judgeReference(reported, command: command) else {
            Issue.record("a reported timeout must decide the reference command")
            return
        }
        #expect(verdict.status == .timeout && verdict.rule == "wall-clock", "\(verdict.reason)")
        #expect(theoremVerdict(reported)?.status == .timeout)
        #expect(StatementJudge.judge(reported, command: "theorem t : P := by sorry").status == .timeout)
    }

    @Test func heartbeatLimitWhileElaboratingTheStatementIsATimeout() throws {
        let heartbeat = error("(deterministic) timeout at `elaborator`, maximum number of heartbeats (200000) has been reached", line: 1)
        guard case .decided(let verdict) = VerdictJudge.judgeReference(REPLResponse(env: 2, messages: [heartbeat]), command: command) else {
            Issue.record("a heartbeat timeout must decide the reference command")
            return
        }
        #expect(verdict.status == .timeout && verdict.rule == "heartbeats" && !verdict.isFinal, "\(verdict.reason)")
        let check = StatementJudge.judge(REPLResponse(env: 2, messages: [heartbeat]), command: "theorem t : P := by sorry")
        #expect(check.status == .timeout)
        // A real elaboration error still rejects the statement.
        guard case .decided(let invalid) = VerdictJudge.judgeReference(REPLResponse(env: 2, messages: [error("unknown identifier 'foo'", line: 1)]), command: command) else {
            Issue.record("an error must decide the reference command")
            return
        }
        #expect(invalid.status == .rejected && invalid.rule == "invalid-statement")
    }

    /// issue 11.4: a 3,000,000-character message becomes a few kilobytes, head and tail kept.
    @Test func verdictTextIsCapped() throws {
        let huge = "HEAD" + String(repeating: "y", count: 3_000_000) + "TAIL"
        var verdict = try #require(theoremVerdict(REPLResponse(env: 1, messages: [error(huge)])))
        verdict = verdict.bounded()
        let encoded = try JSONEncoder().encode(verdict)
        #expect(encoded.count < 20_000)
        #expect(verdict.errors[0].message.hasPrefix("HEAD") && verdict.errors[0].message.hasSuffix("TAIL"))
        #expect(verdict.errors[0].message.contains("\(3_000_008 - MessageCap.headCharacters - MessageCap.tailCharacters) characters cut by LeanPlay"))
        #expect(MessageCap.cap("short") == "short")
        let many = Verdict(status: .rejected, reason: "r", errors: Array(repeating: VerdictError(severity: "error", message: "e", location: .proof), count: 500))
        #expect(many.bounded().errors.count == MessageCap.maximumErrors)
        #expect(many.bounded().reason.contains("450 further message(s) not kept"))
        let check = StatementCheck(status: .illFormed, reason: huge, errors: [VerdictError(severity: "error", message: huge, location: .statement)]).bounded()
        #expect(check.reason.utf8.count < 5_000 && check.errors[0].message.utf8.count < 5_000)
    }

    @Test func verdictsStoredBeforeRetryAndCacheFieldsStillDecode() throws {
        let old = #"{"status":"accepted","reason":"accepted","errors":[],"axioms":["propext"],"elapsedMilliseconds":3}"#
        let verdict = try JSONDecoder().decode(Verdict.self, from: Data(old.utf8))
        #expect(verdict.isAccepted && verdict.retry == nil && !verdict.fromCache)
    }
}
