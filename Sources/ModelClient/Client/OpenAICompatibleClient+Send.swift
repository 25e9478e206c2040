import Foundation
import Logging

extension OpenAICompatibleClient {
    /// The result of one logical request, after retries, and the usage of every attempt.
    struct AttemptResult: Sendable {
        var outcome: Result<ParsedCompletion, ModelError>
        var usage: TokenUsage
    }

    /// Sends `body`, retrying per the policy; each attempt holds a concurrency permit only while in flight.
    func send(_ body: ChatCompletionBody, key: String?) async -> AttemptResult {
        let redactor = SecretRedactor(secret: key)
        let interpreter = ResponseInterpreter(
            endpoint: configuration.endpoint.displayURL,
            redactor: redactor,
            builder: SampleBuilder(detector: DegenerationDetector(policy: configuration.degeneration)),
            requestTimeout: configuration.requestTimeout
        )
        let http = HTTPRequest(
            url: configuration.endpoint.chatCompletionsURL.absoluteString,
            headers: headers(key: key),
            body: body.encoded(),
            timeout: configuration.requestTimeout,
            connectTimeout: configuration.connectTimeout,
            maxResponseBytes: configuration.maxResponseBytes
        )
        let policy = configuration.retry
        var usage = TokenUsage.zero
        var attempt = 0
        func finish(_ error: ModelError) -> AttemptResult {
            var error = error
            error.attempts = attempt
            return AttemptResult(outcome: .failure(error), usage: usage)
        }
        while true {
            attempt += 1
            let exchange: Result<HTTPResponse, TransportFailure>
            do {
                try await semaphore.acquire()
            } catch {
                return finish(cancelledError())
            }
            exchange = await engine.perform(http)
            semaphore.release()
            usage.requests += 1

            let failure: AttemptFailure
            switch interpreter.interpret(exchange, now: clock.now) {
            case .success(let parsed):
                usage.promptTokens += parsed.usage.promptTokens
                usage.completionTokens += parsed.usage.completionTokens
                usage.totalTokens += parsed.usage.totalTokens
                return AttemptResult(outcome: .success(parsed), usage: usage)
            case .failure(let attemptFailure):
                failure = attemptFailure
            }
            guard failure.retryable, attempt < policy.maxAttempts else { return finish(failure.error) }
            if let asked = failure.retryAfter, asked > policy.maximumRetryAfter {
                var error = failure.error
                error.code = .rateLimited
                error.message += "; the provider asked to wait \(asked), longer than the allowed \(policy.maximumRetryAfter) — try again later or raise maximumRetryAfter"
                return finish(error)
            }
            let delay = failure.retryAfter ?? policy.backoff(afterAttempt: attempt, unitRandom: Double.random(in: 0..<1))
            logger.notice("retrying model request", metadata: [
                "attempt": "\(attempt)", "of": "\(policy.maxAttempts)", "delay": "\(delay)",
                "error": "\(failure.error.code)", "status": "\(failure.error.httpStatus.map(String.init) ?? "-")",
            ])
            do {
                try await clock.sleep(for: delay)
            } catch {
                return finish(cancelledError())
            }
        }
    }

    private func cancelledError() -> ModelError {
        ModelError(.cancelled, "the request was cancelled", endpoint: configuration.endpoint.displayURL)
    }

    /// The request headers; the only place the key appears.
    private func headers(key: String?) -> [String] {
        var lines = ["Content-Type: application/json", "Accept: application/json", "Expect:"]
        if let key { lines.append("Authorization: Bearer \(key)") }
        for (name, value) in configuration.extraHeaders.sorted(by: { $0.key < $1.key }) {
            lines.append("\(name): \(value)")
        }
        return lines
    }
}
