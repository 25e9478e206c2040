import Conjecturer
import Foundation
import LeanVerify
import ModelClient
import ProblemCorpus
import Prover
import Synchronization
import Testing
@testable import Evaluation

/// A model that answers each theorem's requests from a script, in request order (`nil` = HTTP 400).
final class ScriptedModel: ChatModel {
    private let scripts: Mutex<[String: [String?]]>
    private let counter = Mutex(0)

    init(_ scripts: [String: [String?]]) { self.scripts = Mutex(scripts) }

    var requests: Int { counter.withLock { $0 } }

    func complete(_ request: ChatRequest, role: ModelRole) async throws(ModelError) -> ChatResponse {
        counter.withLock { $0 += 1 }
        let text = request.messages.map(\.content).joined()
        let answer: String?? = scripts.withLock { scripts in
            guard let name = scripts.keys.first(where: { text.contains("theorem \($0) ") }), !scripts[name]!.isEmpty else { return .none }
            let statement = "theorem \(name) : 1 + 1 = 2 := by"
            return .some(scripts[name]!.removeFirst().map { $0.hasPrefix("RAW:") ? String($0.dropFirst(4)) : "```lean4\n\(statement)\n  \($0)\n```" })
        }
        guard case .some(let reply) = answer, let reply else {
            throw ModelError(.httpStatus, "HTTP 400: bad request", httpStatus: 400)
        }
        return ChatResponse(samples: [ModelSample(index: 0, text: reply, outcome: .complete)],
                            usage: TokenUsage(promptTokens: 10, completionTokens: 5), fromCache: false, model: "scripted")
    }
}

/// Accepts proofs that contain "norm_num"; counts checks.
final class CountingVerifier: ProofVerifying {
    let checks = Mutex(0)
    func verify(header: String, statement: String, proof: String) async -> Verdict {
        checks.withLock { $0 += 1 }
        return proof.contains("norm_num")
            ? Verdict(status: .accepted, reason: "accepted", elapsedMilliseconds: 10)
            : Verdict(status: .rejected, reason: "lean-error: unsolved goals", rule: "lean-error", elapsedMilliseconds: 10)
    }
}

