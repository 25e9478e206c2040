import Conjecturer
import Foundation
import ModelClient
import ProblemCorpus
import Synchronization
import Testing

@Suite("FormalizationJob")
struct FormalizationJobTests {
    static let problems = [
        Problem(id: "a", informal: "Show that n + 0 = n."),
        Problem(id: "b", informal: "Show that 0 + n = n."),
        Problem(id: "c", informal: "Show that n * 1 = n."),
    ]

    /// A model answering every sample with a statement specific to the problem named in the prompt;
    /// problems listed in `failing` make it throw.
    static func model(failing: Set<String> = []) -> ScriptedChatModel {
        ScriptedChatModel { request throws(ModelError) in
            let prompt = request.promptText
            for id in failing where prompt.contains("named `\(id)`") { throw ModelError(.transport, "connection refused") }
            if prompt.contains("named `a`") { return leanAnswer("theorem a (n : ℕ) : n + 0 = n := by sorry") }
            if prompt.contains("named `b`") { return leanAnswer("theorem b (n : ℕ) : 0 + n = n := by sorry") }
            return leanAnswer("theorem c (n : ℕ) : n * 1 = n := by sorry")
        }
    }

    func job(_ problems: [Problem], output: URL, model: ScriptedChatModel, samples: Int = 2) throws -> FormalizationJob {
        let formalizer = try Autoformalizer(
            model: model, validator: ScriptedValidator(), prompts: try Fixtures.prompts(),
            exemplars: ExemplarPool(corpus: Fixtures.corpus), settings: .init(samplesPerProblem: samples, seed: 3)
        )
        return FormalizationJob(problems: problems, output: output, formalizer: formalizer, concurrency: 2)
    }

    @Test("writes one line per distinct formalization with exactly the documented keys")
    func writesRecords() async throws {
        let output = try Fixtures.temporaryDirectory().appendingPathComponent("out/formalizations.jsonl")
        let reports = Mutex<[JobProgress]>([])
        let summary = try await job(Self.problems, output: output, model: Self.model()).run { progress in
            reports.withLock { $0.append(progress) }
        }
        #expect(summary.progress == JobProgress(totalItems: 3, completedItems: 3, recordsWritten: 3))
        #expect(summary.failures.isEmpty)
        #expect(reports.withLock { $0.first } == JobProgress(totalItems: 3))
        #expect(reports.withLock { $0.last } == summary.progress)
        let lines = try Fixtures.jsonLines(output)
        #expect(lines.count == 3)
        #expect(Set(lines.compactMap { $0["problem_id"] as? String }) == ["a", "b", "c"])
        for line in lines {
            #expect(Set(line.keys) == ["problem_id", "formalization_id", "statement", "status", "lean_error", "sample_count", "provenance", "request_error", "header", "repaired_from"])
            let provenance = try #require(line["provenance"] as? [String: Any])
            #expect(Set(provenance.keys) == ["model", "template", "temperature", "seed", "repair_round"])
            #expect(line["status"] as? String == "well_formed")
            #expect(line["lean_error"] is NSNull)
            #expect(line["sample_count"] as? Int == 2)
        }
        let a = try #require(lines.first { $0["problem_id"] as? String == "a" })
        #expect(a["statement"] as? String == "theorem a (n : ℕ) : n + 0 = n := by")
    }

    @Test("a rerun skips problems already finished in OUT.jsonl")
    func resumeSkipsFinished() async throws {
        let output = try Fixtures.temporaryDirectory().appendingPathComponent("out.jsonl")
        _ = try await job(Array(Self.problems.prefix(2)), output: output, model: Self.model()).run()
        let model = Self.model()
        let summary = try await job(Self.problems, output: output, model: model).run()
        #expect(summary.progress.skippedItems == 2 && summary.progress.completedItems == 1)
        #expect(model.requestCount == 2, "only problem c was sampled")
        let ids = try Fixtures.jsonLines(output).compactMap { $0["problem_id"] as? String }
        #expect(ids.sorted() == ["a", "b", "c"])
        let again = Self.model()
        let nothing = try await job(Self.problems, output: output, model: again).run()
        #expect(nothing.progress.skippedItems == 3 && again.requestCount == 0)
    }

