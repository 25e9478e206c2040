import Foundation
import ProblemCorpus
import Testing

struct TolerantLoadingTests {
    @Test func badLinesAreNamedAndTheRestIsKept() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tolerant-\(UUID().uuidString).jsonl")
        try """
            {"id": "a", "informal": "x"}
            {"id": "b", "informal":
            {"id": "c", "informal": "y"}
            {"id": "a", "informal": "again"}
            [1, 2]
            {"id": "d", "informal": "z", "formal_statement": "theorem d : True := by"}

            """.write(to: url, atomically: true, encoding: .utf8)
        let (problems, errors) = CorpusLoader.loadSkippingBadLines(url)
        #expect(problems.map(\.id) == ["a", "c", "d"])
        #expect(errors.map(\.line) == [2, 4, 5])
        #expect(errors.map(\.code) == [.malformedJSON, .duplicateID, .malformedJSON])
        #expect(errors[0].description.hasPrefix("\(url.path):2:"))
    }
}
