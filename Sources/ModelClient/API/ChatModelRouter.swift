/// A `ChatModel` that sends each role to its own model, e.g. a large prover and a small formalizer.
///
/// ```swift
/// let router = ChatModelRouter(default: formalizerClient, byRole: [.prover: proverClient])
/// let proofs = try await router.complete(request, role: .prover)   // goes to proverClient
/// ```
public struct ChatModelRouter: ChatModel {
    /// The model for roles without their own entry.
    public let defaultModel: any ChatModel
    /// Models for specific roles.
    public let modelsByRole: [ModelRole: any ChatModel]

    /// Creates a router.
    public init(default defaultModel: any ChatModel, byRole modelsByRole: [ModelRole: any ChatModel] = [:]) {
        self.defaultModel = defaultModel
        self.modelsByRole = modelsByRole
    }

    /// The model that serves `role`.
    public func model(for role: ModelRole) -> any ChatModel { modelsByRole[role] ?? defaultModel }

    /// Forwards `request` to the model for `role`.
    ///
    /// - Throws: whatever `ModelError` that model throws.
    public func complete(_ request: ChatRequest, role: ModelRole) async throws(ModelError) -> ChatResponse {
        try await model(for: role).complete(request, role: role)
    }
}
