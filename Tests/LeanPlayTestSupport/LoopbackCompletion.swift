import Foundation

/// One choice of a loopback completion; nil fields are omitted, except `content`, which is sent as null.
public struct LoopbackChoice: Sendable, Hashable {
    /// `message.content` (nil → JSON null).
    public var content: String?
    /// `message.reasoning_content` (DeepSeek, vLLM reasoning parsers).
    public var reasoningContent: String?
    /// `message.reasoning` (OpenRouter).
    public var reasoning: String?
    /// `finish_reason`.
    public var finishReason: String?

    /// Creates a choice.
    public init(content: String?, reasoningContent: String? = nil, reasoning: String? = nil, finishReason: String? = "stop") {
        self.content = content
        self.reasoningContent = reasoningContent
        self.reasoning = reasoning
        self.finishReason = finishReason
    }
}

/// Renders an OpenAI `chat.completion` object.
struct LoopbackCompletion: Encodable {
    var choices: [LoopbackChoice]
    var model: String
    var promptTokens: Int
    var completionTokens: Int

    private enum Keys: String, CodingKey {
        case id, object, created, model, choices, usage, index, message, role, content
        case reasoningContent = "reasoning_content", reasoning
        case finishReason = "finish_reason"
        case promptTokens = "prompt_tokens", completionTokens = "completion_tokens", totalTokens = "total_tokens"
    }

    func encode(to encoder: any Encoder) throws {
        var root = encoder.container(keyedBy: Keys.self)
        try root.encode("chatcmpl-loopback", forKey: .id)
        try root.encode("chat.completion", forKey: .object)
        try root.encode(1_700_000_000, forKey: .created)
        try root.encode(model, forKey: .model)
        var list = root.nestedUnkeyedContainer(forKey: .choices)
        for (index, choice) in choices.enumerated() {
            var entry = list.nestedContainer(keyedBy: Keys.self)
            try entry.encode(index, forKey: .index)
            var message = entry.nestedContainer(keyedBy: Keys.self, forKey: .message)
            try message.encode("assistant", forKey: .role)
            if let content = choice.content { try message.encode(content, forKey: .content) } else { try message.encodeNil(forKey: .content) }
            try message.encodeIfPresent(choice.reasoningContent, forKey: .reasoningContent)
            try message.encodeIfPresent(choice.reasoning, forKey: .reasoning)
            if let finish = choice.finishReason { try entry.encode(finish, forKey: .finishReason) } else { try entry.encodeNil(forKey: .finishReason) }
        }
        var usage = root.nestedContainer(keyedBy: Keys.self, forKey: .usage)
        try usage.encode(promptTokens, forKey: .promptTokens)
        try usage.encode(completionTokens, forKey: .completionTokens)
        try usage.encode(promptTokens + completionTokens, forKey: .totalTokens)
    }

    func encoded() -> Data {
        (try? JSONEncoder().encode(self)) ?? Data("{}".utf8)
    }
}
