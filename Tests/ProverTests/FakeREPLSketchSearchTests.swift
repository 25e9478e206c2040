import Conjecturer
import Foundation
import LeanPlayTestSupport
import LeanREPL
import LeanVerify
import Ledger
import ModelClient
@testable import Prover
import Synchronization
import Testing

/// End to end: a model (loopback HTTP) writes a two-`have` sketch, the step-wise search closes its
/// obligations on the `fake-lean-repl` process through `PoolTacticStepper`, and the real `LeanVerifier`
/// re-verifies the composed proof on the same fake REPL.
@Suite("Sketch search against the fake REPL process", .enabled(if: FakeREPL.isBuilt))
struct FakeREPLSketchSearchTests {
    static let statement = "theorem sk (x y : Nat) (h : x = 1) : x + y = 1 + y := by"
    static let sketch = "have h₁ : x = 1 := by sorry\nhave h₂ : y = y := by\n  sorry\nomega"
    static let composed = "have h₁ : x = 1 := by exact h\nhave h₂ : y = y := by\n  rfl\nomega"
    /// The composed proof as it stands in the theorem command (every line indented by two spaces).
    static let composedInCommand = "have h₁ : x = 1 := by exact h\n  have h₂ : y = y := by\n    rfl\n  omega"

    /// Rules: only the fully composed proof is accepted; `exact h` closes `⊢ x = 1`; `rfl` closes
    /// `⊢ y = y` only when `closesSecond`, else it fails like Lean.
    static func rules(closesSecond: Bool) -> String {
        let second = closesSecond
            ? #"{"goal_contains": "⊢ y = y", "tactic": "rfl", "goals": []}"#
            : #"{"goal_contains": "⊢ y = y", "tactic": "rfl", "error": "The rfl tactic failed."}"#
        return """
        {
          "rules": [
            {"statement_contains": "x + y = 1 + y", "proof_equals": \(jsonString(composedInCommand)), "result": "ok", "axioms": ["propext"]}
          ],
          "tactics": [
            {"goal_contains": "⊢ x = 1", "tactic": "exact h", "goals": []},
            \(second)
          ]
        }
        """
    }

    static func jsonString(_ text: String) -> String {
        String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
    }

    /// Proves `statement` with a model that answers every whole-proof request with the sketch.
    static func prove(closesSecond: Bool) async throws -> (outcome: ProofOutcome, recorder: InMemoryRecorder, log: StepLog) {
        let pool = REPLWorkerPool(configuration: try FakeREPL.poolConfiguration(try FakeREPL.oracleFlags(rulesJSON: rules(closesSecond: closesSecond))))
        do {
            let result = try await LoopbackModelServer.withServer(handler: { request in
                let indented = sketch.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
                return .completion(texts: (0..<request.requestedSamples).map { _ in "```lean4\n\(statement)\n\(indented)\n```" })
            }) { server in
                var configuration = ProverConfiguration(portfolio: AutomationPortfolio(tactics: ["rfl", "exact h"]), concurrency: 1)
                configuration.samplesPerRequest = 1
                configuration.tacticsPerExpansion = 0
                let log = StepLog()
                let prover = StatementProver(
                    configuration: configuration,
                    services: ProverServices(
                        verifier: LeanVerifier(pool: pool), model: try ModelProverTests.client(server),
                        prompts: try PromptLibrary.load(from: SharedFixtures.promptsDirectory),
                        stepping: RecordingStepping(base: PoolTacticStepper(pool: pool), log: log), clock: ManualClock()))
                let recorder = InMemoryRecorder()
                let outcome = try await prover.prove(
                    try Fixtures.target(statement, level: 1), budget: Fixtures.budget(checks: 30, samples: 1, expansions: 6),
                    round: 1, recorder: recorder)
                #expect(server.requestCount == 1, "one whole-proof request; no next-tactic sampling")
                return (outcome, recorder, log)
            }
            await pool.shutdown()
            return result
        } catch {
            await pool.shutdown()
            throw error
        }
    }

