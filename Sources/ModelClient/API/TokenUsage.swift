/// Token and request accounting, for one response or summed over a role.
public struct TokenUsage: Sendable, Hashable, Codable {
    /// Prompt tokens billed by the provider.
    public var promptTokens: Int
    /// Completion tokens billed by the provider.
    public var completionTokens: Int
    /// Total tokens billed (the provider's figure, or prompt + completion when it gave none).
    public var totalTokens: Int
    /// HTTP requests sent, including retries.
    public var requests: Int
    /// Samples served from the disk cache (they cost no tokens).
    public var cacheHits: Int

    /// Creates a usage record.
    public init(promptTokens: Int = 0, completionTokens: Int = 0, totalTokens: Int = 0, requests: Int = 0, cacheHits: Int = 0) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.totalTokens = totalTokens
        self.requests = requests
        self.cacheHits = cacheHits
    }

    /// No usage.
    public static let zero = TokenUsage()

    /// The field-wise sum.
    public static func + (lhs: TokenUsage, rhs: TokenUsage) -> TokenUsage {
        TokenUsage(
            promptTokens: lhs.promptTokens + rhs.promptTokens,
            completionTokens: lhs.completionTokens + rhs.completionTokens,
            totalTokens: lhs.totalTokens + rhs.totalTokens,
            requests: lhs.requests + rhs.requests,
            cacheHits: lhs.cacheHits + rhs.cacheHits
        )
    }

    /// Adds `rhs` field-wise.
    public static func += (lhs: inout TokenUsage, rhs: TokenUsage) { lhs = lhs + rhs }
}
