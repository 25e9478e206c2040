import Foundation
import Ledger
import ProblemCorpus
import Prover
import SelfPlay
import Testing

@Suite("Self-play training exports")
struct SelfPlayExportTests {
    @Test("a finished round writes the ledger's exports with their schemas")
    func exports() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("leanplay-prover-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let ledger = try Ledger.inMemory()
        let verifier = ScriptedVerifier(accepts: SelfPlayRoundTests.accepts)
        let prover = ProverConfiguration(portfolio: AutomationPortfolio(tactics: ["rfl", "simp", "omega"]), concurrency: 2)
        let engine = SelfPlayEngine(
            ledger: ledger, corpus: SelfPlayRoundTests.corpus, services: ProverServices(verifier: verifier),
            validator: verifier,
            configuration: SelfPlayConfiguration(prover: prover, defaultHeader: "", exportDirectory: directory))
        let report = try await engine.runRound()
        #expect(Set(report.exports.keys) == ["sft", "repair", "steps", "pairs", "curriculum"])

        func rows(_ kind: String) throws -> [[String: Any]] {
            let text = try String(contentsOf: directory.appendingPathComponent("\(kind).jsonl"), encoding: .utf8)
            return try text.split(separator: "\n").map { line in
                try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            }
        }
        let sft = try rows("sft")
        #expect(!sft.isEmpty && sft.count == report.exports["sft"])
        #expect(sft.allSatisfy { $0["messages"] is [Any] && $0["formalization_id"] is String })
        let curriculum = try rows("curriculum")
        #expect(curriculum.contains { ($0["formalization_id"] as? String)?.hasPrefix("p_hard/") == true })
        #expect(curriculum.allSatisfy { Set(["formalization_id", "statement", "budget_level", "priority_reason"]).isSubset(of: $0.keys) })
        let pairs = try rows("pairs")
        #expect(pairs.contains { $0["status"] as? String == "disproved" })
        #expect(pairs.allSatisfy { $0["problem_id"] is String && $0["formal_statement"] is String })
    }
}
