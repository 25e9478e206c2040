public import Foundation
public import Logging
import Synchronization

/// A `ChatModel` that talks to any OpenAI-compatible `/chat/completions` endpoint (vLLM, SGLang,
/// llama.cpp server, Ollama, OpenRouter, DeepSeek, OpenAI…) over libcurl.
///
/// ```swift
/// let endpoint = ModelEndpoint(
///     baseURL: URL(string: "https://openrouter.ai/api/v1")!,
///     model: "deepseek/deepseek-prover-v2",
///     apiKeyEnvironmentVariable: "OPENROUTER_API_KEY"
/// )
/// let client = try OpenAICompatibleClient(configuration: ModelClientConfiguration(endpoint: endpoint))
/// let response = try await client.complete(
///     ChatRequest(messages: [.user("Prove in Lean 4: theorem t : 2 + 2 = 4")], parameters: .init(n: 4, temperature: 0.8)),
///     role: .prover
/// )
/// for sample in response.samples { print(sample.index, sample.outcome.label, sample.text) }
/// print(client.usage(for: .prover).totalTokens)
/// ```
///
/// What it does for you: at most `maxConcurrentRequests` requests in flight (waiting callers are
/// suspended, not blocking threads); a provider that ignores `n` (or caps it) is detected on its first
/// short answer and the rest of that call and every later one are sent as concurrent requests it
/// honours; a failed request fails only its own samples (`ChatResponse.failures`); retries with
/// exponential backoff and full jitter on 429, 5xx, timeouts and broken connections, honouring
/// `Retry-After`; a disk cache per sample; token accounting
/// per role; and tolerant parsing where odd answers become a `SampleOutcome` or a typed `ModelError`.
///
/// The API key is read from the endpoint's environment variable at request time and sent only in the
/// `Authorization` header; it is never stored in a property, logged, cached, or put in an error.
public final class OpenAICompatibleClient: ChatModel {
    /// The configuration the client was created with.
    public let configuration: ModelClientConfiguration

    let engine = CurlEngine()
    let semaphore: AsyncSemaphore
    let ledger = UsageLedger()
    let cache: ResponseCache
    let clock: any RetryClock
    let logger: Logger
    let environment: @Sendable (String) -> String?
    /// The most choices the endpoint returned for one request when asked for more (0: not seen yet).
    /// Learned once (llama.cpp's server ignores `n`: 1) and kept for the client's lifetime.
    let choiceLimit = Atomic<Int>(0)

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - configuration: endpoint, limits, retry policy, cache.
    ///   - clock: time source for backoff sleeps (inject a manual one in tests).
    ///   - logger: receives request, retry and cache events; never headers or keys.
    ///   - environment: looks up environment variables (the API key); defaults to the process environment.
    /// - Throws: `ModelError(.invalidConfiguration)` when the configuration cannot work.
    public init(
        configuration: ModelClientConfiguration,
        clock: any RetryClock = SystemRetryClock(),
        logger: Logger = Logger(label: "leanplay.model-client"),
        environment: @escaping @Sendable (String) -> String? = { ProcessInfo.processInfo.environment[$0] }
    ) throws(ModelError) {
        try configuration.validate()
        self.configuration = configuration
        self.semaphore = AsyncSemaphore(permits: configuration.maxConcurrentRequests)
        self.cache = ResponseCache(directory: configuration.cacheDirectory)
        self.clock = clock
        self.logger = logger
        self.environment = environment
    }

    deinit {
        engine.shutdown()
    }

    /// Token usage summed over every request made under `role` (cache hits included as `cacheHits`).
    public func usage(for role: ModelRole) -> TokenUsage { ledger.usage(for: role) }

    /// Token usage of every role that made at least one call.
    public var usageByRole: [ModelRole: TokenUsage] { ledger.byRole }

    /// Token usage over all roles.
    public var totalUsage: TokenUsage { ledger.byRole.values.reduce(.zero, +) }

    /// Returns `request.parameters.n` samples, from the cache where possible and the provider otherwise.
    ///
    /// When the samples take several requests (a provider that ignores `n`, fan-out, cache gaps) and
    /// some fail, the response holds the samples obtained and lists the others in `failures`.
    ///
    /// - Throws: `ModelError` when no sample at all could be had — `.missingAPIKey` (names the
    ///   variable), `.rateLimited`, `.httpStatus`, `.timeout`, `.transport` (after the retry policy is
    ///   exhausted), `.providerError`, `.malformedResponse`, `.emptyChoices`, `.responseTooLarge`,
    ///   `.invalidConfiguration` (n < 1, possible only for decoded parameters) — and `.cancelled` when
    ///   the task was cancelled. Samples obtained before a failure are in the cache, and their tokens
    ///   in `usage(for:)`.
    public func complete(_ request: ChatRequest, role: ModelRole) async throws(ModelError) -> ChatResponse {
        let count = request.parameters.n
        guard count >= 1 else {
            throw ModelError(.invalidConfiguration, "n must be at least 1 (got \(count)); ask for one or more samples", endpoint: configuration.endpoint.displayURL)
        }
        var samples: [Int: ModelSample] = [:]
        var usage = TokenUsage.zero
        var model: String?

        if configuration.cachePolicy == .readWrite {
            for index in 0..<count {
                if let entry = cache.entry(forKey: cache.key(endpoint: configuration.endpoint, request: request, index: index)) {
                    var sample = entry.sample
                    sample.index = index
                    samples[index] = sample
                    model = model ?? entry.model
                }
            }
            usage.cacheHits = samples.count
        }
        let missing = (0..<count).filter { samples[$0] == nil }
        logger.debug("chat request", metadata: [
            "role": "\(role.rawValue)", "n": "\(count)", "cached": "\(samples.count)",
            "endpoint": "\(configuration.endpoint.displayURL)",
        ])

        var failures: [SampleFailure] = []
        if !missing.isEmpty {
            let fetched = await fetch(request, indices: missing)
            usage += fetched.usage
            model = fetched.model ?? model
            for sample in fetched.samples {
                samples[sample.index] = sample
                store(sample, model: fetched.model ?? configuration.endpoint.model, request: request)
            }
            failures = fetched.failures.sorted { $0.index < $1.index }
        }
        ledger.add(usage, for: role)
        if let cancelled = failures.first(where: { $0.error.code == .cancelled }) { throw cancelled.error }
        if samples.isEmpty, let first = failures.first { throw first.error }
        if !failures.isEmpty {
            logger.warning("some samples failed; returning the others", metadata: [
                "failed": "\(failures.count)", "of": "\(count)", "error": "\(failures[0].error.code)",
            ])
        }
        return ChatResponse(
            samples: (0..<count).compactMap { samples[$0] },
            usage: usage,
            fromCache: missing.isEmpty,
            model: model ?? configuration.endpoint.model,
            failures: failures
        )
    }

    private func store(_ sample: ModelSample, model: String, request: ChatRequest) {
        guard configuration.cachePolicy != .disabled else { return }
        let key = cache.key(endpoint: configuration.endpoint, request: request, index: sample.index)
        do {
            try cache.store(sample, model: model, forKey: key)
        } catch {
            logger.warning("could not write a cache file; the sample is still returned", metadata: [
                "file": "\(cache.fileURL(forKey: key).path)", "error": "\(error)",
            ])
        }
    }
}
