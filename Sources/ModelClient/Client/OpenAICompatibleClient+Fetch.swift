import Foundation
import Logging

extension OpenAICompatibleClient {
    /// What fetching a set of sample indices produced: every sample obtained (indexed), the usage of
    /// every request sent, and the error that stopped it, if any.
    struct FetchResult: Sendable {
        var samples: [ModelSample] = []
        var usage = TokenUsage.zero
        var model: String?
        var error: ModelError?
    }

    /// Obtains samples for `indices` with the configured strategy.
    func fetch(_ request: ChatRequest, indices: [Int]) async -> FetchResult {
        let key: String?
        do {
            key = try apiKey()
        } catch {
            return FetchResult(error: error)
        }
        switch configuration.samplingStrategy {
        case .native: return await fetchNative(request, indices: indices, key: key)
        case .fanOut: return await fetchFannedOut(request, indices: indices, key: key)
        }
    }

    /// One request with `n` = missing count; repeated for the remainder when the provider returns fewer.
    private func fetchNative(_ request: ChatRequest, indices: [Int], key: String?) async -> FetchResult {
        var result = FetchResult()
        var remaining = indices[...]
        while let first = remaining.first {
            let body = ChatCompletionBody(model: configuration.endpoint.model, request: request, count: remaining.count, seedOffset: first)
            let attempt = await send(body, key: key)
            result.usage += attempt.usage
            switch attempt.outcome {
            case .failure(let error):
                result.error = error
                return result
            case .success(let parsed):
                result.model = result.model ?? parsed.model
                for (sample, index) in zip(parsed.samples, remaining) {
                    var placed = sample
                    placed.index = index
                    result.samples.append(placed)
                }
                remaining = remaining.dropFirst(min(parsed.samples.count, remaining.count))
                if !remaining.isEmpty {
                    logger.debug("provider returned fewer choices than asked; requesting the rest", metadata: [
                        "asked": "\(parsed.samples.count + remaining.count)", "received": "\(parsed.samples.count)",
                    ])
                }
            }
        }
        return result
    }

    /// One single-sample request per index, concurrently (the semaphore still bounds what is in flight).
    private func fetchFannedOut(_ request: ChatRequest, indices: [Int], key: String?) async -> FetchResult {
        await withTaskGroup(of: (Int, AttemptResult).self) { group in
            for index in indices {
                group.addTask {
                    let body = ChatCompletionBody(model: self.configuration.endpoint.model, request: request, count: 1, seedOffset: index)
                    return (index, await self.send(body, key: key))
                }
            }
            var result = FetchResult()
            for await (index, attempt) in group {
                result.usage += attempt.usage
                switch attempt.outcome {
                case .failure(let error):
                    if result.error == nil { result.error = error }
                case .success(let parsed):
                    result.model = result.model ?? parsed.model
                    if var sample = parsed.samples.first {
                        sample.index = index
                        result.samples.append(sample)
                    }
                }
            }
            return result
        }
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
