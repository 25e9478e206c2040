import Foundation
import LeanPlayTestSupport
@testable import ModelClient
import Testing

@Suite("API keys: from the environment, sent only in the Authorization header")
struct APIKeyTests {
    static let secret = "sk-or-v1-TESTSECRET0123456789abcdef"

    @Test func keyFromTheEnvironmentIsSentAsBearer() async throws {
        let server = try LoopbackModelServer { request in .completion(answering: request) { "s\($0)" } }
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let client = try makeClient(server, cache: cache, configure: {
            $0.endpoint.apiKeyEnvironmentVariable = "LOOPBACK_TEST_KEY"
        }, environment: { $0 == "LOOPBACK_TEST_KEY" ? Self.secret : nil })
        _ = try await client.complete(request(n: 1), role: .prover)
        #expect(server.requests.first?.authorization == "Bearer \(Self.secret)")
        #expect(!server.requests[0].bodyText.contains(Self.secret))
    }

    @Test func missingVariableIsATypedErrorNamingTheVariable() async throws {
        let server = try LoopbackModelServer { request in .completion(answering: request) { "s\($0)" } }
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let client = try makeClient(server, cache: cache, configure: {
            $0.endpoint.apiKeyEnvironmentVariable = "LEANPLAY_SURELY_UNSET_KEY"
        }, environment: { _ in "   " })
        let error = try #require(await modelError { () async throws(ModelError) in try await client.complete(request(n: 1), role: .prover) })
        #expect(error.code == .missingAPIKey)
        #expect(error.message.contains("LEANPLAY_SURELY_UNSET_KEY"))
        #expect(server.requestCount == 0)
    }

    @Test func keyNeverAppearsInErrorsCacheFilesOrLogs() async throws {
        // A hostile or careless provider echoes the key back in error bodies.
        let echo = #"{"error":{"message":"Invalid API key: \#(Self.secret)","code":401}}"#
        let server = try LoopbackModelServer(script: [
            .json(echo, status: 429, headers: [LoopbackHeader("Retry-After", "1")]),
            .completion(texts: ["fine"]),
            .json(echo, status: 401),
            .htmlErrorPage(502).withBody("<html>proxy saw Authorization: Bearer \(Self.secret)</html>"),
            .errorWithSuccessStatus(message: "upstream rejected \(Self.secret)"),
        ])
        defer { server.stop() }
        let cache = TemporaryDirectory()
        defer { cache.cleanUp() }
        let logs = LogCapture()
        let client = try makeClient(server, cache: cache, configure: {
            $0.endpoint.apiKeyEnvironmentVariable = "LOOPBACK_TEST_KEY"
            $0.cachePolicy = .readWrite
            $0.retry = .none
        }, logger: logs.logger, environment: { _ in Self.secret })
        var texts: [String] = []
        // 429 (not retried with .none) → error; then success (cached); then 401; then HTML 502; then 200+error.
        for prompt in ["a", "b", "c", "d", "e"] {
            let chat = ChatRequest(messages: [.user(prompt)])
            if let error = await modelError({ () async throws(ModelError) in try await client.complete(chat, role: .prover) }) {
                texts += [error.description, error.message, "\(error)", String(reflecting: error)]
            }
        }
        #expect(texts.count == 16)
        #expect(texts.contains { $0.contains("[REDACTED]") })
        for text in texts { #expect(!text.contains(Self.secret)) }
        #expect(cache.fileCount() == 1)
        #expect(!cache.allFileText().contains(Self.secret))
        #expect(!logs.text.isEmpty)
        #expect(!logs.text.contains(Self.secret))
        #expect(!client.configuration.endpoint.description.contains(Self.secret))
    }

    @Test func credentialsInTheBaseURLAreKeptOutOfErrors() async throws {
        let endpoint = ModelEndpoint(baseURL: URL(string: "http://user:hunter2secret@127.0.0.1:9/v1?token=abc")!, model: "m")
        #expect(endpoint.displayURL == "http://127.0.0.1:9/v1")
        #expect(!endpoint.description.contains("hunter2secret"))
    }
}

extension LoopbackReply {
    /// The same reply with its body replaced.
    func withBody(_ text: String) -> LoopbackReply {
        guard case .http(let status, let headers, _) = self else { return self }
        return .http(status: status, headers: headers, body: Data(text.utf8))
    }
}
