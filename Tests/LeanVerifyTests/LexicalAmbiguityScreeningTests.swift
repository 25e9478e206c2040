import LeanPlayTestSupport
import LeanREPL
import LeanVerify
import Testing

/// Proof texts whose code Lean could read where a token scan sees a literal or comment: the verifier
/// must refuse them statically (tampered, `ambiguous-lexing`) and never hand them to Lean.
@Suite("Lexically ambiguous proofs never reach Lean", .enabled(if: FakeREPL.isBuilt))
struct LexicalAmbiguityScreeningTests {
    static let proofs: [String] = [
        "exact f '\n'\"' \" sorry \"x\" -- \"",
        "/-/- -/ run_tac closeMainGoal -- -/\nomega",
        "exact h!\"{\" sorry -- \"}\"",
        "exact s! \"{\"}\" ++ sorry ++ \"}\"",
        "exact aux\nwhere\n  /--/ \" -/ aux : 1 = 1 := by run_tac closeMainGoal -- \"",
        "exact r\"\\\" sorry \"",
    ]

    @Test func ambiguousTextsAreTamperedWithoutLean() async throws {
        let (verdicts, statistics) = try await OracleVerifierFixture.withVerifier(extraFlags: ["--crash-after", "1"]) { verifier in
            var verdicts: [Verdict] = []
            for proof in Self.proofs {
                verdicts.append(await verifier.verify(
                    header: OracleVerifierFixture.header, statement: OracleVerifierFixture.statement, proof: proof))
            }
            return verdicts
        }
        for (proof, verdict) in zip(Self.proofs, verdicts) {
            #expect(verdict.status == .tampered, "\(proof.debugDescription) → \(verdict.reason)")
            #expect(verdict.rule == "ambiguous-lexing", "\(proof.debugDescription) → \(verdict.reason)")
            #expect(verdict.reason.contains("Lean was not called"))
        }
        #expect(statistics.processesStarted == 0)
    }
}
