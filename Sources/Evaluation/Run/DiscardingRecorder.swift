import Prover

/// An `AttemptRecording` that keeps nothing: evaluation samples are independent, resume happens per
/// problem through `results.jsonl`, and repeated model questions hit the model's response cache.
struct DiscardingRecorder: AttemptRecording {
    func recordedAttempt(key: String) async throws(ProverError) -> RecordedAttempt? { nil }
    func record(_ attempt: ProofAttempt, formalizationID: String) async throws(ProverError) {}
}
