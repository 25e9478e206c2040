import Conjecturer
import Foundation
import LeanPlayTestSupport
import ModelClient
import ProblemCorpus
import Synchronization
import Testing

/// Issue 12.9 (one request answering 400 must not lose the rest of the work) and issue 10.8 (a rerun
/// asking for more must extend the output, or say why it cannot), against the loopback model server.
@Suite("Partial failures and resume extension")
struct PartialFailureResumeTests {
    static let contextLengthExceeded = LoopbackReply.json(
        #"{"error":{"message":"This model's maximum context length is 4096 tokens.","type":"invalid_request_error","code":"context_length_exceeded"}}"#,
        status: 400)

    /// A server answering every request with `answer`, except the `failing`-th request (1-based),
    /// which gets HTTP 400 `context_length_exceeded`.
    static func server(failing: Int?, answer: @escaping @Sendable (LoopbackRequest) -> String) throws -> LoopbackModelServer {
        let count = Mutex(0)
        return try LoopbackModelServer { request in
            let number = count.withLock { value -> Int in
                value += 1
                return value
            }
            return number == failing ? Self.contextLengthExceeded : .completion(answering: request) { _ in answer(request) }
        }
    }

    static func client(_ server: LoopbackModelServer, cache: URL? = nil) throws -> OpenAICompatibleClient {
        var configuration = ModelClientConfiguration(endpoint: ModelEndpoint(baseURL: server.baseURL, model: "loopback-model"))
        configuration.retry = .none
        if let cache {
            configuration.cacheDirectory = cache
            configuration.cachePolicy = .readWrite
        } else {
            configuration.cachePolicy = .disabled
        }
        return try OpenAICompatibleClient(configuration: configuration)
    }

    static let problem = Problem(id: "a", informal: "Show that n + 0 = n.")

    static func formalizationJob(_ model: any ChatModel, samples: Int, problems: [Problem] = [problem], output: URL) throws -> FormalizationJob {
        let formalizer = try Autoformalizer(
            model: model, validator: ScriptedValidator(), prompts: try Fixtures.prompts(),
            exemplars: ExemplarPool(corpus: Fixtures.corpus), settings: .init(samplesPerProblem: samples, seed: 3, sampleConcurrency: 1))
        return FormalizationJob(problems: problems, output: output, formalizer: formalizer, concurrency: 1)
    }

    @Test("12.9 formalize: a sample answered with 400 is recorded as request_failed; the other samples are kept and a rerun asks only for it")
    func formalizeKeepsTheOtherSamples() async throws {
        let directory = try Fixtures.temporaryDirectory()
        let output = directory.appendingPathComponent("out.jsonl")
        let server = try Self.server(failing: 3) { _ in leanAnswer("theorem a (n : ℕ) : n + 0 = n := by sorry") }
        defer { server.stop() }
        let client = try Self.client(server, cache: directory.appendingPathComponent("cache"))

        let summary = try await Self.formalizationJob(client, samples: 4, output: output).run()
        #expect(summary.failures.isEmpty)
        #expect(summary.progress.completedItems == 1)
        let lines = try Fixtures.jsonLines(output)
        #expect(lines.map { $0["status"] as? String } == ["well_formed", "request_failed"])
        #expect(lines[0]["sample_count"] as? Int == 3)
        #expect(lines[1]["sample_count"] as? Int == 1)
        #expect(lines[1]["formalization_id"] as? String == "a/request_failed")
        #expect(lines[1]["statement"] is NSNull)
        #expect((lines[1]["request_error"] as? String)?.contains("context_length_exceeded") == true)
        #expect(lines[0]["request_error"] is NSNull)
        #expect(server.requestCount == 4)

        // A rerun asks again for the failed sample only (the others come from the response cache).
        let rerun = try await Self.formalizationJob(client, samples: 4, output: output).run()
        #expect(rerun.progress.completedItems == 1 && rerun.progress.skippedItems == 0)
        #expect(server.requestCount == 5)
        let after = try Fixtures.jsonLines(output)
        #expect(after.map { $0["status"] as? String } == ["well_formed"])
        #expect(after[0]["sample_count"] as? Int == 4)
    }

