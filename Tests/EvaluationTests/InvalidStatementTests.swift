import Foundation
import LeanVerify
import ProblemCorpus
import Prover
import Synchronization
import Testing
@testable import Evaluation

/// Answers every proof of a statement that does not elaborate the way the verifier does: rejected by
/// `invalid-statement`, whatever the proof.
final class InvalidStatementVerifier: ProofVerifying {
    let checks = Mutex(0)
    func verify(header: String, statement: String, proof: String) async -> Verdict {
        checks.withLock { $0 += 1 }
        return Verdict(status: .rejected, reason: "invalid-statement: the statement does not elaborate under this header: unknown identifier 'ILL_FORMED'; the proof was not checked",
                       rule: VerificationRule.invalidStatement.rawValue, elapsedMilliseconds: 10)
    }
}

/// A benchmark line whose statement cannot be checked (it does not elaborate, or already carries a proof)
/// is an `error` with the reason — not an `unproved` problem with no reason that spent a check per
/// portfolio tactic and per sample.
@Suite("Evaluation: a benchmark statement that cannot be checked")
struct InvalidStatementTests {
    @Test func invalidStatementIsAnErrorWithItsReasonAfterOneCheck() async throws {
        let verifier = InvalidStatementVerifier()
        let prover = StatementProver(configuration: ProverConfiguration(concurrency: 1), services: ProverServices(verifier: verifier))
        let evaluator = Evaluator(
            configuration: EvaluationConfiguration(benchmark: "b", model: nil, strategy: .automation, samples: 1),
            prover: prover)
        let problem = Problem(id: "bad", informal: "", formalStatement: "theorem bad : ILL_FORMED := by", header: "")
        let result = try #require(try await evaluator.evaluate([problem]).first)
        #expect(result.status == .error)
        #expect(result.errors.count == 1 && result.errors.first?.contains("unknown identifier 'ILL_FORMED'") == true, "\(result.errors)")
        #expect(verifier.checks.withLock { $0 } == 1, "every other proof gets the same verdict: one check is enough")
        #expect(result.leanChecks == 1)
    }
}
