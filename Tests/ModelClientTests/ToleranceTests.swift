import Foundation
import LeanPlayTestSupport
@testable import ModelClient
import Testing

@Suite("Odd provider answers become outcomes or typed errors")
struct ToleranceTests {
    /// Sends one request answered by `reply`, without retries.
    func answer(_ reply: LoopbackReply, configure: (inout ModelClientConfiguration) -> Void = { _ in }) async throws -> (Result<ChatResponse, ModelError>, LoopbackModelServer) {
        let server = try LoopbackModelServer(script: [reply])
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let client = try makeClient(server, cache: cache) {
            $0.retry = .none
            configure(&$0)
        }
        do throws(ModelError) {
            return (.success(try await client.complete(request(n: 1), role: .prover)), server)
        } catch {
            return (.failure(error), server)
        }
    }

    func sample(_ reply: LoopbackReply) async throws -> ModelSample {
        let (result, server) = try await answer(reply)
        server.stop()
        return try #require(try result.get().samples.first)
    }

    func error(_ reply: LoopbackReply, configure: (inout ModelClientConfiguration) -> Void = { _ in }) async throws -> ModelError {
        let (result, server) = try await answer(reply, configure: configure)
        server.stop()
        guard case .failure(let error) = result else {
            Issue.record("expected an error, got \(result)")
            throw CancellationError()
        }
        return error
    }

    @Test func reasoningContentFieldIsMovedToReasoning() async throws {
        let sample = try await sample(.reasoning("Try norm_num first.", answer: "```lean4\nby norm_num\n```"))
        #expect(sample.reasoning == "Try norm_num first.")
        #expect(sample.text == "```lean4\nby norm_num\n```")
        #expect(sample.outcome == .complete)
    }

    @Test func openRouterReasoningFieldIsMovedToReasoning() async throws {
        let sample = try await sample(.reasoning("Think about parity.", answer: "omega", field: "reasoning"))
        #expect(sample.reasoning == "Think about parity.")
        #expect(sample.text == "omega")
    }

    @Test func inlineThinkTagsAreStrippedFromText() async throws {
        let sample = try await sample(.thinkTags("2 + 2 reduces by decide.", answer: "```lean4\nexample : 2 + 2 = 4 := by decide\n```"))
        #expect(sample.reasoning == "2 + 2 reduces by decide.")
        #expect(sample.text == "```lean4\nexample : 2 + 2 = 4 := by decide\n```")
        #expect(!sample.text.contains("think>"))
    }

    @Test func lengthFinishIsTruncated() async throws {
        let sample = try await sample(.completion([LoopbackChoice(content: "theorem t : 1 = 1 := by\n  rf", finishReason: "length")]))
        #expect(sample.outcome == .truncated)
        #expect(sample.finishReason == "length")
        #expect(sample.text.hasSuffix("rf"))
    }

    @Test func nullContentIsEmpty() async throws {
        let sample = try await sample(.nullContent)
        #expect(sample.outcome == .empty)
        #expect(sample.text == "")
    }

    @Test func completionWithoutCodeBlockIsKeptAsIs() async throws {
        let sample = try await sample(.noCodeBlock)
        #expect(sample.outcome == .complete)
        #expect(sample.text.contains("basic arithmetic"))
    }

    @Test func repeatedTacticSpamIsDegenerateAndCapped() async throws {
        let sample = try await sample(.repeatedLine("  norm_num", times: 600))
        guard case .degenerate(let unit, let repetitions) = sample.outcome else {
            Issue.record("expected degenerate, got \(sample.outcome)")
            return
        }
        #expect(unit == "norm_num")
        #expect(repetitions == 600)
        #expect(sample.text.hasPrefix("```lean4\ntheorem foo"))
        #expect(sample.text.utf8.count < 200)
        #expect(sample.outcome.label == "degenerate")
    }

    @Test func emptyChoicesIsTypedError() async throws {
        let error = try await error(.emptyChoices)
        #expect(error.code == .emptyChoices)
        #expect(error.httpStatus == 200)
    }