    @Test("12.9 formalize: when every request fails the problem is reported failed and nothing is written")
    func formalizeEveryRequestFailing() async throws {
        let output = try Fixtures.temporaryDirectory().appendingPathComponent("out.jsonl")
        let server = try LoopbackModelServer { _ in Self.contextLengthExceeded }
        defer { server.stop() }
        let summary = try await Self.formalizationJob(try Self.client(server), samples: 2, output: output).run()
        #expect(summary.failures.map(\.itemID) == ["a"])
        #expect(summary.failures.first?.error.code == .modelFailed)
        #expect(summary.failures.first?.error.message.contains("context_length_exceeded") == true)
        let written = FileManager.default.fileExists(atPath: output.path) ? try Fixtures.jsonLines(output) : []
        #expect(written.isEmpty)
    }

    @Test("10.8 formalize: --samples 4 over a file written with 2 samples redoes those problems with 4")
    func formalizeResumeWithMoreSamples() async throws {
        let output = try Fixtures.temporaryDirectory().appendingPathComponent("out.jsonl")
        let model = FormalizationJobTests.model()
        let b = Problem(id: "b", informal: "Show that 0 + n = n.")
        _ = try await Self.formalizationJob(model, samples: 2, problems: [Self.problem], output: output).run()
        _ = try await Self.formalizationJob(model, samples: 4, problems: [b], output: output).run()
        #expect(try Fixtures.jsonLines(output).map { $0["sample_count"] as? Int } == [2, 4])
        let before = model.requestCount

        // `a` (2 samples, not the last block) is redone with 4; `b` already has 4 and is skipped.
        let summary = try await Self.formalizationJob(model, samples: 4, problems: [Self.problem, b], output: output).run()
        #expect(summary.progress.skippedItems == 1 && summary.progress.completedItems == 1)
        #expect(summary.discardedTornLines == 1, "the line of the problem redone")
        #expect(model.requestCount == before + 4)
        let lines = try Fixtures.jsonLines(output)
        #expect(lines.map { $0["problem_id"] as? String } == ["b", "a"])
        #expect(lines.map { $0["sample_count"] as? Int } == [4, 4])

        // Same settings again: nothing to do.
        let again = try await Self.formalizationJob(model, samples: 4, problems: [Self.problem, b], output: output).run()
        #expect(again.progress.skippedItems == 2 && model.requestCount == before + 4)
    }

    @Test("10.8 formalize: a redo that fails puts the problem's earlier lines back; other problems' lines are untouched")
    func formalizeFailedRedoKeepsTheEarlierLines() async throws {
        let output = try Fixtures.temporaryDirectory().appendingPathComponent("out.jsonl")
        let b = Problem(id: "b", informal: "Show that 0 + n = n.")
        _ = try await Self.formalizationJob(FormalizationJobTests.model(), samples: 2, problems: [Self.problem, b], output: output).run()
        let before = try String(contentsOf: output, encoding: .utf8)

        // --samples 4 for `a` only, with a model that now fails every request.
        let summary = try await Self.formalizationJob(FormalizationJobTests.model(failing: ["a"]), samples: 4, output: output).run()
        #expect(summary.failures.map(\.itemID) == ["a"])
        #expect(summary.discardedTornLines == 0)
        let lines = try Fixtures.jsonLines(output)
        #expect(lines.map { $0["problem_id"] as? String } == ["b", "a"], "b (not in this run's input) kept, a put back")
        #expect(Set(try String(contentsOf: output, encoding: .utf8).split(separator: "\n")) == Set(before.split(separator: "\n")))
    }

    static let parent = VariantParent(id: "t-1", header: "", statement: "theorem t (x : ℕ) (h₀ : x ≤ 5) : x < 10 := by\n  omega")

