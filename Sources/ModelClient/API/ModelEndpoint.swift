public import Foundation

/// Where an OpenAI-compatible model lives and which environment variable holds its API key.
///
/// ```swift
/// let local = ModelEndpoint(baseURL: URL(string: "http://127.0.0.1:8000/v1")!, model: "deepseek-prover-v2")
/// let hosted = ModelEndpoint(
///     baseURL: URL(string: "https://openrouter.ai/api/v1")!,
///     model: "deepseek/deepseek-prover-v2",
///     apiKeyEnvironmentVariable: "OPENROUTER_API_KEY"
/// )
/// ```
///
/// The key itself is never stored: it is read from the environment at request time.
public struct ModelEndpoint: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The API base, e.g. `http://127.0.0.1:8000/v1`; requests go to `{baseURL}/chat/completions`.
    public var baseURL: URL
    /// The model name sent in every request.
    public var model: String
    /// The environment variable holding the API key; nil for servers that need none.
    public var apiKeyEnvironmentVariable: String?

    /// Creates an endpoint description.
    public init(baseURL: URL, model: String, apiKeyEnvironmentVariable: String? = nil) {
        self.baseURL = baseURL
        self.model = model
        self.apiKeyEnvironmentVariable = apiKeyEnvironmentVariable
    }

    /// `{baseURL}/chat/completions`.
    public var chatCompletionsURL: URL {
        var text = baseURL.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        return URL(string: text + "/chat/completions") ?? baseURL.appendingPathComponent("chat/completions")
    }

    /// The base URL with any user, password, query and fragment removed: safe for errors and logs.
    public var displayURL: String {
        guard var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false) else {
            return "<unparsable URL>"
        }
        components.user = nil
        components.password = nil
        components.query = nil
        components.fragment = nil
        return components.string ?? "<unparsable URL>"
    }

    /// "model @ url (key from $VAR)" — never the key.
    public var description: String {
        var text = "\(model) @ \(displayURL)"
        if let apiKeyEnvironmentVariable { text += " (key from $\(apiKeyEnvironmentVariable))" }
        return text
    }
}
