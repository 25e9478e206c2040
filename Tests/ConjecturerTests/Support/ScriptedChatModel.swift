import Conjecturer
import ModelClient
import Synchronization

/// A scripted in-test ChatModel: answers each request with `answer(request)`, records every request.
final class ScriptedChatModel: ChatModel, Sendable {
    private let answer: @Sendable (ChatRequest) throws(ModelError) -> String
    private let log = Mutex<[ChatRequest]>([])
    let modelName: String

    init(modelName: String = "scripted-model", answer: @escaping @Sendable (ChatRequest) throws(ModelError) -> String) {
        self.modelName = modelName
        self.answer = answer
    }

    func complete(_ request: ChatRequest, role: ModelRole) async throws(ModelError) -> ChatResponse {
        log.withLock { $0.append(request) }
        let text = try answer(request)
        let samples = (0..<request.parameters.n).map { ModelSample(index: $0, text: text, outcome: .complete) }
        return ChatResponse(samples: samples, usage: TokenUsage(), fromCache: false, model: modelName)
    }

    var requests: [ChatRequest] { log.withLock { $0 } }
    var requestCount: Int { log.withLock { $0.count } }
}

extension ChatRequest {
    /// All message contents joined, for matching in scripts.
    var promptText: String { messages.map(\.content).joined(separator: "\n") }
}

/// Wraps a statement in a fenced Lean block like a model answer.
func leanAnswer(_ statement: String, prose: String = "Here is the formalization.") -> String {
    "\(prose)\n```lean4\n\(statement)\n```\n"
}
