/// A sample the provider could not give: its index and why its request failed.
///
/// A failed request fails only its own samples; `OpenAICompatibleClient.complete` returns the other
/// samples of the call with these beside them (see `ChatResponse.failures`).
public struct SampleFailure: Sendable, Hashable {
    /// The sample's position among the request's `n` samples (0-based).
    public var index: Int
    /// Why the request that should have produced it failed (after retries).
    public var error: ModelError

    /// Creates a failure record.
    public init(index: Int, error: ModelError) {
        self.index = index
        self.error = error
    }
}
