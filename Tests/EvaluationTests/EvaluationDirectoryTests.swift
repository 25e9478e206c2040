import Foundation
import Prover
import Testing
@testable import Evaluation

struct EvaluationDirectoryTests {
    static func temporary() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("eval-dir-\(UUID().uuidString)")
    }

    static let configuration = EvaluationConfiguration(benchmark: "bench.jsonl", model: "m", strategy: .wholeProof, samples: 8)

    @Test func aChangedConfigurationIsAnErrorNamingTheField() throws {
        let url = Self.temporary()
        _ = try EvaluationDirectory.open(url, configuration: Self.configuration)
        var sameButFaster = Self.configuration
        sameButFaster.concurrency = 16
        _ = try EvaluationDirectory.open(url, configuration: sameButFaster)  // concurrency never changes results
        var changed = Self.configuration
        changed.samples = 16
        changed.ks = [1, 16]
        do {
            _ = try EvaluationDirectory.open(url, configuration: changed)
            Issue.record("a changed configuration must be refused")
        } catch {
            #expect(error.code == .configurationChanged)
            #expect(error.message.contains("samples: 8 → 16") && error.message.contains("--out"))
        }
    }

    /// The verification policy decides which proofs count (`--allow-native`, the axiom whitelist,
    /// `max_heartbeats`): results measured under another policy must not be mixed in on resume.
    @Test func aChangedVerificationPolicyIsAChangedConfiguration() throws {
        let url = Self.temporary()
        var strict = Self.configuration
        strict.verification = "axioms=Quot.sound,propext;options=;native=false;maxHeartbeats=400000"
        _ = try EvaluationDirectory.open(url, configuration: strict)
        _ = try EvaluationDirectory.open(url, configuration: strict)
        var native = strict
        native.verification = "axioms=Lean.ofReduceBool,Quot.sound,propext;options=;native=true;maxHeartbeats=400000"
        do {
            _ = try EvaluationDirectory.open(url, configuration: native)
            Issue.record("a changed verification policy must be refused")
        } catch {
            #expect(error.code == .configurationChanged)
            #expect(error.message.contains("verification:") && error.message.contains("native=true"), "\(error.message)")
        }
    }

    @Test func automationNeedsAPortfolio() throws {
        let empty = EvaluationConfiguration(benchmark: "b", model: nil, strategy: .automation, samples: 1,
                                            portfolio: AutomationPortfolio(tactics: []))
        #expect(throws: EvaluationError.self) { try empty.validate() }
        #expect(throws: Never.self) { try EvaluationConfiguration(benchmark: "b", model: nil, strategy: .automation, samples: 1).validate() }
    }

    @Test func resultsSurviveAKillMidLine() throws {
        let url = Self.temporary()
        let directory = try EvaluationDirectory.open(url, configuration: Self.configuration)
        let result = ProblemResult(
            problemID: "a", status: .proved, samples: 1, correct: 1, firstSuccess: 1, proof: "simp", proofLength: 4,
            searchSeconds: 1, leanSeconds: 1, leanChecks: 1, tokens: TokenCounts(), errors: [])
        try directory.append(result)
        let handle = try FileHandle(forWritingTo: directory.resultsURL)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"problem_id":"b","sta"#.utf8))  // killed while writing
        try handle.close()
        #expect(try directory.finishedResults() == [result])

        try Data("{\"problem_id\": 3}\n".utf8).write(to: directory.resultsURL)
        do {
            _ = try directory.finishedResults()
            Issue.record("a bad line must be named")
        } catch {
            #expect(error.context?.hasSuffix("results.jsonl:1") == true)
        }
    }
}
