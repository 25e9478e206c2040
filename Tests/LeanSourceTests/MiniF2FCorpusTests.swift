import Foundation
import LeanPlayTestSupport
import LeanSource
import Testing

/// Every miniF2F statement in `../shared/corpora/minif2f.jsonl` parses and round-trips.
@Suite(.enabled(if: SharedFixtures.hasMiniF2F)) struct MiniF2FCorpusTests {
    struct Row: Decodable {
        var id: String
        var formal_statement: String
        var header: String
    }

    /// The corpus, read once per test process.
    private static let loaded: Result<[Row], any Error> = Result {
        guard let url = SharedFixtures.miniF2F else { return [] }
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            try JSONDecoder().decode(Row.self, from: Data(line.utf8))
        }
    }

    static func rows() throws -> [Row] { try loaded.get() }

    @Test func everyStatementParsesAndRoundTrips() throws {
        let rows = try Self.rows()
        #expect(rows.count == 488)
        var hashes: Set<String> = []
        for row in rows {
            let declaration = try LeanParser.parseDeclaration(row.formal_statement, origin: row.id)
            #expect(declaration.name == row.id, "\(row.id)")
            #expect(!declaration.conclusion.isEmpty, "\(row.id)")
            #expect(declaration.body == .tactics(""), "\(row.id)")
            #expect(declaration.binders.allSatisfy { !$0.names.isEmpty || $0.bracket == .instance }, "\(row.id)")
            let reparsed = try LeanParser.parseDeclaration(declaration.rendered(ending: .tacticBlock), origin: row.id)
            #expect(reparsed == declaration, "\(row.id)")
            #expect(reparsed.statementHash == declaration.statementHash)
            hashes.insert(declaration.statementHash)
        }
        #expect(hashes.count > 480, "distinct statements should hash apart")
    }

    @Test func headerParsesToAPreamble() throws {
        let header = try #require(try Self.rows().first).header
        let file = try LeanParser.parseFile(header, origin: "minif2f header")
        #expect(file.preamble.imports == ["Mathlib", "Aesop"])
        #expect(file.preamble.commands == ["set_option maxHeartbeats 0", "open BigOperators Real Nat Topology Rat"])
        #expect(file.declarations.isEmpty)
    }

    @Test func hypothesesNamedLikeHypothesesAreClassifiedSo() throws {
        for row in try Self.rows() {
            let declaration = try LeanParser.parseDeclaration(row.formal_statement, origin: row.id)
            for binder in declaration.binders where binder.names.contains(where: { $0.hasPrefix("h₀") }) {
                #expect(binder.isHypothesis, "\(row.id): \(binder.rendered)")
            }
        }
    }
}
