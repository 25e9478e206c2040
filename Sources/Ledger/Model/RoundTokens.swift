/// Model tokens spent by one role in one round (table `round_tokens`, migration "v3-round-tokens").
public struct RoundTokens: Sendable, Hashable, Codable {
    /// Prompt tokens billed by the provider.
    public var promptTokens: Int
    /// Completion tokens billed by the provider.
    public var completionTokens: Int
    /// Requests answered (cache hits included).
    public var requests: Int
    /// Samples served from the response cache (they cost no tokens).
    public var cacheHits: Int

    /// Creates a value.
    public init(promptTokens: Int = 0, completionTokens: Int = 0, requests: Int = 0, cacheHits: Int = 0) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.requests = requests
        self.cacheHits = cacheHits
    }

    /// The sum of two usages.
    public static func + (lhs: RoundTokens, rhs: RoundTokens) -> RoundTokens {
        RoundTokens(promptTokens: lhs.promptTokens + rhs.promptTokens, completionTokens: lhs.completionTokens + rhs.completionTokens,
                    requests: lhs.requests + rhs.requests, cacheHits: lhs.cacheHits + rhs.cacheHits)
    }

    enum CodingKeys: String, CodingKey {
        case requests
        case promptTokens = "tokens_prompt", completionTokens = "tokens_completion", cacheHits = "cache_hits"
    }
}
