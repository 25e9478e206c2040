import Foundation
import LeanPlayTestSupport
import LeanVerify
import Testing

/// Every real miniF2F statement must be accepted by the command builder (no honest statement refused),
/// and its commands must have the expected shape.
@Suite("Commands for the miniF2F corpus", .enabled(if: SharedFixtures.hasMiniF2F))
struct MiniF2FCommandTests {
    struct Row: Decodable {
        var id: String
        var formal_statement: String
    }

    static func rows() throws -> [Row] {
        let url = try #require(SharedFixtures.miniF2F)
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Row.self, from: Data($0.utf8)) }
    }

    @Test func everyStatementBuildsCommands() throws {
        let rows = try Self.rows()
        #expect(rows.count == 488)
        var refused: [String] = []
        for row in rows {
            do {
                let command = try VerificationCommandBuilder.build(statement: row.formal_statement, proof: "nlinarith\nsimp")
                #expect(command.mode == .tactic)
                #expect(command.theoremName == row.id || row.formal_statement.contains("theorem \(command.theoremName)"))
                #expect(command.theoremCommand.hasSuffix(":= by\n  nlinarith\n  simp"))
                #expect(command.typeCheckCommand.hasSuffix(":= @\(command.theoremName)"))
                #expect(command.positionMap.proofLineLengths == [9, 4])
            } catch {
                refused.append("\(row.id): \(error)")
            }
        }
        #expect(refused.isEmpty, "\(refused.prefix(5))")
    }
}
