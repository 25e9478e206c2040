/// Anything that can answer chat requests: the OpenAI-compatible client, or a router over several.
public protocol ChatModel: Sendable {
    /// Returns `request.parameters.n` samples for `request`, accounted under `role`.
    ///
    /// When the samples take several HTTP requests and some of them fail, the samples obtained are
    /// returned and the failed ones are listed in `ChatResponse.failures` (index and error).
    ///
    /// - Throws: `ModelError` when no sample at all could be had (after retries), or `.cancelled`; a
    ///   sample that is merely truncated, empty or degenerate is returned with that `SampleOutcome`.
    func complete(_ request: ChatRequest, role: ModelRole) async throws(ModelError) -> ChatResponse
}
