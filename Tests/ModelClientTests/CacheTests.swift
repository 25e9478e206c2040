import Foundation
import LeanPlayTestSupport
@testable import ModelClient
import Testing

@Suite("Disk cache: reruns cost nothing, gaps are filled")
struct CacheTests {
    func cachedClient(_ server: LoopbackModelServer, _ cache: TemporaryDirectory, policy: CachePolicy = .readWrite) throws -> OpenAICompatibleClient {
        try makeClient(server, cache: cache) { $0.cachePolicy = policy }
    }

    @Test func rerunIsServedFromCacheWithoutRequests() async throws {
        let server = try LoopbackModelServer { request in .completion(answering: request) { "sample \($0)" } }
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let first = try await cachedClient(server, cache).complete(request(n: 3, seed: 1), role: .prover)
        #expect(server.requestCount == 1)
        #expect(cache.fileCount() == 3)

        let rerunClient = try cachedClient(server, cache)
        let rerun = try await rerunClient.complete(request(n: 3, seed: 1), role: .prover)
        #expect(server.requestCount == 1)
        #expect(rerun.fromCache)
        #expect(rerun.samples == first.samples)
        #expect(rerun.usage == TokenUsage(cacheHits: 3))
        #expect(rerunClient.usage(for: .prover).cacheHits == 3)
        #expect(rerunClient.usage(for: .prover).totalTokens == 0)
    }

    @Test func largerRequestAsksOnlyForMissingIndices() async throws {
        let server = try LoopbackModelServer { request in
            .completion(answering: request) { "seed \(request.chat?.seed ?? -1) choice \($0)" }
        }
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let client = try cachedClient(server, cache)
        let small = try await client.complete(request(n: 2, seed: 10), role: .prover)
        let large = try await client.complete(request(n: 5, seed: 10), role: .prover)
        #expect(server.requests.map(\.requestedSamples) == [2, 3])
        #expect(server.requests.last?.chat?.seed == 12)
        #expect(Array(large.samples.prefix(2)) == small.samples)
        #expect(large.samples.map(\.index) == [0, 1, 2, 3, 4])
        #expect(large.samples[2].text == "seed 12 choice 0")
        #expect(!large.fromCache)
        #expect(large.usage.cacheHits == 2)
        #expect(large.usage.requests == 1)
    }

    @Test func differentParametersDoNotShareEntries() async throws {
        let server = try LoopbackModelServer { request in .completion(answering: request) { "s\($0)" } }
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let client = try cachedClient(server, cache)
        _ = try await client.complete(request(n: 1, temperature: 0.2), role: .prover)
        _ = try await client.complete(request(n: 1, temperature: 0.9), role: .prover)
        _ = try await client.complete(ChatRequest(messages: [.user("other")]), role: .prover)
        #expect(server.requestCount == 3)
        let keys = ResponseCache(directory: cache.url)
        let endpoint = client.configuration.endpoint
        #expect(keys.key(endpoint: endpoint, request: request(n: 1), index: 0) == keys.key(endpoint: endpoint, request: request(n: 7), index: 0))
        #expect(keys.key(endpoint: endpoint, request: request(n: 1), index: 0) != keys.key(endpoint: endpoint, request: request(n: 2), index: 1))
    }

    @Test func corruptCacheFileIsAMissAndIsOverwritten() async throws {
        let server = try LoopbackModelServer { request in .completion(answering: request) { "fresh \($0)" } }
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let client = try cachedClient(server, cache)
        let store = ResponseCache(directory: cache.url)
        let file = store.fileURL(forKey: store.key(endpoint: client.configuration.endpoint, request: request(n: 1), index: 0))
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data([0x7B, 0x22, 0xFF, 0x00, 0x01]).write(to: file)

        let response = try await client.complete(request(n: 1), role: .prover)
        #expect(response.samples.first?.text == "fresh 0")
        #expect(server.requestCount == 1)
        let repaired = try JSONDecoder().decode(ResponseCache.Entry.self, from: Data(contentsOf: file))
        #expect(repaired.sample.text == "fresh 0")
    }

    @Test func disabledCacheNeitherReadsNorWrites() async throws {
        let server = try LoopbackModelServer { request in .completion(answering: request) { "s\($0)" } }
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let client = try cachedClient(server, cache, policy: .disabled)
        _ = try await client.complete(request(n: 2), role: .prover)
        _ = try await client.complete(request(n: 2), role: .prover)
        #expect(server.requestCount == 2)
        #expect(cache.fileCount() == 0)
    }

    @Test func writeOnlyRefreshesTheCache() async throws {
        let server = try LoopbackModelServer(script: [.completion(texts: ["old"]), .completion(texts: ["new"])])
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        _ = try await cachedClient(server, cache).complete(request(n: 1), role: .prover)
        let refreshed = try await cachedClient(server, cache, policy: .writeOnly).complete(request(n: 1), role: .prover)
        #expect(refreshed.samples.first?.text == "new")
        let reread = try await cachedClient(server, cache).complete(request(n: 1), role: .prover)
        #expect(reread.samples.first?.text == "new")
        #expect(reread.fromCache)
        #expect(server.requestCount == 2)
    }

    @Test func samplesObtainedBeforeAFailureAreKept() async throws {
        // Decided by each sample's own seed, not by arrival order (fanned-out requests may arrive in any order).
        let server = try LoopbackModelServer { request in
            request.chat?.seed == 31 ? .serverError(500) : .completion(texts: ["kept"])
        }
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let client = try makeClient(server, cache: cache) {
            $0.cachePolicy = .readWrite
            $0.samplingStrategy = .fanOut
            $0.maxConcurrentRequests = 1
            $0.retry = .none
        }
        let response = try await client.complete(request(n: 2, seed: 30), role: .prover)
        #expect(response.samples.map(\.text) == ["kept"])
        #expect(response.failures.map(\.index) == [1])
        #expect(response.failures.first?.error.code == .httpStatus)
        #expect(cache.fileCount() == 1)
        #expect(client.usage(for: .prover).requests == 2)
        #expect(client.usage(for: .prover).completionTokens == 5)
    }
}
