import Foundation
import LeanPlayTestSupport
import LeanVerify
import Testing

/// 438 miniF2F proofs a real Lean accepted (DeepSeek-Prover-V2, ../shared/real-proofs): each goes through
/// the real verifier path — statement parsing and prefixes, static hygiene, command building, the
/// reference, the type pin and the axiom check — against `fake-lean-repl` told to accept whatever reaches
/// it. None may be refused except by a documented policy listed in ``policyExceptions``.
@Suite("Real kernel-accepted proofs are never refused", .enabled(if: SharedFixtures.hasRealProofs && FakeREPL.isBuilt))
struct RealProofsRegressionTests {
    struct Row: Decodable, Sendable {
        var id: String
        var split: String
        var header: String
        var statement: String
        var proof: String
    }

    /// Proofs the default `VerificationPolicy` refuses on purpose, by id: the policy and the rule it
    /// decides by. (`native_decide`, `decide +native` and `bv_decide` are refused by the
    /// `native-computation` rule unless `--allow-native`; no proof of this set uses them today.)
    static let policyExceptions: [String: (policy: String, rule: String)] = [:]

    static func rows() throws -> [Row] {
        let url = try #require(SharedFixtures.realProofs)
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Row.self, from: Data($0.utf8)) }
    }

    @Test func everyProofIsAcceptedOrRefusedOnlyByADocumentedPolicy() async throws {
        let rows = try Self.rows()
        #expect(rows.count == 438)
        // The stand-in is slow on the longest proofs (46 KB) on a loaded machine: a generous limit keeps
        // this a test of LeanPlay's checks, not of the machine's speed.
        let workers = 2
        let (verdicts, _) = try await OracleVerifierFixture.withVerifier(requestTimeout: .seconds(300), workers: workers) { verifier in
            await withTaskGroup(of: (Int, Verdict).self) { group in
                var verdicts: [(Row, Verdict)?] = Array(repeating: nil, count: rows.count)
                var next = 0
                func submit() {
                    let index = next, row = rows[index]
                    next += 1
                    group.addTask {
                        (index, await verifier.verify(header: row.header, statement: row.statement, proof: row.proof))
                    }
                }
                while next < min(workers, rows.count) { submit() }
                while let (index, verdict) = await group.next() {
                    verdicts[index] = (rows[index], verdict)
                    if next < rows.count { submit() }
                }
                return verdicts.compactMap { $0 }
            }
        }
        #expect(verdicts.count == rows.count)
        var unexpected: [String] = []
        for (row, verdict) in verdicts {
            if let exception = Self.policyExceptions[row.id] {
                #expect(verdict.status != .accepted && verdict.rule == exception.rule,
                        "\(row.id) should be refused by \(exception.policy) (\(exception.rule)): \(verdict.reason)")
            } else if verdict.status != .accepted {
                unexpected.append("\(row.id): \(verdict.status) \(verdict.rule ?? "") — \(verdict.reason)")
            }
        }
        #expect(unexpected.isEmpty, "\(unexpected.count) honest proofs refused; first: \(unexpected.prefix(5))")
    }

    @Test func everyStatementKeepsItsPrefixesAndPinsByReference() throws {
        for row in try Self.rows() {
            let command = try VerificationCommandBuilder.build(statement: row.statement, proof: row.proof)
            #expect(command.referenceCommand.hasSuffix("\n  := by sorry"), "\(row.id)")
            #expect(command.typeCheckCommand == "example : type_of% @\(command.referenceName) := @\(command.theoremName)")
            #expect(!command.referenceCommand.contains("/--"), "\(row.id): the doc comment is not part of the reference")
        }
    }
}
