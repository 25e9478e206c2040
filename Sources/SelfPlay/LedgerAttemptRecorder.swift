public import Ledger
import LeanVerify
public import Prover

/// Records prover attempts in the ledger (`recordAttempt`, one transaction each, idempotent on the key)
/// and answers resume questions from it (`attempt(key:)`).
public struct LedgerAttemptRecorder: AttemptRecording {
    /// The ledger written to.
    public let ledger: Ledger
    /// The round stamped on every record.
    public let round: Int
    /// The peer id stamped on every record (nil outside a peer).
    public let peer: String?

    /// Creates a recorder for `round`, recording as `peer`.
    public init(ledger: Ledger, round: Int, peer: String? = nil) {
        self.ledger = ledger
        self.round = round
        self.peer = peer
    }

    /// The attempt recorded under `key`, summarized for resuming.
    ///
    /// - Throws: `ProverError` `.ledger` when the ledger cannot be read.
    public func recordedAttempt(key: String) async throws(ProverError) -> RecordedAttempt? {
        let stored: StoredAttempt?
        do {
            stored = try ledger.attempt(key: key)
        } catch {
            throw ProverError(.ledger, "Reading attempt \(key) failed: \(error.message)", context: key)
        }
        guard let record = stored?.record else { return nil }
        let unchecked = record.error?.hasPrefix(ProofRun.noProofRule + ":") ?? false
        return RecordedAttempt(accepted: record.verdict.isAccepted, proof: record.proof ?? "", error: record.error,
                               wasChecked: !unchecked)
    }

    /// Records `attempt` in one ledger transaction (status rules applied by the ledger).
    ///
    /// - Throws: `ProverError` `.ledger` when the ledger refuses the record.
    public func record(_ attempt: ProofAttempt, formalizationID: String) async throws(ProverError) {
        do {
            let repairedFrom = try attempt.repairedFromKey.flatMap { key throws(LedgerError) in try ledger.attempt(key: key)?.id }
            var record = Self.record(attempt, formalizationID: formalizationID, round: round, repairedFrom: repairedFrom)
            record.peer = peer
            _ = try ledger.recordAttempt(record)
        } catch {
            throw ProverError(.ledger, "Recording attempt \(attempt.key) failed: \(error.message)", context: formalizationID)
        }
    }

    /// The ledger record for a prover attempt.
    public static func record(_ attempt: ProofAttempt, formalizationID: String, round: Int, repairedFrom: Int64?) -> AttemptRecord {
        let verdict = AttemptVerdict(rawValue: attempt.verdict.status.rawValue) ?? .crashed
        return AttemptRecord(
            idempotencyKey: attempt.key, formalizationID: formalizationID, round: round, kind: attempt.kind,
            strategy: attempt.strategy, tacticOrModel: attempt.tacticOrModel, budgetLevel: attempt.budgetLevel,
            verdict: verdict, proof: attempt.proof, error: verdict.isAccepted ? nil : attempt.firstError,
            durationMilliseconds: max(0, attempt.verdict.elapsedMilliseconds), promptTokens: attempt.promptTokens,
            completionTokens: attempt.completionTokens, repairedFromAttemptID: repairedFrom, steps: attempt.steps)
    }
}
