public import Foundation

/// Everything an `OpenAICompatibleClient` needs besides the endpoint's API key (which stays in the
/// environment).
///
/// ```swift
/// var configuration = ModelClientConfiguration(endpoint: endpoint)
/// configuration.maxConcurrentRequests = 16
/// configuration.requestTimeout = .seconds(300)
/// configuration.cachePolicy = .disabled   // --no-cache
/// ```
public struct ModelClientConfiguration: Sendable {
    /// The provider and model.
    public var endpoint: ModelEndpoint
    /// The most HTTP requests in flight at once for this client (at least 1).
    public var maxConcurrentRequests: Int
    /// Total time allowed for one HTTP request, connection included.
    public var requestTimeout: Duration
    /// Time allowed to establish the connection.
    public var connectTimeout: Duration
    /// The largest response body accepted; larger bodies fail with `.responseTooLarge`.
    public var maxResponseBytes: Int
    /// Retry and backoff rules.
    public var retry: RetryPolicy
    /// One request with `n` or `n` single-sample requests.
    public var samplingStrategy: SamplingStrategy
    /// The disk cache folder; default `.leanplay-cache/` under the current working directory.
    public var cacheDirectory: URL
    /// Whether the cache is read and written.
    public var cachePolicy: CachePolicy
    /// When a sample counts as degenerate repetition.
    public var degeneration: DegenerationPolicy
    /// Extra HTTP headers (e.g. OpenRouter's `HTTP-Referer`, `X-Title`). Never put secrets here:
    /// the API key belongs in the environment variable named by the endpoint.
    public var extraHeaders: [String: String]

    /// Creates a configuration with production defaults.
    public init(
        endpoint: ModelEndpoint,
        maxConcurrentRequests: Int = 8,
        requestTimeout: Duration = .seconds(600),
        connectTimeout: Duration = .seconds(30),
        maxResponseBytes: Int = 32 << 20,
        retry: RetryPolicy = RetryPolicy(),
        samplingStrategy: SamplingStrategy = .native,
        cacheDirectory: URL = ModelClientConfiguration.defaultCacheDirectory,
        cachePolicy: CachePolicy = .readWrite,
        degeneration: DegenerationPolicy = DegenerationPolicy(),
        extraHeaders: [String: String] = [:]
    ) {
        self.endpoint = endpoint
        self.maxConcurrentRequests = maxConcurrentRequests
        self.requestTimeout = requestTimeout
        self.connectTimeout = connectTimeout
        self.maxResponseBytes = maxResponseBytes
        self.retry = retry
        self.samplingStrategy = samplingStrategy
        self.cacheDirectory = cacheDirectory
        self.cachePolicy = cachePolicy
        self.degeneration = degeneration
        self.extraHeaders = extraHeaders
    }

    /// `.leanplay-cache/` under the current working directory.
    public static var defaultCacheDirectory: URL {
        URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
            .appendingPathComponent(".leanplay-cache", isDirectory: true)
    }

    /// Checks the values that cannot work.
    ///
    /// - Throws: `ModelError(.invalidConfiguration)` naming the bad value.
    func validate() throws(ModelError) {
        let endpointText = endpoint.displayURL
        func invalid(_ message: String) -> ModelError {
            ModelError(.invalidConfiguration, message, endpoint: endpointText)
        }
        let scheme = endpoint.baseURL.scheme?.lowercased()
        guard scheme == "http" || scheme == "https" else {
            throw invalid("the base URL must start with http:// or https:// (got \(endpointText)); use e.g. http://127.0.0.1:8000/v1")
        }
        guard !endpoint.model.isEmpty else { throw invalid("the model name is empty; set the model to serve") }
        guard maxConcurrentRequests >= 1 else { throw invalid("maxConcurrentRequests must be at least 1") }
        guard requestTimeout > .zero, connectTimeout > .zero else { throw invalid("timeouts must be positive") }
        guard maxResponseBytes >= 1024 else { throw invalid("maxResponseBytes must be at least 1024") }
        if let variable = endpoint.apiKeyEnvironmentVariable, variable.isEmpty {
            throw invalid("apiKeyEnvironmentVariable is empty; name the variable (e.g. OPENROUTER_API_KEY) or use nil")
        }
        for (name, value) in extraHeaders {
            if name.lowercased() == "authorization" {
                throw invalid("extra header '\(name)' is not allowed; put the key in the environment variable named by the endpoint")
            }
            let forbidden: (Unicode.Scalar) -> Bool = { $0 == "\r" || $0 == "\n" || $0 == "\0" }
            if name.isEmpty || name.contains(":") || name.unicodeScalars.contains(where: forbidden)
                || value.unicodeScalars.contains(where: forbidden) {
                let shown = String(String.UnicodeScalarView(name.unicodeScalars.filter { !forbidden($0) }))
                throw invalid("extra header '\(shown)' has an empty name, a colon in its name, or a line break; fix the header")
            }
        }
    }
}
