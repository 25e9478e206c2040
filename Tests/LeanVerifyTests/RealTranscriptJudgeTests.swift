import Foundation
import LeanPlayTestSupport
import LeanREPL
import LeanVerify
import Testing

/// The judge on responses a REAL Lean produced (../shared/lean-repl-transcripts): no recorded response
/// with an error, a sorry warning or a sorries entry is ever judged clean.
@Suite("VerdictJudge on real REPL responses", .enabled(if: SharedFixtures.hasTranscripts))
struct RealTranscriptJudgeTests {
    let command = VerificationCommand(
        theoremName: "t", mode: .tactic, proofText: "rfl", theoremCommand: "theorem t : 1 = 1 := by\n  rfl",
        axiomsCommand: "#print axioms t", typeCheckCommand: "example : 1 = 1 := @t",
        positionMap: ProofPositionMap(proofStartLine: 2, proofLineLengths: [3]))

    static func responses(_ name: String) throws -> [REPLResponse] {
        let transcript = try #require(TranscriptFixtures.complete.first { $0.name == name })
        return try transcript.responseTexts().map { try JSONDecoder().decode(REPLResponse.self, from: Data($0.utf8)) }
    }

    @Test func noRecordedResponseWithAnErrorOrSorryIsJudgedClean() throws {
        var commandResponses = 0
        for transcript in TranscriptFixtures.complete {
            for text in try transcript.responseTexts() {
                let response = try JSONDecoder().decode(REPLResponse.self, from: Data(text.utf8))
                guard response.proofState == nil else { continue }
                commandResponses += 1
                let flawed = !response.errors.isEmpty || !response.sorries.isEmpty
                    || response.messages.contains { $0.data.contains("declaration uses") } || response.protocolError != nil
                let outcome = VerdictJudge.judgeTheorem(response, command: command)
                if flawed {
                    guard case .decided(let verdict) = outcome else {
                        Issue.record("\(transcript.name): a flawed response was judged clean: \(text)")
                        continue
                    }
                    #expect(verdict.status != .accepted)
                } else if response.env != nil {
                    #expect(outcome == .clean(env: response.env!), "\(transcript.name)")
                }
            }
        }
        #expect(commandResponses > 50)
    }

    @Test func kernelMetavariablesFromAppTypeMismatch() throws {
        let response = try Self.responses("core/app_type_mismatch")[0]
        guard case .decided(let verdict) = VerdictJudge.judgeTheorem(response, command: command) else {
            Issue.record("judged clean")
            return
        }
        #expect(verdict.status == .rejected && verdict.rule == "metavariables")
    }

    @Test func lineBreaksTranscript() throws {
        let responses = try Self.responses("core/line_breaks")
        // 1: a tactic at column 0 after `by` — the very layout the builder prevents — is an error.
        guard case .decided(let first) = VerdictJudge.judgeTheorem(responses[0], command: command) else {
            Issue.record("judged clean")
            return
        }
        #expect(first.status == .rejected && first.errors.count == 2)
        #expect(first.errors[1].message.contains("expected command") && first.errors[1].isInsideProof)
        // 2: the real sorry warning (backtick quoting) and a sorries entry.
        guard case .decided(let second) = VerdictJudge.judgeTheorem(responses[1], command: command) else {
            Issue.record("judged clean")
            return
        }
        #expect(second.status == .incomplete && second.rule == "sorry")
        // 3: a clean proof continues on its environment.
        #expect(VerdictJudge.judgeTheorem(responses[2], command: command) == .clean(env: 2))
    }
}
