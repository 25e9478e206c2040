import Conjecturer
import Foundation
import LeanPlayTestSupport
import LeanSource
import Testing

@Suite("Symbolic mutations over miniF2F", .enabled(if: SharedFixtures.hasMiniF2F))
struct MiniF2FMutationTests {
    @Test("every mutation of a twelfth of the miniF2F statements re-parses, keeps its name and differs from its parent")
    func mutationsReparse() throws {
        let url = try #require(SharedFixtures.miniF2F)
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        var parents = 0, mutations = 0
        var byOperator: [SymbolicOperator: Int] = [:]
        // Every 12th statement keeps the test under ~2 s in debug builds while covering every operator.
        for line in lines.enumerated().filter({ $0.offset % 12 == 0 }).map(\.element) {
            let row = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let statement = try #require(row["formal_statement"] as? String)
            guard let parent = try? LeanParser.parseDeclaration(statement) else { continue }
            parents += 1
            for (op, variants) in SymbolicMutator.allMutations(of: parent) {
                for variant in variants {
                    let text = variant.rendered()
                    let reparsed = try LeanParser.parseDeclaration(text)
                    #expect(reparsed.name == parent.name, "\(op): \(text)")
                    #expect(reparsed.statementHash != parent.statementHash, "\(op) returned the parent: \(text)")
                    mutations += 1
                    byOperator[op, default: 0] += 1
                }
            }
        }
        #expect(parents >= 40)
        #expect(mutations > parents * 5)
        #expect(Set(byOperator.keys) == Set(SymbolicOperator.allCases), "every operator fires somewhere: \(byOperator)")
    }
}
