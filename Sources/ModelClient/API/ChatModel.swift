/// Anything that can answer chat requests: the OpenAI-compatible client, or a router over several.
public protocol ChatModel: Sendable {
    /// Returns `request.parameters.n` samples for `request`, accounted under `role`.
    ///
    /// - Throws: `ModelError` when no samples could be had (after retries); a sample that is merely
    ///   truncated, empty or degenerate is returned with that `SampleOutcome`, not thrown.
    func complete(_ request: ChatRequest, role: ModelRole) async throws(ModelError) -> ChatResponse
}
