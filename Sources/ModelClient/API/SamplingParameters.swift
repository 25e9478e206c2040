/// How to sample completions. Nil fields are left out of the request so the provider's defaults apply.
public struct SamplingParameters: Sendable, Hashable, Codable {
    /// How many samples to return (at least 1).
    public var n: Int
    /// Sampling temperature.
    public var temperature: Double?
    /// Nucleus sampling probability mass (`top_p`).
    public var topP: Double?
    /// Maximum number of completion tokens per sample (`max_tokens`).
    public var maxTokens: Int?
    /// Seed for providers that support reproducible sampling.
    ///
    /// When samples are requested one at a time (fan-out, or filling cache gaps), sample `i` is sent with
    /// seed `seed + i` so that the samples differ.
    public var seed: Int?
    /// Stop sequences.
    public var stop: [String]?

    /// Creates sampling parameters; `n` must be at least 1.
    public init(
        n: Int = 1,
        temperature: Double? = nil,
        topP: Double? = nil,
        maxTokens: Int? = nil,
        seed: Int? = nil,
        stop: [String]? = nil
    ) {
        precondition(n >= 1, "SamplingParameters.n must be at least 1")
        self.n = n
        self.temperature = temperature
        self.topP = topP
        self.maxTokens = maxTokens
        self.seed = seed
        self.stop = stop
    }
}
