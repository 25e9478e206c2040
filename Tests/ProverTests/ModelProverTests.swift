import Conjecturer
import Foundation
import LeanPlayTestSupport
import LeanVerify
import Ledger
import ModelClient
import ProblemCorpus
@testable import Prover
@testable import SelfPlay
import Testing

/// The real `OpenAICompatibleClient` (libcurl) against the loopback provider stand-in, the project's own
/// Prompts/prove/ templates, and a scripted verifier.
@Suite("Prover with a model over loopback HTTP")
struct ModelProverTests {
    static let statement = "theorem m1 (a b : Nat) (h : a = b) : a + 0 = b := by"

    static func client(_ server: LoopbackModelServer) throws -> OpenAICompatibleClient {
        var configuration = ModelClientConfiguration(endpoint: ModelEndpoint(baseURL: server.baseURL, model: "loopback-model"))
        configuration.cachePolicy = .disabled
        return try OpenAICompatibleClient(configuration: configuration)
    }

    static func lastUserMessage(_ request: LoopbackRequest) -> String {
        request.chat?.messages?.last(where: { $0.role == "user" })?.content ?? ""
    }

    static func fenced(_ proof: String) -> String {
        "Here is the proof.\n```lean4\n\(statement)\n  \(proof)\n```"
    }

    @Test("whole proofs are sampled, identical ones checked once, the failure repaired with Lean's error")
    func wholeProofAndRepair() async throws {
        try await LoopbackModelServer.withServer(handler: { request in
            let user = Self.lastUserMessage(request)
            if user.contains("This proof attempt fails") {
                return .completion(texts: [Self.fenced("subst h\n  simp")])
            }
            return .completion(texts: [Self.fenced("simp"), Self.fenced("simp"), "I cannot do this.", Self.fenced("simp ")].prefix(request.requestedSamples).map { $0 })
        }) { server in
            let verifier = ScriptedVerifier { _, proof in proof == "subst h\nsimp" }
            let prompts = try PromptLibrary.load(from: SharedFixtures.promptsDirectory)
            var configuration = ProverConfiguration(portfolio: AutomationPortfolio(tactics: ["rfl"]), concurrency: 1)
            configuration.samplesPerRequest = 3
            let prover = StatementProver(
                configuration: configuration,
                services: ProverServices(verifier: verifier, model: try Self.client(server), prompts: prompts, clock: ManualClock()))
            let recorder = InMemoryRecorder()
            let outcome = try await prover.prove(
                try Fixtures.target(Self.statement, level: 1), budget: Fixtures.budget(checks: 10, samples: 5, repairs: 2),
                round: 1, recorder: recorder)
            #expect(outcome.proof == "subst h\nsimp")
            #expect(outcome.strategy == .repair)
            #expect(verifier.checked.map(\.proof) == ["rfl", "simp", "subst h\nsimp"], "the repeated `simp` samples were checked once")
            #expect(outcome.duplicatesSkipped == 1)
            let kinds = recorder.recorded.map { "\($0.strategy.rawValue):\($0.verdict.rule ?? "accepted")" }
            #expect(kinds == ["automation:lean-error", "whole_proof:lean-error", "whole_proof:no-proof", "repair:accepted"])
            let repair = try #require(recorder.recorded.last)
            #expect(repair.repairedFromKey == "r1/p1/f1/prove/whole_proof/s0")
            #expect(repair.key == "r1/p1/f1/prove/repair/s0/r1")
            #expect(outcome.promptTokens == 20 && outcome.completionTokens == 20)
            #expect(outcome.modelSamples == 4, "3 whole-proof samples, then the repair; 1 sample left unused")

            let requests = server.requests.compactMap(\.chat)
            #expect(requests.count == 2)
            #expect(requests[0].n == 3 && requests[0].seed != nil)
            #expect(requests[0].messages?.contains { $0.content.contains(Self.statement) } == true)
            let repairPrompt = try #require(requests[1].messages?.last?.content)
            #expect(repairPrompt.contains("unsolved goals") && repairPrompt.contains("simp"))
        }
    }

    @Test("budget level 0 never calls the model; the next round's ramped budget does")
    func budgetRamp() async throws {
        try await LoopbackModelServer.withServer(handler: { request in
            .completion(texts: (0..<request.requestedSamples).map { _ in "```lean4\nexact Nat.le_refl _\n```" })
        }) { server in
            let ledger = try Ledger.inMemory()
            let verifier = ScriptedVerifier { _, proof in proof == "exact Nat.le_refl _" }
            let prompts = try PromptLibrary.load(from: SharedFixtures.promptsDirectory)
            var prover = ProverConfiguration(portfolio: AutomationPortfolio(tactics: ["rfl", "omega"]), concurrency: 1)
            prover.disproofEnabled = false
            let engine = SelfPlayEngine(
                ledger: ledger,
                corpus: [Problem(id: "r1", informal: "n ≤ n", formalStatement: "theorem r1 (n : Nat) : n ≤ n := by", header: "")],
                services: ProverServices(verifier: verifier, model: try Self.client(server), prompts: prompts),
                validator: verifier, configuration: SelfPlayConfiguration(prover: prover, defaultHeader: "", variantTargets: 0))
            let first = try await engine.runRound()
            #expect(first.proved == 0 && server.requestCount == 0, "level 0 is automation only")
            let second = try await engine.runRound()
            #expect(second.proved == 1)
            #expect(server.requestCount == 1)
            let row = try #require(second.formalizations.first)
            #expect(row.budgetLevel == 1 && row.modelSamples == 4 && row.promptTokens == 10)
            let stored = try #require(try ledger.formalizations(problemID: "r1").first)
            #expect(stored.status == .proved && stored.provedAtBudget == 1 && !stored.flags.contains(.easy))
        }
    }

