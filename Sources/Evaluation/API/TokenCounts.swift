/// Tokens the model reported, summed. Encodes as `{"prompt":…,"completion":…}`.
public struct TokenCounts: Sendable, Hashable, Codable {
    /// Prompt tokens.
    public var prompt: Int
    /// Completion tokens.
    public var completion: Int

    /// Creates counts.
    public init(prompt: Int = 0, completion: Int = 0) {
        self.prompt = prompt
        self.completion = completion
    }

    /// The element-wise sum.
    public static func + (lhs: TokenCounts, rhs: TokenCounts) -> TokenCounts {
        TokenCounts(prompt: lhs.prompt + rhs.prompt, completion: lhs.completion + rhs.completion)
    }
}
