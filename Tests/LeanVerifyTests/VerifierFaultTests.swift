import LeanPlayTestSupport
import LeanREPL
import LeanVerify
import Testing

/// Lean errors with positions, a REPL that hangs or crashes, and statement validation — all through the
/// real pool and the `fake-lean-repl` process.
@Suite("LeanVerifier with a misbehaving Lean", .enabled(if: FakeREPL.isBuilt))
struct VerifierFaultTests {
    @Test func errorPositionIsMappedIntoTheProofText() async throws {
        let rules = OracleVerifierFixture.rules([
            #"{"proof_contains": "bogus_lemma", "result": "error", "message": "unknown identifier 'bogus_lemma'"}"#,
        ])
        let (verdict, _) = try await OracleVerifierFixture.withVerifier(rules: rules) { verifier in
            await verifier.verify(
                header: OracleVerifierFixture.header, statement: OracleVerifierFixture.statement,
                proof: "\n\n   exact bogus_lemma x y")
        }
        #expect(verdict.status == .rejected && verdict.rule == "lean-error")
        let error = try #require(verdict.errors.first)
        #expect(error.message == "unknown identifier 'bogus_lemma'")
        #expect(error.isInsideProof)
        #expect(error.line == 3 && error.column == 9)  // "   exact " is 9 scalars
        #expect(verdict.reason.contains("proof line 3, column 9"))
    }

    @Test func unsolvedGoalsOutsideTheProofKeepTheFlag() async throws {
        // No rule matches: the oracle answers "unsolved goals" at the proof start, as Lean does.
        let (verdict, _) = try await OracleVerifierFixture.withVerifier(rules: #"{"rules": []}"#) { verifier in
            await verifier.verify(header: "", statement: OracleVerifierFixture.statement, proof: "skip")
        }
        #expect(verdict.status == .rejected)
        #expect(verdict.errors.first?.message.hasPrefix("unsolved goals") == true)
        let error = try #require(verdict.errors.first)
        #expect(!error.isInsideProof && error.location == .statement && error.line == 1)
        #expect(verdict.reason.contains("the proof ends with goals still open"))
        #expect(!verdict.reason.contains("outside the proof"))
    }

    @Test func hangingLeanGivesTimeout() async throws {
        let rules = OracleVerifierFixture.rules([#"{"proof_contains": "loop_forever", "result": "hang"}"#])
        let policy = VerificationPolicy(requestTimeout: .milliseconds(500))  // the pool's own limit is 10 s
        let (verdicts, _) = try await OracleVerifierFixture.withVerifier(rules: rules, policy: policy) { verifier in
            [await verifier.verify(header: "", statement: OracleVerifierFixture.statement, proof: "exact loop_forever"),
             await verifier.verify(header: "", statement: OracleVerifierFixture.statement, proof: "omega")]
        }
        #expect(verdicts[0].status == .timeout && verdicts[0].rule == "wall-clock", "\(verdicts[0].reason)")
        // The policy's 500 ms limit fired, not the pool's 10 s one: the reason names the expired limit
        // (deterministic, unlike an upper bound on elapsed time on a loaded machine).
        #expect(verdicts[0].reason.contains("longer than \(Duration.milliseconds(500))"), "\(verdicts[0].reason)")
        #expect(verdicts[0].elapsedMilliseconds >= 400)
        #expect(verdicts[1].status == .accepted, "the pool recovers: \(verdicts[1].reason)")
    }

    @Test func crashingLeanGivesCrashed() async throws {
        let rules = OracleVerifierFixture.rules([#"{"proof_contains": "crash_it", "result": "crash"}"#])
        let (verdicts, _) = try await OracleVerifierFixture.withVerifier(rules: rules) { verifier in
            [await verifier.verify(header: "", statement: OracleVerifierFixture.statement, proof: "exact crash_it"),
             await verifier.verify(header: "", statement: OracleVerifierFixture.statement, proof: "omega")]
        }
        #expect(verdicts[0].status == .crashed && verdicts[0].rule == "crashed", "\(verdicts[0].reason)")
        #expect(verdicts[1].status == .accepted, "the pool recovers: \(verdicts[1].reason)")
    }

    @Test func garbageFromLeanIsCrashedNotAccepted() async throws {
        let (verdict, _) = try await OracleVerifierFixture.withVerifier(extraFlags: ["--garbage-after", "1"]) { verifier in
            await verifier.verify(header: "", statement: OracleVerifierFixture.statement, proof: "omega")
        }
        #expect(verdict.status == .crashed, "\(verdict.reason)")
    }

    @Test func invalidStatementIsRejectedWithoutLean() async throws {
        let (verdict, statistics) = try await OracleVerifierFixture.withVerifier(extraFlags: ["--crash-after", "1"]) { verifier in
            await verifier.verify(header: "", statement: "theorem a : True := by\ntheorem b : True := by", proof: "trivial")
        }
        #expect(verdict.status == .rejected && verdict.rule == "invalid-statement")
        #expect(statistics.processesStarted == 0)
    }

    @Test func validateSeparatesWellFormedFromIllFormedStatements() async throws {
        let (checks, _) = try await OracleVerifierFixture.withVerifier { verifier in
            [await verifier.validate(header: OracleVerifierFixture.header, statement: OracleVerifierFixture.statement),
             await verifier.validate(header: OracleVerifierFixture.header, statement: "theorem bad (n : ℕ) :\n  ILL_FORMED n = 0 := by"),
             await verifier.validate(header: OracleVerifierFixture.header, statement: "def f : ℕ := 1")]
        }
        #expect(checks[0].status == .wellFormed, "\(checks[0].reason)")
        #expect(checks[0].command?.hasSuffix(":= by sorry") == true)
        #expect(checks[1].status == .illFormed)
        #expect(checks[1].errors.first?.message.contains("ILL_FORMED") == true)
        #expect(checks[1].errors.first?.location == .statement && checks[1].errors.first?.line == 1)
        #expect(checks[2].status == .illFormed && checks[2].command == nil)
    }
}
