import Foundation
import LeanPlayTestSupport
import Logging
@testable import ModelClient
import Testing

@Suite("Retries, backoff and timeouts")
struct RetryTests {
    @Test func retryAfterSecondsIsHonoured() async throws {
        let server = try LoopbackModelServer(script: [.rateLimited(retryAfter: "7"), .serverError(503, retryAfter: "2"), .completion(texts: ["ok"])])
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let clock = RecordingClock()
        let client = try makeClient(server, cache: cache, clock: clock)
        let response = try await client.complete(request(n: 1), role: .prover)
        #expect(response.samples.first?.text == "ok")
        #expect(clock.sleeps == [.seconds(7), .seconds(2)])
        #expect(response.usage.requests == 3)
        #expect(server.requestCount == 3)
    }

    @Test func retryAfterHTTPDateIsMeasuredFromTheClock() async throws {
        let clock = RecordingClock(now: Date(timeIntervalSince1970: 1_750_000_000))
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let date = formatter.string(from: clock.now.addingTimeInterval(30))
        let server = try LoopbackModelServer(script: [.rateLimited(retryAfter: date), .completion(texts: ["ok"])])
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let client = try makeClient(server, cache: cache, clock: clock)
        _ = try await client.complete(request(n: 1), role: .prover)
        #expect(clock.sleeps == [.seconds(30)])
    }

