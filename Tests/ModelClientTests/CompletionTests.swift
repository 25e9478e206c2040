import Foundation
import LeanPlayTestSupport
@testable import ModelClient
import Testing

@Suite("Completions over HTTP against the loopback provider")
struct CompletionTests {
    @Test func normalCompletionSendsEveryParameterAndCountsTokens() async throws {
        let server = try LoopbackModelServer { request in .completion(answering: request) { "sample \($0)" } }
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let client = try makeClient(server, cache: cache)
        let parameters = SamplingParameters(n: 3, temperature: 0.6, topP: 0.95, maxTokens: 512, seed: 42, stop: ["```\n\n"])
        let response = try await client.complete(ChatRequest(messages: proofRequest.messages, parameters: parameters), role: .prover)

        #expect(response.samples.map(\.text) == ["sample 0", "sample 1", "sample 2"])
        #expect(response.samples.map(\.index) == [0, 1, 2])
        #expect(response.samples.allSatisfy { $0.outcome == .complete && $0.finishReason == "stop" })
        #expect(response.model == "loopback-model")
        #expect(!response.fromCache)
        #expect(response.usage == TokenUsage(promptTokens: 10, completionTokens: 15, totalTokens: 25, requests: 1))

        let sent = try #require(server.requests.first)
        #expect(sent.method == "POST")
        #expect(sent.path == "/v1/chat/completions")
        #expect(sent.headers["content-type"] == "application/json")
        #expect(sent.authorization == nil)
        let body = try #require(sent.chat)
        #expect(body.model == "loopback-model")
        #expect(body.messages == proofRequest.messages)
        #expect(body.n == 3)
        #expect(body.temperature == 0.6)
        #expect(body.topP == 0.95)
        #expect(body.maxTokens == 512)
        #expect(body.seed == 42)
        #expect(body.stop == ["```\n\n"])
        #expect(client.usage(for: .prover) == response.usage)
        #expect(client.usage(for: .formalizer) == .zero)
    }

    @Test func nilParametersAreOmittedFromTheBody() async throws {
        let server = try LoopbackModelServer { request in .completion(answering: request) { "s\($0)" } }
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let client = try makeClient(server, cache: cache)
        _ = try await client.complete(ChatRequest(messages: [.user("hi")]), role: .formalizer)
        #expect(server.requests.first?.bodyKeys == ["model", "messages", "n"])
    }

    @Test func usageIsAccountedPerRole() async throws {
        let server = try LoopbackModelServer { request in .completion(answering: request) { "s\($0)" } }
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let client = try makeClient(server, cache: cache)
        _ = try await client.complete(request(n: 2), role: .prover)
        _ = try await client.complete(request(n: 1), role: .prover)
        _ = try await client.complete(request(n: 1), role: .variantGenerator)
        #expect(client.usage(for: .prover) == TokenUsage(promptTokens: 20, completionTokens: 15, totalTokens: 35, requests: 2))
        #expect(client.usage(for: .variantGenerator).requests == 1)
        #expect(client.usageByRole.keys.sorted { $0.rawValue < $1.rawValue } == [.prover, .variantGenerator])
        #expect(client.totalUsage.requests == 3)
    }

    @Test func fanOutSendsSingleSampleRequestsWithShiftedSeeds() async throws {
        let server = try LoopbackModelServer { request in .completion(texts: ["seed \(request.chat?.seed ?? -1)"]) }
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let client = try makeClient(server, cache: cache) { $0.samplingStrategy = .fanOut }
        let response = try await client.complete(request(n: 3, seed: 100), role: .prover)
        #expect(response.samples.map(\.text) == ["seed 100", "seed 101", "seed 102"])
        #expect(server.requests.allSatisfy { $0.chat?.n == 1 })
        #expect(server.requestCount == 3)
        #expect(response.usage.requests == 3)
    }

    @Test func providerIgnoringNIsAskedForTheRestOneChoiceAtATime() async throws {
        let server = try LoopbackModelServer { request in .completion(texts: ["one of \(request.requestedSamples)"]) }
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let client = try makeClient(server, cache: cache)
        let response = try await client.complete(request(n: 3), role: .prover)
        #expect(response.samples.map(\.text) == ["one of 3", "one of 1", "one of 1"])
        #expect(response.samples.map(\.index) == [0, 1, 2])
        #expect(server.requests.map(\.requestedSamples) == [3, 1, 1])
    }

    @Test func concurrencyLimitBoundsRequestsInFlight() async throws {
        let server = try LoopbackModelServer { request in .delayed(.milliseconds(60), .completion(answering: request) { "s\($0)" }) }
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let client = try makeClient(server, cache: cache) { $0.maxConcurrentRequests = 2 }
        try await withThrowingTaskGroup(of: ChatResponse.self) { group in
            for _ in 0..<6 { group.addTask { try await client.complete(request(n: 1), role: .prover) } }
            for try await response in group { #expect(response.samples.count == 1) }
        }
        #expect(server.requestCount == 6)
        #expect(server.maxConcurrentRequests <= 2)
        #expect(server.maxConcurrentRequests >= 1)
    }

    @Test func connectionsAreKeptAlive() async throws {
        let server = try LoopbackModelServer { request in .completion(answering: request) { "s\($0)" } }
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let client = try makeClient(server, cache: cache)
        for _ in 0..<5 { _ = try await client.complete(request(n: 1), role: .prover) }
        #expect(server.requestCount == 5)
        #expect(server.connectionCount == 1)
    }
}

@Suite("Routing roles to models")
struct RouterTests {
    @Test func eachRoleReachesItsOwnServer() async throws {
        let proverServer = try LoopbackModelServer { _ in .completion(texts: ["from prover server"]) }
        defer { proverServer.stop() }
        let defaultServer = try LoopbackModelServer { _ in .completion(texts: ["from default server"]) }
        defer { defaultServer.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let router = ChatModelRouter(
            default: try makeClient(defaultServer, cache: cache),
            byRole: [.prover: try makeClient(proverServer, cache: cache)]
        )
        #expect(try await router.complete(request(n: 1), role: .prover).samples.first?.text == "from prover server")
        #expect(try await router.complete(request(n: 1), role: .formalizer).samples.first?.text == "from default server")
        #expect(proverServer.requestCount == 1)
        #expect(defaultServer.requestCount == 1)
    }
}