    @Test("both `have` obligations of a model sketch close on the REPL and the composed proof is accepted")
    func bothObligationsClose() async throws {
        let (outcome, recorder, log) = try await Self.prove(closesSecond: true)
        let started = try #require(log.starts.first { $0.command.contains("have h₁") })
        #expect(started.response.sorries.map(\.goal) == [
            "x y : Nat\nh : x = 1\n⊢ x = 1",
            "x y : Nat\nh : x = 1\nh₁ : x = 1\n⊢ y = y",
        ], "one proof state per sorry, each with its own goal")
        #expect(Set(started.response.sorries.compactMap(\.proofState)).count == 2)
        #expect(started.response.sorries.map { $0.pos?.line } == [2, 4], "lines of the sorries in the theorem command")

        #expect(outcome.proof == Self.composed)
        #expect(outcome.strategy == .search)
        let last = try #require(recorder.recorded.last)
        #expect(last.strategy == .search && last.verdict.isAccepted)
        #expect(last.steps.map(\.tactic) == ["exact h", "rfl"])
        #expect(last.steps.map(\.state) == started.response.sorries.map(\.goal))
    }

    @Test("when one obligation cannot close, the statement stays unproved (AND semantics)")
    func oneObligationStaysOpen() async throws {
        let (outcome, recorder, log) = try await Self.prove(closesSecond: false)
        let started = try #require(log.starts.first { $0.command.contains("have h₁") })
        let states = started.response.sorries.compactMap(\.proofState)
        try #require(states.count == 2)
        let closedFirst = log.applied.contains { $0.proofState == states[0] && $0.tactic == "exact h" && $0.response.proofStatus == "Completed" }
        #expect(closedFirst, "the first obligation closed")
        let secondTries = log.applied.filter { $0.response.goals == ["x y : Nat\nh : x = 1\nh₁ : x = 1\n⊢ y = y"] }
        #expect(!secondTries.isEmpty && secondTries.allSatisfy { !$0.response.hasNoErrors }, "every tactic on the second failed")
        #expect(!outcome.isProved)
        #expect(!recorder.recorded.contains { $0.strategy == .search }, "no partial proof was composed or checked")
    }

    @Test("the oracle reports sorries exactly as the real REPL transcripts do", .enabled(if: SharedFixtures.hasTranscripts))
    func sorriesMatchRealTranscripts() async throws {
        let names = ["core/have_by_sorry", "core/dup_sorries", "core/calc", "core/proof_branching", "core/sorry_hypotheses"]
        let transcripts = TranscriptFixtures.complete.filter { names.contains($0.name) }
        #expect(transcripts.count == names.count)
        for transcript in transcripts {
            let pool = REPLWorkerPool(configuration: try FakeREPL.poolConfiguration(try FakeREPL.oracleFlags(rulesJSON: "{}")))
            let requests = try transcript.requestTexts()
            let responses = try transcript.responseTexts()
            try await pool.withSession(header: "") { session in
                for (request, recorded) in zip(requests, responses) {
                    let object = try #require(try JSONSerialization.jsonObject(with: Data(request.utf8)) as? [String: Any])
                    guard let command = object["cmd"] as? String else { continue }
                    let real = try JSONDecoder().decode(REPLResponse.self, from: Data(recorded.utf8))
                    let fake = try await session.send(.command(command, env: session.headerEnvironment))
                    #expect(fake.sorries == real.sorries, "\(transcript.name): \(command)")
                }
            }
            await pool.shutdown()
        }
    }
}

/// What the search asked the REPL, for assertions.
final class StepLog: Sendable {
    struct Start: Sendable { var command: String; var response: REPLResponse }
    struct Applied: Sendable { var tactic: String; var proofState: Int; var response: REPLResponse }
    private let state = Mutex<(starts: [Start], applied: [Applied])>(([], []))

    var starts: [Start] { state.withLock { $0.starts } }
    var applied: [Applied] { state.withLock { $0.applied } }

    func record(_ start: Start) { state.withLock { $0.starts.append(start) } }
    func record(_ applied: Applied) { state.withLock { $0.applied.append(applied) } }
}

/// A real `TacticSteppingProvider` whose requests and responses are logged.
struct RecordingStepping: TacticSteppingProvider {
    let base: PoolTacticStepper
    let log: StepLog

    func withStepper<T: Sendable>(header: String, _ body: (any TacticStepping) async throws -> T) async throws -> T {
        try await base.withStepper(header: header) { stepper in
            try await body(Recording(base: stepper, log: log))
        }
    }

    struct Recording: TacticStepping {
        let base: any TacticStepping
        let log: StepLog

        func start(_ command: String) async throws -> REPLResponse {
            let response = try await base.start(command)
            log.record(StepLog.Start(command: command, response: response))
            return response
        }

        func apply(_ tactic: String, to proofState: Int) async throws -> REPLResponse {
            let response = try await base.apply(tactic, to: proofState)
            log.record(StepLog.Applied(tactic: tactic, proofState: proofState, response: response))
            return response
        }
    }
}
