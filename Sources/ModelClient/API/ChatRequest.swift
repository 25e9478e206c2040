/// A chat completion request: the conversation and how to sample from it.
public struct ChatRequest: Sendable, Hashable {
    /// The conversation so far.
    public var messages: [ChatMessage]
    /// Sampling parameters, including the number of samples.
    public var parameters: SamplingParameters

    /// Creates a request.
    public init(messages: [ChatMessage], parameters: SamplingParameters = SamplingParameters()) {
        self.messages = messages
        self.parameters = parameters
    }
}