    @Test func backoffUsesFullJitterWithinTheExponentialCap() async throws {
        let server = try LoopbackModelServer(script: [.serverError(500), .serverError(502), .serverError(503), .completion(texts: ["ok"])])
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let clock = RecordingClock()
        let client = try makeClient(server, cache: cache, clock: clock) {
            $0.retry = RetryPolicy(maxAttempts: 4, initialDelay: .milliseconds(100), maximumDelay: .milliseconds(300))
        }
        _ = try await client.complete(request(n: 1), role: .prover)
        let sleeps = clock.sleeps
        #expect(sleeps.count == 3)
        let caps: [Duration] = [.milliseconds(100), .milliseconds(200), .milliseconds(300)]
        for (sleep, cap) in zip(sleeps, caps) { #expect(sleep >= .zero && sleep <= cap) }
    }

    @Test func maxAttemptsThenTypedError() async throws {
        let server = try LoopbackModelServer { _ in .serverError(503) }
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let clock = RecordingClock()
        let client = try makeClient(server, cache: cache, clock: clock)
        let error = try #require(await modelError { () async throws(ModelError) in try await client.complete(request(n: 1), role: .prover) })
        #expect(error.code == .httpStatus)
        #expect(error.httpStatus == 503)
        #expect(error.attempts == 3)
        #expect(error.message.contains("server had an error"))
        #expect(server.requestCount == 3)
        #expect(clock.sleeps.count == 2)
        #expect(client.usage(for: .prover).requests == 3)
    }

    @Test func persistentRateLimitEndsAsRateLimited() async throws {
        let server = try LoopbackModelServer { _ in .rateLimited(retryAfter: "1") }
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let clock = RecordingClock()
        let client = try makeClient(server, cache: cache, clock: clock)
        let error = try #require(await modelError { () async throws(ModelError) in try await client.complete(request(n: 1), role: .prover) })
        #expect(error.code == .rateLimited)
        #expect(error.httpStatus == 429)
        #expect(clock.sleeps == [.seconds(1), .seconds(1)])
    }

    @Test func retryAfterLongerThanAllowedFailsWithoutSleeping() async throws {
        let server = try LoopbackModelServer(script: [.rateLimited(retryAfter: "86400"), .completion(texts: ["never"])])
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let clock = RecordingClock()
        let client = try makeClient(server, cache: cache, clock: clock)
        let error = try #require(await modelError { () async throws(ModelError) in try await client.complete(request(n: 1), role: .prover) })
        #expect(error.code == .rateLimited)
        #expect(error.message.contains("asked to wait"))
        #expect(clock.sleeps.isEmpty)
        #expect(server.requestCount == 1)
    }

    @Test func clientErrorsAreNotRetried() async throws {
        let server = try LoopbackModelServer { _ in .json(#"{"error":{"message":"max_tokens is too large","code":400}}"#, status: 400) }
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let client = try makeClient(server, cache: cache)
        let error = try #require(await modelError { () async throws(ModelError) in try await client.complete(request(n: 1), role: .prover) })
        #expect(error.code == .httpStatus)
        #expect(error.httpStatus == 400)
        #expect(error.message.contains("max_tokens is too large"))
        #expect(server.requestCount == 1)
    }

    @Test func wrongBaseURLGivesA404WithAHint() async throws {
        let server = try LoopbackModelServer { request in .completion(answering: request) { "s\($0)" } }
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let client = try makeClient(server, cache: cache) {
            $0.endpoint.baseURL = URL(string: "http://127.0.0.1:\(server.port)/api")!
        }
        let error = try #require(await modelError { () async throws(ModelError) in try await client.complete(request(n: 1), role: .prover) })
        #expect(error.code == .httpStatus)
        #expect(error.httpStatus == 404)
        #expect(error.message.contains("/v1"))
    }

    @Test func redirectsAreNotFollowedButExplained() async throws {
        let server = try LoopbackModelServer { _ in
            .http(status: 308, headers: [LoopbackHeader("Location", "https://api.example.org/v1/chat/completions")], body: Data())
        }
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let client = try makeClient(server, cache: cache)
        let error = try #require(await modelError { () async throws(ModelError) in try await client.complete(request(n: 1), role: .prover) })
        #expect(error.code == .httpStatus)
        #expect(error.httpStatus == 308)
        #expect(error.message.contains("https://api.example.org/v1/chat/completions"))
        #expect(server.requestCount == 1)
    }

    @Test func slowServerHitsThePerRequestTimeout() async throws {
        let server = try LoopbackModelServer { request in .delayed(.seconds(60), .completion(answering: request) { "late \($0)" }) }
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let clock = RecordingClock()
        let client = try makeClient(server, cache: cache, clock: clock) {
            $0.requestTimeout = .milliseconds(300)
            $0.retry = RetryPolicy(maxAttempts: 2, initialDelay: .milliseconds(1))
        }
        let started = ContinuousClock.now
        let error = try #require(await modelError { () async throws(ModelError) in try await client.complete(request(n: 1), role: .prover) })
        let elapsed = ContinuousClock.now - started
        #expect(error.code == .timeout)
        #expect(error.attempts == 2)
        #expect(clock.sleeps.count == 1)
        #expect(elapsed >= .milliseconds(550))
        // Two attempts against a server that answers after 60 s: well under that proves the 300 ms timeout
        // fired. The margin is wide because the whole suite runs in parallel on 2 cores.
        #expect(elapsed < .seconds(30))
    }

    @Test func refusedConnectionIsATransportError() async throws {
        // Grab a free port, then close the server so nothing listens there.
        let server = try LoopbackModelServer { _ in .closeConnection }
        let port = server.port
        server.stop()
        try await Task.sleep(for: .milliseconds(120))
        var configuration = ModelClientConfiguration(
            endpoint: ModelEndpoint(baseURL: URL(string: "http://127.0.0.1:\(port)/v1")!, model: "m"),
            retry: RetryPolicy(maxAttempts: 2, initialDelay: .milliseconds(1)),
            cachePolicy: .disabled
        )
        configuration.connectTimeout = .seconds(2)
        let clock = RecordingClock()
        let client = try OpenAICompatibleClient(configuration: configuration, clock: clock, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        let error = try #require(await modelError { () async throws(ModelError) in try await client.complete(request(n: 1), role: .prover) })
        #expect(error.code == .transport)
        #expect(error.attempts == 2)
        #expect(error.message.contains("127.0.0.1"))
    }

    @Test func droppedConnectionIsRetried() async throws {
        let server = try LoopbackModelServer(script: [.closeConnection, .completion(texts: ["after reconnect"])])
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let client = try makeClient(server, cache: cache)
        let response = try await client.complete(request(n: 1), role: .prover)
        #expect(response.samples.first?.text == "after reconnect")
        #expect(response.usage.requests == 2)
    }

    @Test func cancellationStopsAnInFlightRequestPromptly() async throws {
        let server = try LoopbackModelServer { request in .delayed(.seconds(60), .completion(answering: request) { "late \($0)" }) }
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let client = try makeClient(server, cache: cache)
        let started = ContinuousClock.now
        let task = Task { await modelError { () async throws(ModelError) in try await client.complete(request(n: 1), role: .prover) } }
        let deadline = ContinuousClock.now + .seconds(5)
        while server.requestCount == 0, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        task.cancel()
        let error = try #require(await task.value)
        #expect(error.code == .cancelled)
        // The server answers after 60 s; well under that proves cancellation stopped the transfer (wide
        // margin: the whole suite runs in parallel on 2 cores).
        #expect(ContinuousClock.now - started < .seconds(30))
    }
}
