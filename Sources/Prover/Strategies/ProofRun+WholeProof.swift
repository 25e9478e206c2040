import Conjecturer
import LeanSource
import LeanVerify
import Ledger

/// A whole proof that Lean rejected: the starting point of a repair chain.
struct FailedProof: Sendable, Hashable {
    var sampleIndex: Int
    var key: String
    var proof: String
    var error: String
}

/// What whole-proof sampling left for the later strategies.
struct WholeProofLeftovers: Sendable {
    var failures: [FailedProof] = []
    var sketches: [String] = []
}

extension ProofRun {
    /// The context every prove template receives (Prompts/prove/*.mustache); the template-specific
    /// variables (`proof`, `lean_error`, `goals`, `tactics`) are set by the strategies.
    var promptContext: PromptContext {
        [
            "statement": .text(target.statement),
            "header": .text(target.header),
            "informal": .text(""),
            "theorem_name": .text(target.declaration.name ?? ""),
            "proof": .text(""),
            "lean_error": .text(""),
            "goals": .text(""),
            "tactics": .list([]),
            "failed_tactics": .list([]),
        ]
    }

    /// The samples each strategy is guaranteed out of this run's budget.
    var shares: StrategyShares {
        StrategyShares(budget: meter.budget, hasModel: hasModel, hasSearch: services.stepping != nil,
                       tacticsPerExpansion: configuration.tacticsPerExpansion)
    }

    /// Samples whole proofs in batches and checks each, until one is accepted or the budget runs out.
    /// Samples whose only gap is `sorry` are kept as sketches for the step-wise search.
    ///
    /// - Throws: `ProverError` `.cancelled` or `.ledger`; model and template failures are noted instead.
    func runWholeProof() async throws(ProverError) -> WholeProofLeftovers {
        var leftovers = WholeProofLeftovers()
        guard hasModel else { return leftovers }
        while meter.canCheck {
            try Self.checkCancellation(target.formalizationID)
            // Keep what the later strategies need: a repair round per round once a proof failed, and
            // one expansion's tactic samples when a step-wise search will run — but never so much that
            // whole-proof sampling gets less than its own share, and never less than the later
            // strategies' shares (`StrategyShares`).
            let shares = self.shares
            let repairReserve = leftovers.failures.isEmpty ? 0 : meter.budget.repairRounds
            let searchReserve = services.stepping != nil && meter.budget.searchExpansions > 0 ? configuration.tacticsPerExpansion : 0
            let guaranteed = shares.search + (leftovers.failures.isEmpty ? 0 : shares.repair)
            let wanted = repairReserve + searchReserve
            let reserve = meter.spent.modelSamples >= shares.wholeProof
                ? max(guaranteed, wanted)
                : max(guaranteed, min(wanted, meter.budget.modelSamples - shares.wholeProof))
            let granted = meter.reserveSamples(configuration.samplesPerRequest, keeping: reserve)
            guard granted > 0 else { break }
            let indices = Array(claimSampleIndices(granted))
            let keyList = indices.map { keys.wholeProof(sample: $0) }
            let texts: SampledTexts
            if let replayed = try await replayedSamples(keyList) {
                texts = replayed
            } else {
                do {
                    texts = try await sample(template: configuration.wholeProofTemplate, context: promptContext,
                                             count: granted, seedKey: keyList[0])
                } catch where error.code == .model || error.code == .prompt {
                    note(error)
                    break
                }
            }
            for (offset, text) in texts.texts.prefix(keyList.count).enumerated() where texts.failures[offset] == nil {
                let key = keyList[offset]
                let label = "\(texts.model) \(configuration.wholeProofTemplate)"
                let proofText = texts.isReplay ? (text.isEmpty ? nil : text) : extractProof(from: text, continuation: texts.isContinuation)
                guard let proof = proofText else {
                    try await recordUnusableSample(
                        key: key, strategy: .wholeProof, label: label, text: text,
                        why: "the model output contained no Lean proof", promptTokens: texts.promptTokens[offset],
                        completionTokens: texts.completionTokens[offset])
                    continue
                }
                if Self.isSketch(proof) {
                    leftovers.sketches.append(proof)
                    continue
                }
                let candidate = ProofCandidate(
                    proof: proof, strategy: .wholeProof, label: label, key: key,
                    promptTokens: texts.promptTokens[offset], completionTokens: texts.completionTokens[offset])
                switch try await check(candidate) {
                case .accepted(let accepted):
                    succeed(accepted, by: .wholeProof)
                    return leftovers
                case .failed(let failedProof, let error):
                    leftovers.failures.append(FailedProof(sampleIndex: indices[offset], key: key, proof: failedProof, error: error))
                case .duplicate, .unusable:
                    continue
                case .outOfBudget:
                    return leftovers
                }
            }
        }
        return leftovers
    }

    /// When a previous run recorded every key of a batch, its samples are replayed without asking the
    /// model again (the texts are the recorded proofs themselves, empty for samples that held none; `check` then
    /// replays their verdicts).
    func replayedSamples(_ keyList: [String]) async throws(ProverError) -> SampledTexts? {
        var texts: [String] = []
        for key in keyList {
            guard let recorded = try await recorder.recordedAttempt(key: key) else { return nil }
            texts.append(recorded.wasChecked ? recorded.proof : "")
        }
        let zeros = Array(repeating: 0, count: texts.count)
        return SampledTexts(texts: texts, promptTokens: zeros, completionTokens: zeros, model: "replay", isReplay: true)
    }
}