    @Test("12.9 variants: a model request answered with 400 is recorded; the other operators' variants are kept")
    func variantsKeepTheOtherCandidates() async throws {
        let output = try Fixtures.temporaryDirectory().appendingPathComponent("variants.jsonl")
        let server = try Self.server(failing: 1) { _ in
            "```lean4\ntheorem t_variant_1 (h₀ : 3 ≤ 5) : 3 < 10 := by sorry\ntheorem t_variant_2 (x : ℕ) (h₀ : x ≤ 4) : x < 10 := by sorry\n```"
        }
        defer { server.stop() }
        let settings = VariantSettings(
            targetCount: 6, symbolicOperators: [.dropHypothesis, .perturbConstant],
            templateIDs: ["variants/special_case", "variants/generalization"], callsPerTemplate: 1)
        let generator = try VariantGenerator(model: try Self.client(server), validator: ScriptedValidator(), prompts: try Fixtures.prompts(), settings: settings)
        let summary = try await VariantJob(parents: [Self.parent], output: output, generator: generator).run()
        #expect(summary.failures.isEmpty)
        let lines = try Fixtures.jsonLines(output)
        let failed = lines.filter { $0["status"] as? String == "request_failed" }
        #expect(failed.count == 1)
        #expect(failed.first?["operator"] as? String == "variants/special_case")
        #expect(failed.first?["variant_id"] as? String == "t-1/request_failed/variants/special_case/0")
        #expect((failed.first?["request_error"] as? String)?.contains("context_length_exceeded") == true)
        let kept = lines.filter { $0["status"] as? String == "well_formed" }
        #expect(kept.contains { $0["source"] as? String == "symbolic" })
        #expect(kept.contains { $0["operator"] as? String == "variants/generalization" }, "the other template's answer is kept")
        #expect(server.requestCount == 2)
    }

    @Test("10.8 variants: --count 8 over an output holding 4 extends it to 8; beyond what the generators give, it says why")
    func variantsResumeExtends() async throws {
        let output = try Fixtures.temporaryDirectory().appendingPathComponent("variants.jsonl")
        func job(count: Int, validator: ScriptedValidator = ScriptedValidator()) throws -> VariantJob {
            let generator = try VariantGenerator(
                model: nil, validator: validator, prompts: try Fixtures.prompts(), settings: .init(targetCount: count, seed: 1))
            return VariantJob(parents: [Self.parent], output: output, generator: generator)
        }
        _ = try await job(count: 4).run()
        let first = try Fixtures.jsonLines(output)
        #expect(first.count == 4)

        let validator = ScriptedValidator()
        let extended = try await job(count: 8, validator: validator).run()
        #expect(extended.progress.completedItems == 1 && extended.notes.isEmpty)
        let lines = try Fixtures.jsonLines(output)
        #expect(lines.filter { $0["status"] as? String == "well_formed" }.count == 8)
        #expect(Set(lines.compactMap { $0["variant_id"] as? String }).count == 8, "no variant repeated")
        #expect(lines.prefix(4).map { $0["variant_id"] as? String } == first.map { $0["variant_id"] as? String })
        #expect(validator.checked.count == 4, "only the new candidates were validated")
        // The same variants as one run asking for 8 from the start.
        let fresh = try Fixtures.temporaryDirectory().appendingPathComponent("fresh.jsonl")
        _ = try await VariantJob(
            parents: [Self.parent], output: fresh,
            generator: try VariantGenerator(model: nil, validator: ScriptedValidator(), prompts: try Fixtures.prompts(), settings: .init(targetCount: 8, seed: 1))
        ).run()
        #expect(try Fixtures.jsonLines(fresh).map { $0["variant_id"] as? String } == lines.map { $0["variant_id"] as? String })

        // More than the symbolic operators can give: everything new is added, and the summary says why it stops.
        let most = try await job(count: 500).run()
        #expect(most.notes.count == 1)
        #expect(most.notes.first?.hasPrefix("t-1: ") == true)
        #expect(most.notes.first?.contains("of 500 well-formed variants") == true)
        let total = try Fixtures.jsonLines(output).count
        let again = try await job(count: 500).run()
        #expect(again.progress.recordsWritten == 0 && again.notes == most.notes.map { $0 }, "nothing new, the same reason")
        #expect(try Fixtures.jsonLines(output).count == total)
    }
}
