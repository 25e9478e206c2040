/// The samples returned for one `ChatRequest`.
public struct ChatResponse: Sendable, Hashable {
    /// Exactly `parameters.n` samples, ordered by `index`.
    public var samples: [ModelSample]
    /// What this response cost: tokens, HTTP requests and cache hits.
    public var usage: TokenUsage
    /// True when every sample came from the disk cache (no request was sent).
    public var fromCache: Bool
    /// The model that answered, as the provider named it (or the configured model for cached samples).
    public var model: String

    /// Creates a response.
    public init(samples: [ModelSample], usage: TokenUsage, fromCache: Bool, model: String) {
        self.samples = samples
        self.usage = usage
        self.fromCache = fromCache
        self.model = model
    }
}
