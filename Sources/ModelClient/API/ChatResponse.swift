/// The samples returned for one `ChatRequest`.
public struct ChatResponse: Sendable, Hashable {
    /// The samples obtained, ordered by `index`: all `parameters.n` of them unless some requests failed
    /// (those indices are in `failures`).
    public var samples: [ModelSample]
    /// The samples whose request failed, ordered by `index`; empty when every sample was obtained.
    /// Together with `samples` it covers every index in `0..<parameters.n` exactly once.
    public var failures: [SampleFailure]
    /// What this response cost: tokens, HTTP requests and cache hits.
    public var usage: TokenUsage
    /// True when every sample came from the disk cache (no request was sent).
    public var fromCache: Bool
    /// The model that answered, as the provider named it (or the configured model for cached samples).
    public var model: String

    /// Creates a response.
    public init(samples: [ModelSample], usage: TokenUsage, fromCache: Bool, model: String, failures: [SampleFailure] = []) {
        self.samples = samples
        self.failures = failures
        self.usage = usage
        self.fromCache = fromCache
        self.model = model
    }
}
