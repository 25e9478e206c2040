public import Foundation

/// What the loopback server answers to one request. The raw cases give full control over status,
/// headers, body and connection behaviour; the static helpers build the answers real providers give.
public indirect enum LoopbackReply: Sendable {
    /// A complete HTTP response.
    case http(status: Int, headers: [LoopbackHeader], body: Data)
    /// Waits before sending anything (not even headers), then answers with the wrapped reply.
    case delayed(Duration, LoopbackReply)
    /// Sends headers declaring `declaredLength` bytes, sends only `body`, then closes the connection.
    case truncated(status: Int, declaredLength: Int, body: Data)
    /// Closes the connection without answering.
    case closeConnection

    /// An OpenAI-style JSON response with `status`.
    public static func json(_ text: String, status: Int = 200, headers: [LoopbackHeader] = []) -> LoopbackReply {
        .http(status: status, headers: [LoopbackHeader("Content-Type", "application/json")] + headers, body: Data(text.utf8))
    }

    /// A normal completion with the given choices and usage.
    public static func completion(
        _ choices: [LoopbackChoice],
        model: String = "loopback-model",
        promptTokens: Int = 10,
        completionTokensPerChoice: Int = 5
    ) -> LoopbackReply {
        let completion = LoopbackCompletion(choices: choices, model: model, promptTokens: promptTokens, completionTokens: completionTokensPerChoice * choices.count)
        return .http(status: 200, headers: [LoopbackHeader("Content-Type", "application/json")], body: completion.encoded())
    }

    /// A normal completion with one choice per text, all finishing with "stop".
    public static func completion(texts: [String], model: String = "loopback-model") -> LoopbackReply {
        completion(texts.map { LoopbackChoice(content: $0) }, model: model)
    }

    /// A normal completion answering as many choices as the request's `n`, text made by `text(i)`.
    public static func completion(answering request: LoopbackRequest, text: (Int) -> String) -> LoopbackReply {
        completion(texts: (0..<request.requestedSamples).map(text))
    }

    /// HTTP 429 with an OpenAI-style error body and an optional `Retry-After` value (seconds or HTTP date).
    public static func rateLimited(retryAfter: String? = nil) -> LoopbackReply {
        let headers = retryAfter.map { [LoopbackHeader("Retry-After", $0)] } ?? []
        return json(#"{"error":{"message":"Rate limit exceeded: free-models-per-min","type":"rate_limit_error","code":429}}"#, status: 429, headers: headers)
    }

    /// A 5xx with a JSON error body (500 internal error, 503 overloaded…).
    public static func serverError(_ status: Int = 500, retryAfter: String? = nil) -> LoopbackReply {
        let headers = retryAfter.map { [LoopbackHeader("Retry-After", $0)] } ?? []
        return json(#"{"error":{"message":"The server had an error while processing your request","type":"server_error","code":\#(status)}}"#, status: status, headers: headers)
    }

    /// An nginx-style HTML error page, as proxies and gateways send.
    public static func htmlErrorPage(_ status: Int = 502) -> LoopbackReply {
        let title = status == 200 ? "Welcome" : "\(status) Bad Gateway"
        let page = "<html>\r\n<head><title>\(title)</title></head>\r\n<body>\r\n<center><h1>\(title)</h1></center>\r\n<hr><center>nginx/1.24.0</center>\r\n</body>\r\n</html>\r\n"
        return .http(status: status, headers: [LoopbackHeader("Content-Type", "text/html")], body: Data(page.utf8))
    }

    /// An error object with HTTP 200, as OpenRouter sends for upstream failures.
    public static func errorWithSuccessStatus(message: String, code: Int? = nil) -> LoopbackReply {
        let codeText = code.map { #","code":\#($0)"# } ?? ""
        let escaped = message.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return json(#"{"error":{"message":"\#(escaped)"\#(codeText)}}"#)
    }

    /// A well-formed response with an empty `choices` array.
    public static var emptyChoices: LoopbackReply {
        json(#"{"id":"chatcmpl-empty","object":"chat.completion","model":"loopback-model","choices":[],"usage":{"prompt_tokens":10,"completion_tokens":0,"total_tokens":10}}"#)
    }

    /// A JSON completion cut off mid-string, with a correct Content-Length (the proxy truncated it).
    public static var truncatedJSON: LoopbackReply {
        json(#"{"id":"chatcmpl-1","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"theorem foo : 1 + 1 = 2 := by\n  nor"#)
    }

    /// A completion whose answer comes with reasoning in a separate field ("reasoning_content" or "reasoning").
    public static func reasoning(_ reasoning: String, answer: String, field: String = "reasoning_content") -> LoopbackReply {
        let choice = field == "reasoning"
            ? LoopbackChoice(content: answer, reasoning: reasoning)
            : LoopbackChoice(content: answer, reasoningContent: reasoning)
        return completion([choice])
    }

    /// A completion whose content starts with an inline `<think>…</think>` block.
    public static func thinkTags(_ thought: String, answer: String) -> LoopbackReply {
        completion(texts: ["<think>\n\(thought)\n</think>\n\n\(answer)"])
    }

    /// A completion stuck in a loop: `line` repeated `times` times, cut by the token limit.
    public static func repeatedLine(_ line: String = "  norm_num", times: Int = 500) -> LoopbackReply {
        let text = "```lean4\ntheorem foo : 1 + 1 = 2 := by\n" + String(repeating: line + "\n", count: times)
        return completion([LoopbackChoice(content: text, finishReason: "length")])
    }

    /// A completion with prose and no code block at all.
    public static var noCodeBlock: LoopbackReply {
        completion(texts: ["I believe the statement follows from basic arithmetic, but I cannot write the proof right now."])
    }

    /// A completion whose `content` is JSON null.
    public static var nullContent: LoopbackReply { completion([LoopbackChoice(content: nil)]) }
}

/// One HTTP header line of a reply.
public struct LoopbackHeader: Sendable, Hashable {
    /// The header name.
    public var name: String
    /// The header value.
    public var value: String

    /// Creates a header.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