    @Test func errorObjectWithStatus200IsProviderError() async throws {
        let error = try await error(.errorWithSuccessStatus(message: "Upstream provider returned 'model overloaded'"))
        #expect(error.code == .providerError)
        #expect(error.message.contains("Upstream provider returned 'model overloaded'"))
    }

    @Test func errorObjectWithRetryableCodeIsRetried() async throws {
        let server = try LoopbackModelServer(script: [.errorWithSuccessStatus(message: "upstream 502", code: 502), .completion(texts: ["ok"])])
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let client = try makeClient(server, cache: cache)
        let response = try await client.complete(request(n: 1), role: .prover)
        #expect(response.samples.first?.text == "ok")
        #expect(server.requestCount == 2)
    }

    @Test func htmlPageWithStatus200IsMalformedWithSnippet() async throws {
        let error = try await error(.htmlErrorPage(200))
        #expect(error.code == .malformedResponse)
        #expect(error.httpStatus == 200)
        #expect(error.message.contains("<html>"))
        #expect(error.message.contains("Welcome"))
    }

    @Test func htmlGatewayErrorIsHTTPStatusWithSnippet() async throws {
        let error = try await error(.htmlErrorPage(502))
        #expect(error.code == .httpStatus)
        #expect(error.httpStatus == 502)
        #expect(error.message.contains("502 Bad Gateway"))
    }

    @Test func truncatedJSONWithCorrectLengthIsMalformed() async throws {
        let error = try await error(.truncatedJSON)
        #expect(error.code == .malformedResponse)
        #expect(error.httpStatus == 200)
        #expect(error.message.contains("chatcmpl-1"))
    }

    @Test func bodyShorterThanContentLengthIsMalformedAndRetried() async throws {
        let partial = Data(#"{"id":"chatcmpl-2","choices":[{"index":0,"message":{"content":"theo"#.utf8)
        let server = try LoopbackModelServer(script: [
            .truncated(status: 200, declaredLength: 4000, body: partial),
            .truncated(status: 200, declaredLength: 4000, body: partial),
        ])
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let client = try makeClient(server, cache: cache) { $0.retry = RetryPolicy(maxAttempts: 2, initialDelay: .milliseconds(1)) }
        let error = try #require(await modelError { () async throws(ModelError) in try await client.complete(request(n: 1), role: .prover) })
        #expect(error.code == .malformedResponse)
        #expect(error.httpStatus == 200)
        #expect(error.message.contains("ended early"))
        #expect(error.message.contains("chatcmpl-2"))
        #expect(server.requestCount == 2)
    }

    @Test func invalidUTF8BodyIsMalformedNotACrash() async throws {
        var body = Data(#"{"choices":[{"index":0,"message":{"content":"bad "#.utf8)
        body.append(contentsOf: [0xFF, 0xFE, 0xC3])
        body.append(Data(#""},"finish_reason":"stop"}]}"#.utf8))
        let error = try await error(.http(status: 200, headers: [LoopbackHeader("Content-Type", "application/json")], body: body))
        #expect(error.code == .malformedResponse)
        #expect(error.message.contains("\u{FFFD}"))
    }

    @Test func oversizedBodyIsRefused() async throws {
        let big = String(repeating: "lemma x : True := trivial\n", count: 400)
        let error = try await error(.completion(texts: [big])) { $0.maxResponseBytes = 2048 }
        #expect(error.code == .responseTooLarge)
        #expect(error.message.contains("2048"))
    }

    @Test func contentAsArrayOfPartsIsJoined() async throws {
        let json = #"{"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":[{"type":"text","text":"by "},{"type":"text","text":"simp"}]},"finish_reason":"stop"}]}"#
        let sample = try await sample(.json(json))
        #expect(sample.text == "by simp")
    }

    @Test func vllmErrorObjectIsProviderError() async throws {
        let json = #"{"object":"error","message":"This model's maximum context length is 4096 tokens","type":"BadRequestError","param":null,"code":400}"#
        let error = try await error(.json(json))
        #expect(error.code == .providerError)
        #expect(error.message.contains("maximum context length"))
    }
}
