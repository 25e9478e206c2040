/// One sampled completion.
public struct ModelSample: Sendable, Hashable, Codable {
    /// The sample's position among the request's `n` samples (0-based, stable across cache reruns).
    public var index: Int
    /// The answer text with reasoning removed (empty when the content was null).
    public var text: String
    /// The model's reasoning, from `reasoning_content`, `reasoning` or inline `<think>` tags.
    public var reasoning: String?
    /// The provider's `finish_reason`, verbatim.
    public var finishReason: String?
    /// How the sample ended.
    public var outcome: SampleOutcome

    /// Creates a sample.
    public init(index: Int, text: String, reasoning: String? = nil, finishReason: String? = nil, outcome: SampleOutcome) {
        self.index = index
        self.text = text
        self.reasoning = reasoning
        self.finishReason = finishReason
        self.outcome = outcome
    }
}
