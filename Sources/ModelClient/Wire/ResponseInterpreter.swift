import Foundation

/// A provider answer that yielded samples.
struct ParsedCompletion: Sendable {
    /// The samples in the provider's choice order, indexed 0..<count.
    var samples: [ModelSample]
    /// Tokens billed by this one response (`requests` = 1).
    var usage: TokenUsage
    /// The model the provider says answered.
    var model: String?
}

/// An attempt that failed, and whether trying again may help.
struct AttemptFailure: Error, Sendable {
    var error: ModelError
    var retryable: Bool
    /// The provider's `Retry-After`, when it sent one.
    var retryAfter: Duration?
}

/// Classifies one HTTP exchange: samples, or a typed error with a retry decision. Every path that
/// quotes the provider runs through the redactor, so an echoed key never reaches an error.
struct ResponseInterpreter: Sendable {
    var endpoint: String
    var redactor: SecretRedactor
    var builder: SampleBuilder
    var requestTimeout: Duration

    static let retryableStatuses: Set<Int> = [408, 409, 425, 429]

    static func isRetryable(status: Int) -> Bool { retryableStatuses.contains(status) || (500...599).contains(status) }

    func interpret(_ exchange: Result<HTTPResponse, TransportFailure>, now: Date) -> Result<ParsedCompletion, AttemptFailure> {
        switch exchange {
        case .failure(let failure): .failure(interpret(failure))
        case .success(let response): interpret(response, now: now)
        }
    }

    private func fail(_ code: ModelError.Code, _ message: String, status: Int? = nil, retryable: Bool, after: Duration? = nil) -> AttemptFailure {
        AttemptFailure(
            error: ModelError(code, redactor.scrub(message), endpoint: endpoint, httpStatus: status),
            retryable: retryable,
            retryAfter: after
        )
    }

    private func interpret(_ failure: TransportFailure) -> AttemptFailure {
        switch failure {
        case .timeout(let detail):
            fail(.timeout, "no complete response within \(requestTimeout) (\(detail)); raise the request timeout or check that the server is not overloaded", retryable: true)
        case .connection(let detail):
            fail(.transport, "the connection failed (\(detail)); check that the server at \(endpoint) is running and reachable", retryable: true)
        case .partialBody(let status, let body, let detail):
            fail(.malformedResponse, "the response body ended early (\(detail)); a proxy or the server closed the connection. First bytes: \(snippet(body))", status: status == 0 ? nil : status, retryable: true)
        case .tooLarge(let limit):
            fail(.responseTooLarge, "the response body exceeded \(limit) bytes; lower max_tokens or n, or raise maxResponseBytes", retryable: false)
        case .cancelled:
            fail(.cancelled, "the request was cancelled", retryable: false)
        case .setup(let detail):
            fail(.transport, "the HTTP client could not be set up (\(detail)); check the libcurl installation", retryable: false)
        }
    }

    private func interpret(_ response: HTTPResponse, now: Date) -> Result<ParsedCompletion, AttemptFailure> {
        let status = response.status
        let payload = try? JSONDecoder().decode(ChatCompletionPayload.self, from: response.body)
        guard (200...299).contains(status) else {
            return .failure(httpFailure(response, payload: payload, now: now))
        }
        guard let payload else {
            return .failure(fail(.malformedResponse, "the body is not an OpenAI-compatible JSON response (is the base URL right, e.g. ending in /v1?). First 200 characters: \(snippet(response.body))", status: status, retryable: false))
        }
        if let error = payload.error {
            let retryable = error.code.flatMap(Int.init).map(Self.isRetryable(status:)) ?? false
            return .failure(fail(.providerError, "the provider reported an error\(error.code.map { " (code \($0))" } ?? ""): \(error.message)", status: status, retryable: retryable))
        }
        if payload.object == "error" {
            return .failure(fail(.providerError, "the provider reported an error: \(payload.message ?? "(no message)")", status: status, retryable: false))
        }
        guard let choices = payload.choices else {
            return .failure(fail(.malformedResponse, "the JSON has no 'choices' field; the server may not speak the chat completions API. First 200 characters: \(snippet(response.body))", status: status, retryable: false))
        }
        guard !choices.isEmpty else {
            return .failure(fail(.emptyChoices, "the provider returned no choices; the model may be overloaded or the prompt rejected", status: status, retryable: true))
        }
        let ordered = choices.enumerated().sorted { ($0.element.index ?? $0.offset, $0.offset) < ($1.element.index ?? $1.offset, $1.offset) }
        let samples = ordered.enumerated().map { position, entry in builder.sample(from: entry.element, index: position) }
        let prompt = payload.usage?.promptTokens ?? 0
        let completion = payload.usage?.completionTokens ?? 0
        let usage = TokenUsage(
            promptTokens: prompt,
            completionTokens: completion,
            totalTokens: payload.usage?.totalTokens ?? prompt + completion,
            requests: 1
        )
        return .success(ParsedCompletion(samples: samples, usage: usage, model: payload.model))
    }

    private func httpFailure(_ response: HTTPResponse, payload: ChatCompletionPayload?, now: Date) -> AttemptFailure {
        let status = response.status
        let retryAfter = response.headers["retry-after"].flatMap { RetryAfter.delay(from: $0, now: now) }
        // The provider's error code when it is a name (`context_length_exceeded`): it says what to change.
        let namedCode = payload?.error?.code.flatMap { Int($0) == nil ? " [\($0)]" : nil } ?? ""
        let detail = payload?.error.map { $0.message + namedCode } ?? payload?.message ?? "first 200 characters: \(snippet(response.body))"
        let retryable = Self.isRetryable(status: status)
        switch status {
        case 401, 403:
            return fail(.httpStatus, "the provider refused the request (HTTP \(status): \(detail)); check the API key's environment variable and the account's access to this model", status: status, retryable: false)
        case 404:
            return fail(.httpStatus, "not found (HTTP 404: \(detail)); check the base URL (it should end in /v1 for most servers) and the model name", status: status, retryable: false)
        case 300...399:
            let location = response.headers["location"].map { " to \(redactor.scrub($0))" } ?? ""
            return fail(.httpStatus, "the server redirected (HTTP \(status))\(location); configure the final URL as the base URL", status: status, retryable: false)
        case 429:
            return fail(.rateLimited, "rate limited (HTTP 429: \(detail)); lower maxConcurrentRequests or wait", status: status, retryable: true, after: retryAfter)
        default:
            let advice = retryable ? "the server is failing; try again later" : "the provider rejected the request; check the sampling parameters and model name"
            return fail(.httpStatus, "HTTP \(status): \(detail); \(advice)", status: status, retryable: retryable, after: retryAfter)
        }
    }

    /// The first 200 characters of a body, invalid UTF-8 replaced, line breaks flattened, secret scrubbed.
    func snippet(_ body: Data) -> String {
        if body.isEmpty { return "(empty body)" }
        // Scrub before cutting, so a key straddling the 200-character mark is still removed whole.
        let text = redactor.scrub(String(decoding: body.prefix(4096), as: UTF8.self))
        let flattened = String(text.prefix(200)).map { $0.isNewline ? " " : String($0) }.joined()
        return "\"" + flattened + "\""
    }
}
