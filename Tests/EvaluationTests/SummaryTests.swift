import Foundation
import ProblemCorpus
import Testing
@testable import Evaluation

struct SummaryTests {
    static func result(_ id: String, samples: Int, correct: Int, first: Int?) -> ProblemResult {
        ProblemResult(
            problemID: id, status: first == nil ? .unproved : .proved, samples: samples, correct: correct,
            firstSuccess: first, proof: first == nil ? nil : "simp", proofLength: first == nil ? nil : 1,
            searchSeconds: 1, leanSeconds: 0.5, leanChecks: samples, tokens: TokenCounts(prompt: 10, completion: 2), errors: [])
    }

    @Test func earlyExitSummaryPerSplitAndTag() throws {
        let problems = [
            Problem(id: "a", informal: "", formalStatement: "theorem a : True := by", tags: ["split:test", "algebra"]),
            Problem(id: "b", informal: "", formalStatement: "theorem b : True := by", tags: ["split:test"]),
            Problem(id: "c", informal: "", formalStatement: "theorem c : True := by", tags: ["split:valid", "algebra"]),
        ]
        let configuration = EvaluationConfiguration(benchmark: "bench", model: "m", strategy: .wholeProof, samples: 4)
        let summary = EvaluationSummary(
            configuration: configuration, problems: problems,
            results: [Self.result("a", samples: 1, correct: 1, first: 1), Self.result("b", samples: 4, correct: 0, first: nil),
                      Self.result("c", samples: 3, correct: 1, first: 3)],
            skipped: ["d"])
        #expect(summary.estimator == "early_exit")
        let third: Double = 1.0 / 3
        let expected: [String: Double] = ["1": third, "2": third, "4": 2 * third]
        #expect(summary.passAtK == expected)
        #expect(summary.bySplit["test"]?.passAtK["4"] == 0.5)
        #expect(summary.bySplit["valid"]?.passAtK["2"] == 0)
        #expect(summary.byTag["algebra"]?.proved == 2)
        #expect(summary.skipped == 1 && summary.skippedProblems == ["d"])
        #expect(summary.leanChecks == 8 && summary.tokens == TokenCounts(prompt: 30, completion: 6))

        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(summary)) as? [String: Any]
        for key in ["benchmark", "model", "strategy", "samples", "problems", "skipped", "proved", "accuracy", "pass_at_k",
                    "estimator", "average_proof_length", "average_search_seconds", "lean_seconds", "lean_checks", "tokens",
                    "by_split", "by_tag"] {
            #expect(json?[key] != nil, "summary.json lacks \(key)")
        }
    }

    @Test func allSamplesSummaryUsesTheUnbiasedEstimator() {
        let problems = [
            Problem(id: "a", informal: "", formalStatement: "theorem a : True := by"),
            Problem(id: "b", informal: "", formalStatement: "theorem b : True := by"),
        ]
        let configuration = EvaluationConfiguration(benchmark: "bench", model: "m", strategy: .wholeProof, samples: 4, ks: [1, 2], allSamples: true)
        let summary = EvaluationSummary(
            configuration: configuration, problems: problems,
            results: [Self.result("a", samples: 4, correct: 1, first: 2), Self.result("b", samples: 4, correct: 2, first: 1)])
        #expect(summary.estimator == "unbiased")
        // a: 1/4 and 1 − C(3,2)/C(4,2) = 1/2; b: 2/4 and 1 − C(2,2)/C(4,2) = 5/6.
        #expect(abs(summary.passAtK["1"]! - (0.25 + 0.5) / 2) < 1e-12)
        #expect(abs(summary.passAtK["2"]! - (0.5 + 5.0 / 6) / 2) < 1e-12)
    }

    @Test func resultLineUsesTheContractKeys() throws {
        let line = try JSONEncoder().encode(Self.result("a", samples: 2, correct: 0, first: nil))
        let json = try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
        #expect(Set(json.keys) == ["problem_id", "status", "samples", "correct", "first_success", "proof", "proof_length",
                                   "search_seconds", "lean_seconds", "lean_checks", "tokens", "errors"])
        #expect(json["first_success"] is NSNull)
        #expect((json["tokens"] as? [String: Int]) == ["prompt": 10, "completion": 2])
    }
}