    @Test("a torn last write is cut off and its problem redone; earlier problems are kept")
    func tornWrite() async throws {
        let output = try Fixtures.temporaryDirectory().appendingPathComponent("out.jsonl")
        _ = try await job(Array(Self.problems.prefix(2)), output: output, model: Self.model()).run()
        let before = try Fixtures.jsonLines(output)
        let lastID = try #require(before.last?["problem_id"] as? String)
        let handle = try FileHandle(forWritingTo: output)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"problem_id":"c","formalization_id":"c/12"#.utf8))
        try handle.close()

        let model = Self.model()
        let summary = try await job(Self.problems, output: output, model: model).run()
        #expect(summary.discardedTornLines == 2, "the torn line and the last complete block")
        #expect(summary.progress.skippedItems == 1 && summary.progress.completedItems == 2)
        #expect(model.requestCount == 4)
        let ids = try Fixtures.jsonLines(output).compactMap { $0["problem_id"] as? String }
        #expect(ids.sorted() == ["a", "b", "c"])
        #expect(ids.filter { $0 == lastID }.count == 1)
    }

    @Test("a last block missing samples (fewer than k counted) is redone")
    func incompleteLastBlock() async throws {
        let output = try Fixtures.temporaryDirectory().appendingPathComponent("out.jsonl")
        let partial = #"{"problem_id":"a","formalization_id":"a/1","statement":"theorem a : True := by","status":"well_formed","lean_error":null,"sample_count":1,"provenance":{"model":"m","template":"formalize/direct","temperature":0.7,"seed":1,"repair_round":0}}"#
        try Data((partial + "\n").utf8).write(to: output)
        let model = Self.model()
        let summary = try await job([Self.problems[0]], output: output, model: model).run()
        #expect(summary.progress.completedItems == 1 && summary.discardedTornLines == 1)
        let lines = try Fixtures.jsonLines(output)
        #expect(lines.count == 1 && lines[0]["sample_count"] as? Int == 2)
    }

    @Test("a malformed line before the end is a typed error naming file and line; nothing is overwritten")
    func malformedOutput() async throws {
        let output = try Fixtures.temporaryDirectory().appendingPathComponent("out.jsonl")
        let original = "{\"problem_id\":\"a\",\"sample_count\":2}\nnot json at all\n{\"problem_id\":\"b\",\"sample_count\":2}\n"
        try Data(original.utf8).write(to: output)
        let error = await #expect(throws: ConjecturerError.self) {
            try await job(Self.problems, output: output, model: Self.model()).run()
        }
        #expect(error?.code == .outputMalformed)
        #expect(error?.line == 2 && error?.origin == output.path)
        #expect(try String(contentsOf: output, encoding: .utf8) == original)
    }

    @Test("a problem whose model fails is reported, not written, and retried by the next run")
    func failedProblemRetried() async throws {
        let output = try Fixtures.temporaryDirectory().appendingPathComponent("out.jsonl")
        let summary = try await job(Self.problems, output: output, model: Self.model(failing: ["b"])).run()
        #expect(summary.progress.failedItems == 1 && summary.progress.completedItems == 2)
        #expect(summary.failures.map(\.itemID) == ["b"])
        #expect(summary.failures.first?.error.code == .modelFailed)
        #expect(try Fixtures.jsonLines(output).compactMap { $0["problem_id"] as? String }.sorted() == ["a", "c"])
        let model = Self.model()
        let retry = try await job(Self.problems, output: output, model: model).run()
        #expect(retry.progress.completedItems == 1 && retry.progress.skippedItems == 2)
        #expect(try Fixtures.jsonLines(output).compactMap { $0["problem_id"] as? String }.sorted() == ["a", "b", "c"])
    }

    @Test("duplicate problem ids are processed once and reported")
    func duplicates() async throws {
        let output = try Fixtures.temporaryDirectory().appendingPathComponent("out.jsonl")
        let summary = try await job([Self.problems[0], Self.problems[0]], output: output, model: Self.model()).run()
        #expect(summary.duplicateIDs == ["a"])
        #expect(try Fixtures.jsonLines(output).count == 1)
    }
}