struct EvaluatorTests {
    static let prompts: PromptLibrary = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try! PromptLibrary.load(from: root.appendingPathComponent("Prompts"))
    }()

    static func problem(_ name: String) -> Problem {
        Problem(id: name, informal: "", formalStatement: "theorem \(name) : 1 + 1 = 2 := by", header: "")
    }

    static func evaluator(_ model: ScriptedModel, _ verifier: CountingVerifier, samples: Int, allSamples: Bool = false,
                          concurrency: Int = 1) -> Evaluator {
        let prover = StatementProver(
            configuration: ProverConfiguration(concurrency: 1),
            services: ProverServices(verifier: verifier, model: model, prompts: prompts))
        return Evaluator(
            configuration: EvaluationConfiguration(benchmark: "b", model: "scripted", strategy: .wholeProof, samples: samples,
                                                   allSamples: allSamples, concurrency: concurrency),
            prover: prover)
    }

    @Test func earlyExitStopsAtTheFirstAcceptedSample() async throws {
        let model = ScriptedModel(["p1": ["simp", "ring", "norm_num", "norm_num"], "p2": ["simp", "simp", "simp", "simp"]])
        let verifier = CountingVerifier()
        let summary = try await Self.evaluator(model, verifier, samples: 4).run([Self.problem("p1"), Self.problem("p2")])
        let expected: [String: Double] = ["1": 0, "2": 0, "4": 0.5]
        #expect(summary.passAtK == expected)
        #expect(summary.proved == 1)
        // p1: 3 samples, 3 checks; p2: 4 samples of one text, checked once.
        #expect(model.requests == 7)
        #expect(verifier.checks.withLock { $0 } == 4)
        #expect(summary.leanChecks == 4)
    }

    @Test func duplicateProofsCountAsSamplesWithTheEarlierVerdict() async throws {
        let model = ScriptedModel(["p1": ["norm_num", "norm_num", "simp", "norm_num"]])
        let verifier = CountingVerifier()
        let results = try await Self.evaluator(model, verifier, samples: 4, allSamples: true).evaluate([Self.problem("p1")])
        let result = try #require(results.first)
        #expect(result.samples == 4 && result.correct == 3 && result.firstSuccess == 1)
        #expect(verifier.checks.withLock { $0 } == 2)
        #expect(result.leanChecks == 2)
    }

    @Test func aFailedRequestFailsOnlyItsSample() async throws {
        let model = ScriptedModel(["p1": ["simp", nil, "norm_num", "ring"]])
        let verifier = CountingVerifier()
        let results = try await Self.evaluator(model, verifier, samples: 4, allSamples: true).evaluate([Self.problem("p1")])
        let result = try #require(results.first)
        #expect(result.status == .proved)
        #expect(result.samples == 4 && result.correct == 1 && result.firstSuccess == 3)
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.hasPrefix("sample 2:") == true && result.errors.first?.contains("400") == true)
    }

    @Test func concurrencyDoesNotChangeResults() async throws {
        let script: [String: [String?]] = ["p1": ["simp", "norm_num", "ring", "norm_num"]]
        let sequential = try await Self.evaluator(ScriptedModel(script), CountingVerifier(), samples: 4, allSamples: true)
            .evaluate([Self.problem("p1")])
        // With 4 slots the requests race, so the script is handed out in completion order; the verdicts
        // are still reported by sample index: two accepted, the first of them decides first_success.
        let parallel = try await Self.evaluator(ScriptedModel(script), CountingVerifier(), samples: 4, allSamples: true, concurrency: 4)
            .evaluate([Self.problem("p1")])
        #expect(sequential.first?.correct == 2 && parallel.first?.correct == 2)
        #expect(sequential.first?.firstSuccess == 2)
    }

    @Test func problemsWithoutAFormalStatementAreSkippedByName() async throws {
        let model = ScriptedModel(["p1": ["norm_num"]])
        let summary = try await Self.evaluator(model, CountingVerifier(), samples: 1)
            .run([Self.problem("p1"), Problem(id: "informal_only", informal: "Show 1 + 1 = 2.")])
        #expect(summary.problems == 1 && summary.skipped == 1 && summary.skippedProblems == ["informal_only"])
    }

    @Test func repairRoundsBelongToTheirSample() async throws {
        // Sample 1: "simp" fails, its repair answers "norm_num" (accepted): sample 1 succeeds after 2 requests.
        let model = ScriptedModel(["p1": ["simp", "norm_num"]])
        let verifier = CountingVerifier()
        let prover = StatementProver(
            configuration: ProverConfiguration(concurrency: 1),
            services: ProverServices(verifier: verifier, model: model, prompts: Self.prompts))
        let evaluator = Evaluator(
            configuration: EvaluationConfiguration(benchmark: "b", model: "scripted", strategy: .wholeProofRepair, samples: 2,
                                                   repairRounds: 1, concurrency: 1),
            prover: prover)
        let result = try #require(try await evaluator.evaluate([Self.problem("p1")]).first)
        #expect(result.status == .proved && result.firstSuccess == 1 && result.samples == 1)
        #expect(result.proof == "norm_num")
        #expect(model.requests == 2 && verifier.checks.withLock { $0 } == 2)
    }

    @Test func aSampleWithoutAProofIsNotResampledForRepair() async throws {
        // Sample 1's output holds no proof: it fails (nothing to repair) without drawing another whole
        // proof from the sample's repair budget; sample 2 is accepted.
        let model = ScriptedModel(["p1": ["RAW:I cannot prove this.", "norm_num"]])
        let prover = StatementProver(
            configuration: ProverConfiguration(concurrency: 1),
            services: ProverServices(verifier: CountingVerifier(), model: model, prompts: Self.prompts))
        let evaluator = Evaluator(
            configuration: EvaluationConfiguration(benchmark: "b", model: "scripted", strategy: .wholeProofRepair, samples: 2,
                                                   repairRounds: 2, concurrency: 1),
            prover: prover)
        let result = try #require(try await evaluator.evaluate([Self.problem("p1")]).first)
        #expect(result.firstSuccess == 2 && result.samples == 2)
        #expect(model.requests == 2)
    }
}
