import Conjecturer
import Foundation
import LeanPlayTestSupport
import LeanVerify
import Ledger
import ModelClient
@testable import Prover
import Synchronization
import Testing

/// The prover's model samples against behaviours of a real llama.cpp server (issue 12.8, 12.9): it
/// ignores `n`, one request can answer HTTP 400 while the others succeed, and completion-style prompts
/// are continued rather than answered with a whole block.
@Suite("Prover model samples against a real server's behaviour")
struct ModelSamplingRealServerTests {
    static let statement = "theorem m1 (a b : Nat) (h : a = b) : a + 0 = b := by"

    static func client(_ server: LoopbackModelServer) throws -> OpenAICompatibleClient {
        var configuration = ModelClientConfiguration(endpoint: ModelEndpoint(baseURL: server.baseURL, model: "loopback-model"))
        configuration.cachePolicy = .disabled
        configuration.retry = .none
        return try OpenAICompatibleClient(configuration: configuration)
    }

    static let contextLengthExceeded = LoopbackReply.json(
        #"{"error":{"message":"the request exceeds the available context size","type":"invalid_request_error","code":"context_length_exceeded"}}"#,
        status: 400)

    @Test("12.9: one sample's request answering 400 fails that sample; the batch's other samples are checked")
    func oneFailedSampleKeepsTheOthers() async throws {
        let singles = Mutex(0)
        // Ignores n (one choice per request); of the single-choice requests that follow, the first gets 400.
        let server = try LoopbackModelServer { request in
            if request.requestedSamples > 1 {
                return .completion(texts: ["```lean4\n\(Self.statement)\n  simp\n```"])
            }
            let number = singles.withLock { value -> Int in
                value += 1
                return value
            }
            return number == 1 ? Self.contextLengthExceeded : .completion(texts: ["```lean4\n\(Self.statement)\n  subst h\n  simp\n```"])
        }
        defer { server.stop() }
        let verifier = ScriptedVerifier { _, proof in proof == "subst h\nsimp" }
        let prompts = try PromptLibrary.load(from: SharedFixtures.promptsDirectory)
        var configuration = ProverConfiguration(portfolio: AutomationPortfolio(tactics: ["rfl"]), concurrency: 1)
        configuration.samplesPerRequest = 3
        let prover = StatementProver(
            configuration: configuration,
            services: ProverServices(verifier: verifier, model: try Self.client(server), prompts: prompts, clock: ManualClock()))
        let recorder = InMemoryRecorder()
        let outcome = try await prover.prove(
            try Fixtures.target(Self.statement, level: 1), budget: Fixtures.budget(checks: 10, samples: 3),
            round: 1, recorder: recorder)
        #expect(outcome.proof == "subst h\nsimp")
        #expect(outcome.strategy == .wholeProof)
        #expect(server.requests.map(\.requestedSamples) == [3, 1, 1])
        let kinds = recorder.recorded.map { "\($0.strategy.rawValue):\($0.verdict.rule ?? "accepted")" }
        #expect(kinds == ["automation:lean-error", "whole_proof:lean-error", "whole_proof:accepted"],
                "the failed sample is not recorded as an attempt, so a rerun asks for it again")
        #expect(outcome.problems.contains { $0.contains("1 of 3 model samples failed") && $0.contains("context_length_exceeded") })
    }

    @Test("12.8: a completion-style prompt ending inside `:= by` takes the text before the closing fence as the proof")
    func completionStylePrompt() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lp-completion-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("prove"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // DeepSeek-Prover-V1.5's own format: the code block is left open after `:= by`.
        try """
            {{! description: Continue a proof (DeepSeek-Prover-V1.5 completion format). }}
            {{! role: user }}
            Complete the following Lean 4 code:

            ```lean4
            {{header}}
            {{statement}}
            """.write(to: folder.appendingPathComponent("prove/complete_code.mustache"), atomically: true, encoding: .utf8)

        let server = try LoopbackModelServer { request in
            .completion(answering: request) { _ in "\n  subst h\n  simp\n```\n\nThe hypothesis rewrites b to a." }
        }
        defer { server.stop() }
        let verifier = ScriptedVerifier { _, proof in proof == "subst h\nsimp" }
        let prompts = try PromptLibrary.load(from: [SharedFixtures.promptsDirectory, folder])
        var configuration = ProverConfiguration(portfolio: AutomationPortfolio(tactics: ["rfl"]), concurrency: 1)
        configuration.samplesPerRequest = 1
        configuration.wholeProofTemplate = "prove/complete_code"
        let prover = StatementProver(
            configuration: configuration,
            services: ProverServices(verifier: verifier, model: try Self.client(server), prompts: prompts, clock: ManualClock()))
        let recorder = InMemoryRecorder()
        let outcome = try await prover.prove(
            try Fixtures.target(Self.statement, level: 1), budget: Fixtures.budget(checks: 4, samples: 1),
            round: 1, recorder: recorder)
        let prompt = try #require(server.requests.first?.chat?.messages?.last?.content)
        #expect(prompt.hasSuffix(":= by"))
        #expect(outcome.proof == "subst h\nsimp")
        #expect(recorder.recorded.map { "\($0.strategy.rawValue):\($0.verdict.rule ?? "accepted")" }
                == ["automation:lean-error", "whole_proof:accepted"], "not `no-proof`")
    }
}
