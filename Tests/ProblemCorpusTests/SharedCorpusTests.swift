import Foundation
import LeanPlayTestSupport
import ProblemCorpus
import Testing

@Suite struct SharedCorpusTests {
    @Test(.enabled(if: SharedFixtures.hasMiniF2F)) func loadsTheSharedMiniF2FCorpus() throws {
        let url = try #require(SharedFixtures.miniF2F)
        let problems = try CorpusLoader.load(url)
        #expect(problems.count == 488)
        #expect(Set(problems.map(\.id)).count == 488)
        #expect(problems.allSatisfy { $0.formalStatement?.contains("theorem") == true })
        #expect(problems.allSatisfy { !$0.informal.isEmpty })
        let splits = Set(problems.flatMap(\.tags))
        #expect(splits.isSubset(of: ["split:valid", "split:test"]))
    }
}
