import LeanVerify
@testable import Prover
import Synchronization

/// Records attempts in memory, for prover tests that need no ledger.
final class InMemoryRecorder: AttemptRecording {
    private let attempts = Mutex<[String: ProofAttempt]>([:])
    private let order = Mutex<[String]>([])

    var recorded: [ProofAttempt] {
        let keys = order.withLock { $0 }
        return attempts.withLock { table in keys.compactMap { table[$0] } }
    }

    func recordedAttempt(key: String) async throws(ProverError) -> RecordedAttempt? {
        attempts.withLock { table in
            table[key].map {
                RecordedAttempt(accepted: $0.verdict.isAccepted, proof: $0.proof, error: $0.firstError,
                                wasChecked: $0.verdict.rule != ProofRun.noProofRule)
            }
        }
    }

    func record(_ attempt: ProofAttempt, formalizationID: String) async throws(ProverError) {
        let inserted = attempts.withLock { table in
            guard table[attempt.key] == nil else { return false }
            table[attempt.key] = attempt
            return true
        }
        if inserted { order.withLock { $0.append(attempt.key) } }
    }
}
