import Foundation
import LeanPlayTestSupport
@testable import ModelClient
import Synchronization
import Testing

/// Behaviours of a real llama.cpp server (issue 12.9, 12.10): it ignores `n`, and one request of a
/// call can fail (HTTP 400 `context_length_exceeded`) while the others succeed.
@Suite("Partial results and providers that ignore n")
struct PartialResultTests {
    /// What OpenAI-compatible servers answer when the prompt does not fit.
    static let contextLengthExceeded = LoopbackReply.json(
        #"{"error":{"message":"This model's maximum context length is 4096 tokens. However, your messages resulted in 5120 tokens.","type":"invalid_request_error","param":"messages","code":"context_length_exceeded"}}"#,
        status: 400)

    /// Holds single-choice requests until `count` of them are being answered at once (or a generous
    /// safety limit passes), so that concurrency shows in `maxConcurrentRequests` without timing.
    final class Barrier: Sendable {
        private let arrived = Mutex(0)
        let count: Int
        init(count: Int) { self.count = count }

        func wait() {
            arrived.withLock { $0 += 1 }
            let limit = ContinuousClock.now + .seconds(10)
            while arrived.withLock({ $0 }) < count, ContinuousClock.now < limit { usleep(1_000) }
        }
    }

    @Test("12.10: a server that ignores n is detected once; the rest goes out as concurrent single-choice requests")
    func ignoredNIsDetectedOnceAndFannedOut() async throws {
        let barrier = Barrier(count: 3)
        // Like llama.cpp's server: exactly one choice whatever n says.
        let server = try LoopbackModelServer { request in
            if request.requestedSamples == 1 { barrier.wait() }
            return .completion(texts: ["seed \(request.chat?.seed ?? -1)"])
        }
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let log = LogCapture()
        let client = try makeClient(server, cache: cache, configure: { $0.maxConcurrentRequests = 4 }, logger: log.logger)

        let response = try await client.complete(request(n: 4, seed: 100), role: .prover)
        #expect(response.samples.map(\.index) == [0, 1, 2, 3])
        #expect(Set(response.samples.map(\.text)) == ["seed 100", "seed 101", "seed 102", "seed 103"])
        #expect(response.failures.isEmpty)
        #expect(server.requests.map(\.requestedSamples) == [4, 1, 1, 1], "not n = 3, 2, 1 one after another")
        #expect(server.maxConcurrentRequests == 3, "the three single-choice requests were in flight together")
        #expect(log.text.contains("ignores n"))

        // Remembered for the client's lifetime: the next call never asks for n > 1 again.
        let second = try await client.complete(request(n: 3, seed: 500), role: .prover)
        #expect(second.samples.count == 3)
        #expect(server.requests.dropFirst(4).map(\.requestedSamples) == [1, 1, 1])
        #expect(client.usage(for: .prover).requests == 7)
    }

    @Test("12.10: the single-choice requests stay within the concurrency limit")
    func fannedOutRequestsRespectTheLimit() async throws {
        let server = try LoopbackModelServer { request in
            .delayed(.milliseconds(20), .completion(texts: ["one of \(request.requestedSamples)"]))
        }
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let client = try makeClient(server, cache: cache) { $0.maxConcurrentRequests = 2 }
        let response = try await client.complete(request(n: 6), role: .prover)
        #expect(response.samples.count == 6)
        #expect(server.requests.map(\.requestedSamples) == [6, 1, 1, 1, 1, 1])
        #expect(server.maxConcurrentRequests <= 2)
    }

    @Test("12.10: a server that caps n is asked in requests of its cap")
    func cappedNIsSplitIntoRequestsOfTheCap() async throws {
        let server = try LoopbackModelServer { request in
            .completion(texts: (0..<min(request.requestedSamples, 2)).map { "s\($0)" })
        }
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let client = try makeClient(server, cache: cache)
        let response = try await client.complete(request(n: 5), role: .prover)
        #expect(response.samples.map(\.index) == [0, 1, 2, 3, 4])
        #expect(server.requests.first?.requestedSamples == 5)
        #expect(server.requests.dropFirst().map(\.requestedSamples).sorted() == [1, 2])
    }

    @Test("a request that times out hangs up, so the server stops working on it (a real server kept generating)")
    func timeoutHangsUp() async throws {
        let server = try LoopbackModelServer { request in .delayed(.seconds(60), .completion(answering: request) { "late \($0)" }) }
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let client = try makeClient(server, cache: cache) {
            $0.requestTimeout = .milliseconds(200)
            $0.retry = .none
        }
        let error = await modelError { () async throws(ModelError) in try await client.complete(request(n: 1), role: .prover) }
        #expect(error?.code == .timeout)
        #expect(server.requestCount == 1)
        // The loopback server notices a hang-up within ~10 ms; without one it would hold the request 60 s.
        let deadline = ContinuousClock.now + .seconds(20)
        while server.requestsInFlight > 0, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(server.requestsInFlight == 0, "the connection was closed when the client gave up")
    }

    @Test("12.9: one request answering 400 fails its own sample; the others are returned")
    func oneFailedRequestFailsOnlyItsSample() async throws {
        // n is ignored, and the request for sample 2 (seed 12) does not fit the context.
        let server = try LoopbackModelServer { request in
            request.chat?.seed == 12 ? Self.contextLengthExceeded : .completion(texts: ["seed \(request.chat?.seed ?? -1)"])
        }
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let client = try makeClient(server, cache: cache) { $0.cachePolicy = .readWrite }
        let response = try await client.complete(request(n: 4, seed: 10), role: .prover)
        #expect(response.samples.map(\.index) == [0, 1, 3])
        let failure = try #require(response.failures.first)
        #expect(response.failures.count == 1)
        #expect(failure.index == 2)
        #expect(failure.error.httpStatus == 400)
        #expect(failure.error.message.contains("context_length_exceeded"))
        #expect(server.requestCount == 4, "a 400 is not retried")
        #expect(cache.fileCount() == 3, "the three samples obtained are cached")
    }

    @Test("12.9: fan-out with one failing request keeps the others; all failing still throws")
    func fanOutPartialAndTotalFailure() async throws {
        // The answer depends on the sample's own request (its seed), never on arrival order: fanned-out
        // requests may reach the server in any order. Sample 1 (seed 21) fails; every sample of the
        // request with seed 3 fails.
        let server = try LoopbackModelServer { request in
            let seed = request.chat?.seed ?? -1
            return seed == 21 || seed < 20 ? Self.contextLengthExceeded : .completion(texts: ["kept"])
        }
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let client = try makeClient(server, cache: cache) {
            $0.samplingStrategy = .fanOut
            $0.maxConcurrentRequests = 1
        }
        let response = try await client.complete(request(n: 2, seed: 20), role: .prover)
        #expect(response.samples.map(\.text) == ["kept"])
        #expect(response.failures.map(\.index) == [1])
        let error = await modelError { () async throws(ModelError) in try await client.complete(request(n: 2, seed: 3), role: .prover) }
        #expect(error?.httpStatus == 400)
    }
}