    @Test("a model outage ends the model strategies for that statement and is reported, not thrown")
    func modelOutage() async throws {
        try await LoopbackModelServer.withServer(handler: { _ in .htmlErrorPage(502) }) { server in
            var configuration = ModelClientConfiguration(endpoint: ModelEndpoint(baseURL: server.baseURL, model: "loopback-model"))
            configuration.cachePolicy = .disabled
            configuration.retry = RetryPolicy(maxAttempts: 1)
            let client = try OpenAICompatibleClient(configuration: configuration)
            let verifier = ScriptedVerifier { _, _ in false }
            let prover = StatementProver(
                configuration: ProverConfiguration(portfolio: AutomationPortfolio(tactics: ["rfl"])),
                services: ProverServices(verifier: verifier, model: client,
                                         prompts: try PromptLibrary.load(from: SharedFixtures.promptsDirectory)))
            let outcome = try await prover.prove(
                try Fixtures.target(Self.statement, level: 1), budget: Fixtures.budget(checks: 10, samples: 4, repairs: 1),
                round: 1, recorder: InMemoryRecorder())
            #expect(!outcome.isProved)
            #expect(outcome.problems.count == 1 && outcome.problems[0].contains("HTTP 502"), "\(outcome.problems)")
            #expect(outcome.problems.allSatisfy { !$0.contains("[model]") }, "no internal code names")
            #expect(verifier.callCount == 1)
        }
    }
}

@Suite("Model-driven conjecturing and search over loopback HTTP")
struct ModelSearchTests {
    @Test("a problem without a formal statement is formalized by the model, validated, then proved")
    func formalizeThenProve() async throws {
        try await LoopbackModelServer.withServer(handler: { request in
            .completion(texts: (0..<request.requestedSamples).map { _ in "```lean4\ntheorem f1 (n : Nat) : n + 0 = n := by\n  sorry\n```" })
        }) { server in
            let ledger = try Ledger.inMemory()
            let verifier = ScriptedVerifier { statement, proof in statement.contains("n + 0 = n") && proof == "omega" }
            let prompts = try PromptLibrary.load(from: SharedFixtures.promptsDirectory)
            let engine = SelfPlayEngine(
                ledger: ledger, corpus: [Problem(id: "f1", informal: "Show that n + 0 = n for every natural number n.")],
                services: ProverServices(verifier: verifier, model: try ModelProverTests.client(server), prompts: prompts),
                validator: verifier,
                configuration: SelfPlayConfiguration(
                    prover: ProverConfiguration(portfolio: AutomationPortfolio(tactics: ["rfl", "omega"]), concurrency: 1),
                    defaultHeader: "", formalizationSamples: 2, variantTargets: 0))
            let report = try await engine.runRound()
            #expect(report.newFormalizations == 1 && report.unformalizedProblems == 0)
            #expect(report.proved == 1)
            let stored = try #require(try ledger.formalizations(problemID: "f1").first)
            #expect(stored.source == .model && stored.status == .proved)
            #expect(stored.provenance["template"]?.hasPrefix("formalize/") == true)
            #expect(stored.provenance["sample_count"] == "2", "identical formalizations are merged")
            #expect(server.requestCount == 2, "two formalization samples, no proving requests at level 0")
        }
    }

    @Test("the model's sketch and next-tactic suggestions drive the step-wise search")
    func sketchAndNextTactic() async throws {
        let statement = "theorem t (x y : Nat) (h : x = 1) : x + y = 1 + y := by"
        try await LoopbackModelServer.withServer(handler: { request in
            let user = ModelProverTests.lastUserMessage(request)
            if user.contains("Current goals") { return .completion(texts: ["```lean4\nexact h\n```"]) }
            return .completion(texts: ["```lean4\n\(statement)\n  have h₁ : x = 1 := by sorry\n  omega\n```"])
        }) { server in
            let stepper = ScriptedStepper(
                rules: [.init(goalContains: "⊢ x = 1", tactic: "exact h", goals: [])],
                sketchGoals: { command in
                    command.contains("have h₁") ? ["x y : Nat\nh : x = 1\n⊢ x = 1"] : ["x y : Nat\nh : x = 1\n⊢ x + y = 1 + y"]
                })
            let composed = "have h₁ : x = 1 := by exact h\nomega"
            let verifier = ScriptedVerifier { _, proof in proof == composed }
            var configuration = ProverConfiguration(portfolio: AutomationPortfolio(tactics: ["rfl"]), concurrency: 1)
            configuration.samplesPerRequest = 1
            configuration.tacticsPerExpansion = 1
            let prover = StatementProver(
                configuration: configuration,
                services: ProverServices(verifier: verifier, model: try ModelProverTests.client(server),
                                         prompts: try PromptLibrary.load(from: SharedFixtures.promptsDirectory),
                                         stepping: stepper, clock: ManualClock()))
            let recorder = InMemoryRecorder()
            let outcome = try await prover.prove(
                try Fixtures.target(statement, level: 1), budget: Fixtures.budget(checks: 20, samples: 2, expansions: 3),
                round: 1, recorder: recorder)
            #expect(outcome.proof == composed)
            #expect(outcome.strategy == .search)
            #expect(recorder.recorded.last?.steps.map(\.tactic) == ["exact h"])
            let prompts = server.requests.map(ModelProverTests.lastUserMessage)
            #expect(prompts.count == 2)
            #expect(prompts.last?.contains("⊢ x = 1") == true, "the next-tactic prompt shows the obligation's goal")
        }
    }
}
