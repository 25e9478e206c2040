import Foundation
@testable import ModelClient
import Testing

@Suite("Pieces without I/O")
struct UnitTests {
    @Test(arguments: [
        ("<think>plan</think>answer", "answer", "plan"),
        ("<think>\nplan\n</think>\n\nanswer", "answer", "plan"),
        ("intro <thinking>a</thinking> outro", "intro  outro", "a"),
        ("plan without opening tag</think>answer", "answer", "plan without opening tag"),
        ("answer first <think>then thoughts cut by the token limit", "answer first", "then thoughts cut by the token limit"),
        ("no tags here", "no tags here", nil),
    ] as [(String, String, String?)])
    func reasoningSplitter(input: String, answer: String, reasoning: String?) {
        let split = ReasoningSplitter.split(input)
        #expect(split.answer == answer)
        #expect(split.reasoning == reasoning)
    }

    @Test func detectorIgnoresOrdinaryProofs() {
        let detector = DegenerationDetector(policy: DegenerationPolicy())
        let proof = "theorem t (x : ℕ) (h : 0 < x) : 0 < x ^ 2 := by\n" + String(repeating: "  norm_num\n", count: 12) + "  positivity\n"
        #expect(detector.inspect(proof) == nil)
        let separators = String(repeating: "-", count: 80) + "\n" + String(repeating: "a b c ", count: 20)
        #expect(detector.inspect(separators) == nil)
        #expect(detector.inspect("") == nil)
    }

    @Test func detectorFindsRepeatedLinesInTheMiddle() throws {
        let detector = DegenerationDetector(policy: DegenerationPolicy())
        let text = "header\n" + String(repeating: "  simp at h\n", count: 100) + "footer\n"
        let finding = try #require(detector.inspect(text))
        #expect(finding.unit == "simp at h")
        #expect(finding.repetitions == 100)
        #expect(finding.cappedText == "header\n" + String(repeating: "  simp at h\n", count: 3) + "footer\n")
    }

    @Test func detectorFindsRepetitionWithinOneLine() throws {
        let detector = DegenerationDetector(policy: DegenerationPolicy())
        let text = "theorem t : True := by\n  " + String(repeating: "simp; ", count: 300)
        let finding = try #require(detector.inspect(text))
        #expect(finding.repetitions >= 299)
        #expect(finding.unit.contains("simp;"))
        #expect(finding.cappedText.utf8.count < 60)
    }

    @Test func retryAfterParsesSecondsAndDates() {
        let now = Date(timeIntervalSince1970: 1_445_412_480) // Wed, 21 Oct 2015 07:28:00 GMT
        #expect(RetryAfter.delay(from: "120", now: now) == .seconds(120))
        #expect(RetryAfter.delay(from: " 1.5 ", now: now) == .milliseconds(1500))
        #expect(RetryAfter.delay(from: "Wed, 21 Oct 2015 07:28:30 GMT", now: now) == .seconds(30))
        #expect(RetryAfter.delay(from: "Wednesday, 21-Oct-15 07:29:00 GMT", now: now) == .seconds(60))
        #expect(RetryAfter.delay(from: "Tue, 20 Oct 2015 07:28:00 GMT", now: now) == .zero)
        #expect(RetryAfter.delay(from: "soon", now: now) == nil)
    }

    @Test func retryAfterClampsHugeValuesInsteadOfOverflowing() {
        let now = Date(timeIntervalSince1970: 1_445_412_480)
        #expect(RetryAfter.delay(from: "1e30", now: now) == RetryAfter.longest)
        #expect(RetryAfter.delay(from: "99999999999999999999", now: now) == RetryAfter.longest)
        #expect(RetryAfter.delay(from: "-5", now: now) == .zero)
    }

    @Test func backoffGrowsExponentiallyUpToTheCap() {
        let policy = RetryPolicy(maxAttempts: 10, initialDelay: .seconds(1), maximumDelay: .seconds(10))
        #expect(policy.backoff(afterAttempt: 1, unitRandom: 0.999_999) <= .seconds(1))
        #expect(policy.backoff(afterAttempt: 3, unitRandom: 0.5) == .seconds(2))
        #expect(policy.backoff(afterAttempt: 9, unitRandom: 0.5) == .seconds(5))
        #expect(policy.backoff(afterAttempt: 60, unitRandom: 1) == .seconds(10))
        #expect(policy.backoff(afterAttempt: 2, unitRandom: 0) == .zero)
    }

    @Test func semaphoreCancelsWaitersWithoutLosingPermits() async throws {
        let semaphore = AsyncSemaphore(permits: 1)
        try await semaphore.acquire()
        let waiter = Task { try await semaphore.acquire() }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        semaphore.release()
        try await semaphore.acquire() // the permit came back
        semaphore.release()
    }

