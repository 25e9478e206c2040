/// How `n` samples are obtained from the provider.
public enum SamplingStrategy: String, Sendable, Hashable, Codable, CaseIterable {
    /// One request with `"n": k` (OpenAI, vLLM, SGLang). If the provider returns fewer choices than
    /// asked (some silently ignore `n`), the missing samples are requested again.
    case native
    /// `k` concurrent single-sample requests, for providers that reject `n > 1`. Sample `i` is sent with
    /// seed `seed + i` when a seed is set.
    case fanOut = "fan_out"
}
