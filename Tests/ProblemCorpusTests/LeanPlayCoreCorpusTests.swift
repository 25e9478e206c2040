import Foundation
import LeanPlayTestSupport
import LeanSource
import ProblemCorpus
import Testing

@Suite struct LeanPlayCoreCorpusTests {
    private var url: URL { SharedFixtures.corporaDirectory.appendingPathComponent("leanplay-core.jsonl") }

    @Test func loadsWithUniqueIDsAndTheDocumentedShape() throws {
        let problems = try CorpusLoader.load(url, format: .leanplay)
        #expect(problems.count >= 100)
        #expect(Set(problems.map(\.id)).count == problems.count)
        let core = problems.filter { $0.tags.contains("core") }
        #expect(core.count >= 40)
        for problem in problems {
            #expect(!problem.informal.isEmpty, "\(problem.id)")
            #expect(["easy", "medium", "hard"].contains(problem.difficulty ?? ""), "\(problem.id)")
            #expect(problem.tags.contains("core") != problem.tags.contains("mathlib"), "\(problem.id)")
            if let statement = problem.formalStatement {
                #expect(statement.hasPrefix("theorem \(problem.id) "), "\(problem.id)")
                #expect(statement.hasSuffix(":= by"), "\(problem.id)")
            }
        }
        // Core statements must not lean on Mathlib notation or names.
        for problem in core {
            let statement = try #require(problem.formalStatement, "\(problem.id)")
            #expect(problem.header == "", "\(problem.id)")
            for mathlibOnly in ["ℕ", "ℤ", "ℝ", "Finset", "Real.", "Nat.Prime", "∑"] {
                #expect(!statement.contains(mathlibOnly), "\(problem.id) uses \(mathlibOnly)")
            }
        }
        let informalOnly = problems.filter { $0.formalStatement == nil }
        #expect(!informalOnly.isEmpty && informalOnly.count < problems.count / 5)
    }

    @Test func roundTripsThroughTheWriter() throws {
        let problems = try CorpusLoader.load(url)
        let original = try String(contentsOf: url, encoding: .utf8)
        // The file's separators may differ from the writer's; compare decoded values.
        let rewritten = CorpusWriter.jsonl(for: problems)
        #expect(rewritten.split(separator: "\n").count == original.split(separator: "\n").count)
        let reloaded = try withTemporaryCorpus(rewritten) { url in try CorpusLoader.load(url) }
        #expect(reloaded == problems)
    }
}

@Suite struct LeanPlayCoreCorpusParsingTests {
    @Test func everyFormalStatementParsesWithLeanParser() throws {
        let url = SharedFixtures.corporaDirectory.appendingPathComponent("leanplay-core.jsonl")
        let problems = try CorpusLoader.load(url)
        for problem in problems {
            guard let statement = problem.formalStatement else { continue }
            let declaration = try LeanParser.parseDeclaration(statement, origin: problem.id)
            #expect(declaration.name == problem.id)
            #expect(declaration.keyword == .theorem)
            #expect(!declaration.conclusion.isEmpty, "\(problem.id)")
            #expect(declaration.body == .tactics("") || declaration.body == .none, "\(problem.id): \(declaration.body)")
        }
    }
}
