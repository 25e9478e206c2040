import Foundation
import Logging
import Synchronization

extension OpenAICompatibleClient {
    /// What fetching a set of sample indices produced: every sample obtained (indexed), the usage of
    /// every request sent, and every sample whose request failed.
    struct FetchResult: Sendable {
        var samples: [ModelSample] = []
        var usage = TokenUsage.zero
        var model: String?
        var failures: [SampleFailure] = []

        /// Marks every index of `indices` failed with `error`.
        mutating func fail(_ indices: some Sequence<Int>, _ error: ModelError) {
            failures += indices.map { SampleFailure(index: $0, error: error) }
        }

        mutating func merge(_ other: FetchResult) {
            samples += other.samples
            usage += other.usage
            model = model ?? other.model
            failures += other.failures
        }
    }

    /// Obtains samples for `indices` with the configured strategy.
    func fetch(_ request: ChatRequest, indices: [Int]) async -> FetchResult {
        let key: String?
        do {
            key = try apiKey()
        } catch {
            var result = FetchResult()
            result.fail(indices, error)
            return result
        }
        switch configuration.samplingStrategy {
        case .native:
            // Once the endpoint showed it returns fewer choices than `n` asks, send requests it honours.
            let limit = choiceLimit.load(ordering: .acquiring)
            if limit > 0, limit < indices.count {
                return await fetchConcurrently(request, chunks: Self.chunks(indices, size: limit), key: key)
            }
            return await fetchChunk(request, indices: indices, key: key)
        case .fanOut:
            return await fetchConcurrently(request, chunks: Self.chunks(indices, size: 1), key: key)
        }
    }

    /// One request with `n` = `indices.count`. When the provider returns fewer choices (llama.cpp's
    /// server ignores `n` and returns one), the endpoint's choice limit is learned for the client's
    /// lifetime and the rest is requested in concurrent requests of that size.
    private func fetchChunk(_ request: ChatRequest, indices: [Int], key: String?) async -> FetchResult {
        var result = FetchResult()
        guard let first = indices.first else { return result }
        let body = ChatCompletionBody(model: configuration.endpoint.model, request: request, count: indices.count, seedOffset: first)
        let attempt = await send(body, key: key)
        result.usage += attempt.usage
        switch attempt.outcome {
        case .failure(let error):
            result.fail(indices, error)
            return result
        case .success(let parsed):
            result.model = parsed.model
            let received = min(parsed.samples.count, indices.count)
            for (sample, index) in zip(parsed.samples, indices) {
                var placed = sample
                placed.index = index
                result.samples.append(placed)
            }
            let rest = Array(indices.dropFirst(received))
            guard !rest.isEmpty else { return result }
            let limit = learnChoiceLimit(received, asked: indices.count)
            result.merge(await fetchConcurrently(request, chunks: Self.chunks(rest, size: limit), key: key))
            return result
        }
    }

    /// Sends one request per chunk, concurrently (the semaphore still bounds what is in flight); a
    /// failed request fails only its own chunk's samples.
    private func fetchConcurrently(_ request: ChatRequest, chunks: [[Int]], key: String?) async -> FetchResult {
        if chunks.count == 1 { return await fetchChunk(request, indices: chunks[0], key: key) }
        return await withTaskGroup(of: FetchResult.self) { group in
            for chunk in chunks {
                group.addTask { await self.fetchChunk(request, indices: chunk, key: key) }
            }
            var result = FetchResult()
            for await part in group { result.merge(part) }
            return result
        }
    }

    /// Records that the endpoint answered `received` choices when `asked` were requested, and returns
    /// the request size to use for the rest (at least 1).
    private func learnChoiceLimit(_ received: Int, asked: Int) -> Int {
        let limit = max(received, 1)
        var current = choiceLimit.load(ordering: .acquiring)
        while current == 0 || limit < current {
            let (exchanged, original) = choiceLimit.compareExchange(
                expected: current, desired: limit, ordering: .acquiringAndReleasing)
            if exchanged {
                logger.notice(
                    limit == 1
                        ? "the provider ignores n (one choice for n > 1); sending single-choice requests concurrently from now on"
                        : "the provider returns at most \(limit) choices per request; splitting larger requests from now on",
                    metadata: ["asked": "\(asked)", "received": "\(received)", "endpoint": "\(configuration.endpoint.displayURL)"])
                return limit
            }
            current = original
        }
        return current
    }

    /// `indices` cut into consecutive runs of at most `size`.
    static func chunks(_ indices: [Int], size: Int) -> [[Int]] {
        stride(from: 0, to: indices.count, by: max(size, 1)).map { Array(indices[$0..<min($0 + max(size, 1), indices.count)]) }
    }

    /// The API key from the configured environment variable, or nil when the endpoint needs none.
    ///
    /// - Throws: `ModelError(.missingAPIKey)` naming the variable (never a value).
    private func apiKey() throws(ModelError) -> String? {
        guard let variable = configuration.endpoint.apiKeyEnvironmentVariable else { return nil }
        guard let value = environment(variable), !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ModelError(
                .missingAPIKey,
                "the environment variable \(variable) is not set or empty; export \(variable) with the provider's API key",
                endpoint: configuration.endpoint.displayURL
            )
        }
        return value.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
