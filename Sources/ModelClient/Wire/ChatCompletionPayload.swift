import Foundation

/// A decoded OpenAI-compatible response body, read tolerantly: every field optional, `content` either a
/// string, null, or an array of `{"type":"text","text":…}` parts; errors either an object or a string.
struct ChatCompletionPayload: Decodable, Sendable {
    struct Choice: Decodable, Sendable {
        var index: Int?
        var message: Message?
        var text: String?
        var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case index, message, text
            case finishReason = "finish_reason"
        }
    }

    struct Message: Decodable, Sendable {
        var content: String?
        var reasoningContent: String?
        var reasoning: String?

        enum CodingKeys: String, CodingKey {
            case content, reasoning
            case reasoningContent = "reasoning_content"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            content = try container.decodeIfPresent(FlexibleText.self, forKey: .content)?.text
            reasoningContent = try container.decodeIfPresent(FlexibleText.self, forKey: .reasoningContent)?.text
            reasoning = try container.decodeIfPresent(FlexibleText.self, forKey: .reasoning)?.text
        }
    }

    struct Usage: Decodable, Sendable {
        var promptTokens: Int?
        var completionTokens: Int?
        var totalTokens: Int?

        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
            case completionTokens = "completion_tokens"
            case totalTokens = "total_tokens"
        }
    }

    struct ProviderError: Decodable, Sendable {
        var message: String
        var code: String?

        enum CodingKeys: String, CodingKey { case message, code, type }

        init(message: String, code: String?) {
            self.message = message
            self.code = code
        }

        init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                self = ProviderError(message: text, code: nil)
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            message = (try? container.decodeIfPresent(String.self, forKey: .message)) ?? "(no message)"
            if let number = try? container.decodeIfPresent(Int.self, forKey: .code) {
                code = String(number)
            } else {
                code = (try? container.decodeIfPresent(String.self, forKey: .code))
                    ?? (try? container.decodeIfPresent(String.self, forKey: .type))
            }
        }
    }

    var model: String?
    var object: String?
    var message: String?
    var choices: [Choice]?
    var usage: Usage?
    var error: ProviderError?
}

/// Text that may arrive as a string, null, or an array of content parts.
struct FlexibleText: Decodable, Sendable {
    var text: String?

    private struct Part: Decodable {
        var type: String?
        var text: String?
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            text = nil
        } else if let string = try? container.decode(String.self) {
            text = string
        } else {
            let parts = try container.decode([Part].self)
            let texts = parts.compactMap { part in part.type == nil || part.type == "text" ? part.text : nil }
            text = texts.isEmpty ? nil : texts.joined()
        }
    }
}