    @Test func semaphoreGivesAReleasedPermitToAWaiter() async throws {
        let semaphore = AsyncSemaphore(permits: 1)
        try await semaphore.acquire()
        let waiter = Task { try await semaphore.acquire(); return "granted" }
        semaphore.release()
        #expect(try await waiter.value == "granted")
        let third = Task { try await semaphore.acquire() }
        third.cancel() // holds no permit: the waiter above kept it
        await #expect(throws: CancellationError.self) { try await third.value }
    }

    @Test func invalidConfigurationsAreRejected() {
        let good = ModelEndpoint(baseURL: URL(string: "http://127.0.0.1:8000/v1")!, model: "m")
        func code(_ change: (inout ModelClientConfiguration) -> Void) -> ModelError.Code? {
            var configuration = ModelClientConfiguration(endpoint: good)
            change(&configuration)
            do {
                try configuration.validate()
                return nil
            } catch {
                return error.code
            }
        }
        #expect(code { _ in } == nil)
        #expect(code { $0.endpoint.baseURL = URL(string: "ftp://example.org/v1")! } == .invalidConfiguration)
        #expect(code { $0.endpoint.model = "" } == .invalidConfiguration)
        #expect(code { $0.maxConcurrentRequests = 0 } == .invalidConfiguration)
        #expect(code { $0.extraHeaders = ["Authorization": "Bearer x"] } == .invalidConfiguration)
        #expect(code { $0.extraHeaders = ["X-Title": "a\r\nInjected: yes"] } == .invalidConfiguration)
        #expect(code { $0.extraHeaders = ["X-Title": "LeanPlay"] } == nil)
    }

    @Test func chatCompletionsURLJoinsTheBase() {
        let slash = ModelEndpoint(baseURL: URL(string: "https://openrouter.ai/api/v1/")!, model: "m")
        #expect(slash.chatCompletionsURL.absoluteString == "https://openrouter.ai/api/v1/chat/completions")
        let plain = ModelEndpoint(baseURL: URL(string: "http://127.0.0.1:8000/v1")!, model: "m")
        #expect(plain.chatCompletionsURL.absoluteString == "http://127.0.0.1:8000/v1/chat/completions")
    }

    @Test func modelErrorDescriptionCarriesContext() {
        let error = ModelError(.rateLimited, "slow down", endpoint: "http://h/v1", httpStatus: 429, attempts: 3)
        #expect(error.description == "model at http://h/v1 (HTTP 429, 3 attempts): slow down")
        #expect(!error.description.contains("rateLimited"))
    }

    @Test func sampleOutcomeRoundTripsThroughJSON() throws {
        let outcomes: [SampleOutcome] = [.complete, .truncated, .degenerate(unit: "simp", repetitions: 300), .empty, .filtered]
        let data = try JSONEncoder().encode(outcomes)
        #expect(try JSONDecoder().decode([SampleOutcome].self, from: data) == outcomes)
        #expect(outcomes.map(\.label) == ["complete", "truncated", "degenerate", "empty", "filtered"])
    }
}

@Suite("Sample classification")
struct SampleBuilderTests {
    let builder = SampleBuilder(detector: DegenerationDetector(policy: DegenerationPolicy()))

    func choice(_ content: String?, finish: String?) throws -> ChatCompletionPayload.Choice {
        var object: [String: Any] = ["index": 0, "message": ["role": "assistant", "content": content as Any? ?? NSNull()]]
        if let finish { object["finish_reason"] = finish }
        return try JSONDecoder().decode(ChatCompletionPayload.Choice.self, from: JSONSerialization.data(withJSONObject: object))
    }

    @Test func budgetSpentWhileThinkingIsTruncatedNotEmpty() throws {
        let sample = builder.sample(from: try choice("<think>long deliberation that never ends", finish: "length"), index: 4)
        #expect(sample.outcome == .truncated)
        #expect(sample.text == "")
        #expect(sample.reasoning == "long deliberation that never ends")
        #expect(sample.index == 4)
    }

    @Test func filteredAndMissingFinishReasons() throws {
        #expect(builder.sample(from: try choice(nil, finish: "content_filter"), index: 0).outcome == .filtered)
        #expect(builder.sample(from: try choice("partial", finish: "content_filter"), index: 0).outcome == .filtered)
        #expect(builder.sample(from: try choice("by simp", finish: nil), index: 0).outcome == .complete)
        #expect(builder.sample(from: try choice("   \n", finish: "stop"), index: 0).outcome == .empty)
    }
}
