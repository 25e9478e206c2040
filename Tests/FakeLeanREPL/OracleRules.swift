import Foundation

/// The `--oracle FILE.json` rules (format documented at the top of main.swift).
struct OracleRules: Decodable {
    struct HeaderRule: Decodable {
        var contains: String?
        var result: String?
        var message: String?
    }

    struct ProofRule: Decodable {
        var statementContains: String?
        var proofContains: String?
        var proofEquals: String?
        var result: String?
        var message: String?
        var axioms: [String]?
        var type: String?
        /// An extra warning message (e.g. the older "declaration uses 'sorry'" spelling) added to an "ok".
        var warning: String?
        /// Replaces the `#print axioms` info text verbatim; "" → no message at all.
        var axiomsReport: String?

        enum CodingKeys: String, CodingKey {
            case statementContains = "statement_contains", proofContains = "proof_contains"
            case proofEquals = "proof_equals", result, message, axioms, type, warning
            case axiomsReport = "axioms_report"
        }

        func matches(statement: String, proof: String) -> Bool {
            if let statementContains, !statement.contains(statementContains) { return false }
            if let proofContains, !proof.contains(proofContains) { return false }
            if let proofEquals, proof.trimmingCharacters(in: .whitespacesAndNewlines) != proofEquals.trimmingCharacters(in: .whitespacesAndNewlines) {
                return false
            }
            return true
        }
    }

    struct TacticRule: Decodable {
        var goalContains: String?
        var tactic: String
        var goals: [String]?
        var error: String?

        enum CodingKeys: String, CodingKey {
            case goalContains = "goal_contains", tactic, goals, error
        }
    }

    var headers: [HeaderRule] = []
    var rules: [ProofRule] = []
    var tactics: [TacticRule] = []

    enum CodingKeys: String, CodingKey { case headers, rules, tactics }

    init() {}

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        headers = try c.decodeIfPresent([HeaderRule].self, forKey: .headers) ?? []
        rules = try c.decodeIfPresent([ProofRule].self, forKey: .rules) ?? []
        tactics = try c.decodeIfPresent([TacticRule].self, forKey: .tactics) ?? []
    }

    static func load(_ path: String?) throws -> OracleRules {
        guard let path else { return OracleRules() }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try JSONDecoder().decode(OracleRules.self, from: data)
    }
}
