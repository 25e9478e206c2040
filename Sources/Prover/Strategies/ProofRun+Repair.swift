import Conjecturer
import Ledger

/// Repair: a failed proof and Lean's first error go back to the model, up to `repairRounds` times.
extension ProofRun {
    /// Repairs failed whole proofs, oldest first, each for up to `budget.repairRounds` rounds.
    ///
    /// - Throws: `ProverError` `.cancelled` or `.ledger`; model and template failures are noted instead.
    func runRepair(_ failures: [FailedProof]) async throws(ProverError) -> String? {
        guard hasModel, meter.budget.repairRounds > 0 else { return nil }
        for failure in failures {
            var current = failure
            chain: for round in 1...meter.budget.repairRounds {
                guard meter.canCheck else { return nil }
                try Self.checkCancellation(target.formalizationID)
                let key = keys.repair(sample: failure.sampleIndex, round: round)
                let label = "\(configuration.repairTemplate) round \(round)"
                guard meter.reserveSamples(1, keeping: shares.search) == 1 else { return nil }
                let proof: String?
                var promptTokens = 0
                var completionTokens = 0
                var rawText = ""
                if let recorded = try await recorder.recordedAttempt(key: key) {
                    proof = recorded.wasChecked ? recorded.proof : nil
                } else {
                    var context = promptContext
                    context.values["proof"] = .text(current.proof)
                    context.values["lean_error"] = .text(current.error)
                    let sampled: SampledTexts
                    do {
                        sampled = try await sample(template: configuration.repairTemplate, context: context, count: 1, seedKey: key)
                    } catch where error.code == .model || error.code == .prompt {
                        note(error)
                        return nil
                    }
                    rawText = sampled.texts.first ?? ""
                    proof = extractProof(from: rawText, continuation: sampled.isContinuation)
                    promptTokens = sampled.promptTokens.first ?? 0
                    completionTokens = sampled.completionTokens.first ?? 0
                }
                guard let repaired = proof, !Self.isSketch(repaired) else {
                    try await recordUnusableSample(
                        key: key, strategy: .repair, label: label, text: rawText,
                        why: "the repair contained no complete Lean proof", promptTokens: promptTokens,
                        completionTokens: completionTokens, repairedFromKey: current.key)
                    break chain
                }
                let candidate = ProofCandidate(
                    proof: repaired, strategy: .repair, label: label, key: key, promptTokens: promptTokens,
                    completionTokens: completionTokens, repairedFromKey: current.key)
                switch try await check(candidate) {
                case .accepted(let accepted):
                    succeed(accepted, by: .repair)
                    return accepted
                case .failed(let failedProof, let error):
                    current = FailedProof(sampleIndex: failure.sampleIndex, key: key, proof: failedProof, error: error)
                case .duplicate, .unusable:
                    break chain
                case .outOfBudget:
                    return nil
                }
            }
        }
        return nil
    }
}
