import Conjecturer
import Foundation
import ModelClient
import ProblemCorpus
import Synchronization
import Testing

@Suite("Hostile and odd model output")
struct HostileOutputTests {
    static let problem = Problem(id: "h 1/α", informal: "Show that 1 ≤ 2.")

    func records(answer: String) async throws -> ([FormalizationRecord], ScriptedValidator) {
        let validator = ScriptedValidator()
        let formalizer = try Autoformalizer(
            model: ScriptedChatModel { _ in answer }, validator: validator, prompts: try Fixtures.prompts(),
            exemplars: ExemplarPool(corpus: []), settings: .init(samplesPerProblem: 1, repairRounds: 0)
        )
        return (try await formalizer.formalize(Self.problem), validator)
    }

    @Test("commands around the statement never reach the record or Lean: only the re-rendered signature does")
    func commandsAreDropped() async throws {
        let answer = leanAnswer("""
        @[simp] private theorem evil (a : ℕ) : 1 ≤ 2 := by exact cheat.elim
        #eval IO.Process.exit 0
        """)
        let (records, validator) = try await records(answer: answer)
        #expect(records.map(\.statement) == ["theorem h_1_α (a : ℕ) : 1 ≤ 2 := by"])
        #expect(validator.checked == ["theorem h_1_α (a : ℕ) : 1 ≤ 2 := by"])
    }

    @Test("a command before the statement that cannot be kept in effect refuses it, with the reason; nothing reaches Lean")
    func commandBeforeTheStatementRefusesIt() async throws {
        let answer = leanAnswer("""
        axiom cheat : False
        @[simp] private theorem evil (a : ℕ) : 1 ≤ 2 := by exact cheat.elim
        #eval IO.Process.exit 0
        """)
        let (records, validator) = try await records(answer: answer)
        #expect(records.map(\.status) == [.noStatement])
        #expect(records.first?.leanError?.contains("axiom cheat") == true, "\(records.first?.leanError ?? "nil")")
        #expect(validator.checked.isEmpty)
    }

    @Test("garbage, empty, unterminated and degenerate answers count as no_statement")
    func garbage() async throws {
        for answer in ["", "```lean4\n/- never closed\ntheorem t : True := by", String(repeating: "  norm_num\n", count: 500), "\u{FFFD}\u{0}💥"] {
            let (records, validator) = try await records(answer: answer)
            #expect(records.map(\.status) == [.noStatement], "answer: \(answer.prefix(40))")
            #expect(validator.checked.isEmpty)
        }
    }

    @Test("ids become Lean identifiers")
    func naming() {
        #expect(LeanNaming.theoremName(for: "amc12a_2019_p21") == "amc12a_2019_p21")
        #expect(LeanNaming.theoremName(for: "core-001") == "core_001")
        #expect(LeanNaming.theoremName(for: "1abc") == "p_1abc")
        #expect(LeanNaming.theoremName(for: "") == "p_")
        #expect(LeanNaming.theoremName(for: "theorem") == "theorem_")
        #expect(LeanNaming.theoremName(for: "p/«x» y") == "p__x__y")
    }
}

/// A model that tracks how many calls are in flight at once.
final class ConcurrencyProbeModel: ChatModel, Sendable {
    private let state = Mutex<(current: Int, maximum: Int)>((0, 0))

    func complete(_ request: ChatRequest, role: ModelRole) async throws(ModelError) -> ChatResponse {
        state.withLock { $0.current += 1; $0.maximum = max($0.maximum, $0.current) }
        for _ in 0..<20 { await Task.yield() }
        state.withLock { $0.current -= 1 }
        let text = leanAnswer("theorem t (n : ℕ) : n = n := by sorry")
        return ChatResponse(samples: [ModelSample(index: 0, text: text, outcome: .complete)], usage: TokenUsage(), fromCache: false, model: "probe")
    }

    var maximum: Int { state.withLock { $0.maximum } }
}

@Suite("Concurrency limits")
struct ConcurrencyLimitTests {
    @Test("job concurrency × sample concurrency bounds the model calls in flight", arguments: [(1, 1), (2, 1), (1, 3)])
    func limits(problemConcurrency: Int, sampleConcurrency: Int) async throws {
        let model = ConcurrencyProbeModel()
        let formalizer = try Autoformalizer(
            model: model, validator: ScriptedValidator(), prompts: try Fixtures.prompts(), exemplars: ExemplarPool(corpus: []),
            settings: .init(samplesPerProblem: 4, sampleConcurrency: sampleConcurrency)
        )
        let problems = (0..<6).map { Problem(id: "c\($0)", informal: "Problem \($0).") }
        let output = try Fixtures.temporaryDirectory().appendingPathComponent("out.jsonl")
        let summary = try await FormalizationJob(problems: problems, output: output, formalizer: formalizer, concurrency: problemConcurrency).run()
        #expect(summary.progress.completedItems == 6)
        #expect(model.maximum >= 1 && model.maximum <= problemConcurrency * sampleConcurrency)
    }
}
