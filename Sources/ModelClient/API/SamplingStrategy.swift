/// How `n` samples are obtained from the provider.
public enum SamplingStrategy: String, Sendable, Hashable, Codable, CaseIterable {
    /// One request with `"n": k` (OpenAI, vLLM, SGLang). If the provider returns fewer choices than
    /// asked (llama.cpp's server ignores `n` and returns one), the client remembers that limit for its
    /// lifetime and requests the missing samples, and every later call's, as concurrent requests of at
    /// most that many choices.
    case native
    /// `k` concurrent single-sample requests, for providers that reject `n > 1`. Sample `i` is sent with
    /// seed `seed + i` when a seed is set.
    case fanOut = "fan_out"
}
