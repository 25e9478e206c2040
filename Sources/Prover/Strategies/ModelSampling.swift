import Conjecturer
import LeanExtraction
import LeanSource
import ModelClient

/// What one model request returned, with token shares per sample.
struct SampledTexts: Sendable {
    /// One text per sample asked for, in sample order (empty for a sample in `failures`).
    var texts: [String]
    var promptTokens: [Int]
    var completionTokens: [Int]
    var model: String
    /// True when `texts` are proofs replayed from a previous run's records, not model outputs.
    var isReplay = false
    /// The samples (positions in `texts`) whose request failed, with the reason. They are not recorded
    /// as attempts, so a rerun asks for them again.
    var failures: [Int: String] = [:]
    /// True when the prompt ended inside `:= by`, so the texts continue the proof (see
    /// `LeanCodeExtractor.promptAsksForContinuation`).
    var isContinuation = false
}

extension ProofRun {
    /// True when the run has what model strategies need.
    var hasModel: Bool { services.model != nil && services.prompts != nil }

    /// Renders `template` with `context` and asks the model for `count` samples.
    ///
    /// The seed is derived from the attempt keys of the samples, so a rerun asks the same question (and
    /// hits the model's response cache) while later batches for the same statement ask new ones.
    ///
    /// A failed request fails only its own samples: they come back in `failures` (and are noted on the
    /// run), the others as usual.
    ///
    /// - Throws: `ProverError` `.prompt` for a template that fails to render, `.model` when no sample
    ///   at all could be had.
    func sample(template: String, context: PromptContext, count: Int, seedKey: String) async throws(ProverError) -> SampledTexts {
        guard let model = services.model, let prompts = services.prompts else {
            throw ProverError(.configuration, "A model strategy ran without a model and prompt library; configure both.",
                              context: target.formalizationID)
        }
        let messages: [ChatMessage]
        do {
            messages = try prompts.render(template, context: context)
        } catch {
            throw ProverError(.prompt, "The prompt template \(template) failed to render: \(error). Fix the template file.",
                              context: target.formalizationID)
        }
        let parameters = SamplingParameters(
            n: count, temperature: configuration.temperature, maxTokens: configuration.maxTokens,
            seed: Int(truncatingIfNeeded: StableHash.fnv1a(seedKey) & 0x7FFF_FFFF))
        let response: ChatResponse
        do {
            response = try await model.complete(ChatRequest(messages: messages, parameters: parameters), role: .prover)
        } catch {
            throw ProverError(.model, "The model request failed: \(error.message)", context: target.formalizationID)
        }
        var texts = Array(repeating: "", count: count)
        var obtained: [Int] = []
        for sample in response.samples where texts.indices.contains(sample.index) {
            texts[sample.index] = sample.text
            obtained.append(sample.index)
        }
        var failures: [Int: String] = [:]
        for failure in response.failures where texts.indices.contains(failure.index) {
            failures[failure.index] = failure.error.message
        }
        for index in texts.indices where !obtained.contains(index) && failures[index] == nil {
            failures[index] = "the model returned no sample \(index)"
        }
        if let first = response.failures.first {
            note(ProverError(.model, "\(response.failures.count) of \(count) model samples failed (\(first.error.message)); the other samples were used",
                             context: target.formalizationID))
        }
        // Tokens are shared over the samples obtained; failed samples cost nothing.
        var prompt = Array(repeating: 0, count: count)
        var completion = Array(repeating: 0, count: count)
        for (index, share) in zip(obtained, Self.shares(of: response.usage.promptTokens, over: obtained.count)) { prompt[index] = share }
        for (index, share) in zip(obtained, Self.shares(of: response.usage.completionTokens, over: obtained.count)) { completion[index] = share }
        addTokens(prompt: response.usage.promptTokens, completion: response.usage.completionTokens)
        return SampledTexts(
            texts: texts, promptTokens: prompt, completionTokens: completion, model: response.model, failures: failures,
            isContinuation: LeanCodeExtractor.promptAsksForContinuation(messages.last?.content ?? ""))
    }

    /// The proof in a model output (tactics to follow `:= by`), or nil when there is none.
    ///
    /// The output must hold Lean code (a fenced block or a bare declaration): the prompts ask for a
    /// fenced block, and prose without code ("I cannot prove this.") is not a tactic script. The
    /// exception is a `continuation` (the prompt ended inside `:= by`): then the text up to the closing
    /// fence is the proof.
    func extractProof(from text: String, continuation: Bool = false) -> String? {
        if continuation, let proof = LeanCodeExtractor.extractProof(from: text, for: target.declaration, continuing: true) {
            return proof
        }
        guard !LeanCodeExtractor.extract(from: text).blocks.isEmpty,
              let proof = LeanCodeExtractor.extractProof(from: text, for: target.declaration) else { return nil }
        return proof.contains(where: { !$0.isWhitespace }) ? proof : nil
    }

    /// True when `proof` is a sketch: its only hygiene problem is `sorry` placeholders.
    static func isSketch(_ proof: String) -> Bool {
        let violations = ProofHygiene.violations(in: proof, mode: .tactic, policy: .strict)
        return !violations.isEmpty && violations.allSatisfy { $0.rule == .sorry }
    }

    /// `total` split over `count` parts; the remainder goes to the first part.
    static func shares(of total: Int, over count: Int) -> [Int] {
        guard count > 0 else { return [] }
        var parts = Array(repeating: total / count, count: count)
        parts[0] += total % count
        return parts
    }
}

/// A stable 64-bit FNV-1a hash (Swift's `Hasher` is seeded per process, so it cannot make seeds).
enum StableHash {
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
