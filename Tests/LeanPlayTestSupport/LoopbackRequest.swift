public import Foundation
public import ModelClient

/// One HTTP request as the loopback server received it: method, path, headers and raw body.
public struct LoopbackRequest: Sendable, Hashable {
    /// "POST", "GET", …
    public var method: String
    /// The request target, e.g. "/v1/chat/completions".
    public var path: String
    /// Header values by lowercased name (a repeated header keeps its last value).
    public var headers: [String: String]
    /// The raw body bytes.
    public var body: Data

    /// Creates a request record.
    public init(method: String, path: String, headers: [String: String], body: Data) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
    }

    /// The `Authorization` header, if sent.
    public var authorization: String? { headers["authorization"] }

    /// The body as text (invalid UTF-8 replaced).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The body decoded as a chat completions request, or nil when it is not one.
    public var chat: LoopbackChatBody? { try? JSONDecoder().decode(LoopbackChatBody.self, from: body) }

    /// The body's top-level JSON keys (to assert that nil parameters were omitted).
    public var bodyKeys: Set<String> {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return [] }
        return Set(object.keys)
    }

    /// The `n` the client asked for (1 when absent).
    public var requestedSamples: Int { max(chat?.n ?? 1, 1) }
}

/// The fields of a chat completions request body.
public struct LoopbackChatBody: Sendable, Hashable, Decodable {
    /// "model".
    public var model: String?
    /// "messages".
    public var messages: [ChatMessage]?
    /// "n".
    public var n: Int?
    /// "temperature".
    public var temperature: Double?
    /// "top_p".
    public var topP: Double?
    /// "max_tokens".
    public var maxTokens: Int?
    /// "seed".
    public var seed: Int?
    /// "stop".
    public var stop: [String]?

    enum CodingKeys: String, CodingKey {
        case model, messages, n, temperature, seed, stop
        case topP = "top_p"
        case maxTokens = "max_tokens"
    }
}
