/// The one error type of the ModelClient module: what went wrong, where, and what to do about it.
///
/// Never contains an API key: messages name the environment variable, never its value, and any text
/// quoted from a provider is scrubbed of the key before it is stored here.
public struct ModelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is. New codes may be added without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        enum Kind: String, Sendable, Hashable {
            case missingAPIKey, invalidConfiguration, transport, timeout, httpStatus, rateLimited
            case providerError, malformedResponse, emptyChoices, responseTooLarge, cancelled
        }

        let kind: Kind

        /// The environment variable that should hold the API key is unset or empty.
        public static let missingAPIKey = Code(kind: .missingAPIKey)
        /// The endpoint or configuration cannot work (bad URL scheme, zero concurrency…).
        public static let invalidConfiguration = Code(kind: .invalidConfiguration)
        /// The connection failed (refused, reset, DNS, TLS) or the body ended early.
        public static let transport = Code(kind: .transport)
        /// The request took longer than the configured timeout.
        public static let timeout = Code(kind: .timeout)
        /// The provider answered with a non-success HTTP status that was not retried or kept failing.
        public static let httpStatus = Code(kind: .httpStatus)
        /// The provider kept answering 429, or asked to wait longer than the policy allows.
        public static let rateLimited = Code(kind: .rateLimited)
        /// The provider answered with an error object (possibly with HTTP 200).
        public static let providerError = Code(kind: .providerError)
        /// The body was not an OpenAI-compatible response (HTML page, truncated JSON, invalid UTF-8…).
        public static let malformedResponse = Code(kind: .malformedResponse)
        /// The provider answered with no choices at all.
        public static let emptyChoices = Code(kind: .emptyChoices)
        /// The body exceeded the configured maximum size.
        public static let responseTooLarge = Code(kind: .responseTooLarge)
        /// The calling task was cancelled.
        public static let cancelled = Code(kind: .cancelled)

        /// The code's name, e.g. "rateLimited".
        public var description: String { kind.rawValue }
    }

    /// What kind of failure this is.
    public var code: Code
    /// A human-readable explanation that says what to do.
    public var message: String
    /// The endpoint involved (base URL without credentials), when known.
    public var endpoint: String?
    /// The last HTTP status received, when there was one.
    public var httpStatus: Int?
    /// How many HTTP attempts were made before giving up.
    public var attempts: Int

    /// Creates an error.
    public init(_ code: Code, _ message: String, endpoint: String? = nil, httpStatus: Int? = nil, attempts: Int = 0) {
        self.code = code
        self.message = message
        self.endpoint = endpoint
        self.httpStatus = httpStatus
        self.attempts = attempts
    }

    /// "model at endpoint (HTTP status, N attempts): message": what happened and what to do, without
    /// internal code names; match on ``code`` in programs.
    public var description: String {
        var context: [String] = []
        if let httpStatus { context.append("HTTP \(httpStatus)") }
        if attempts > 0 { context.append(attempts == 1 ? "1 attempt" : "\(attempts) attempts") }
        var text = "model"
        if let endpoint { text += " at \(endpoint)" }
        if !context.isEmpty { text += " (\(context.joined(separator: ", ")))" }
        return text + ": " + message
    }
}
