/// One message of a chat conversation, as OpenAI-compatible APIs expect it.
///
/// ```swift
/// let messages = [ChatMessage.system("You are a Lean 4 expert."), ChatMessage.user("Prove 1 + 1 = 2.")]
/// ```
public struct ChatMessage: Sendable, Hashable, Codable {
    /// "system", "user" or "assistant".
    public var role: String
    /// The message text.
    public var content: String

    /// Creates a message with an explicit role.
    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }

    /// A system message.
    public static func system(_ content: String) -> ChatMessage { ChatMessage(role: "system", content: content) }

    /// A user message.
    public static func user(_ content: String) -> ChatMessage { ChatMessage(role: "user", content: content) }

    /// An assistant message (for few-shot examples or multi-turn repair).
    public static func assistant(_ content: String) -> ChatMessage { ChatMessage(role: "assistant", content: content) }
}
