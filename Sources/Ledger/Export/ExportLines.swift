import Foundation

// One Encodable type per export line. Optional values are written as `null`, never omitted, so every
// line of a kind has exactly the same keys.

struct SFTLine: Encodable {
    struct Message: Encodable {
        var role: String
        var content: String
    }

    var messages: [Message]
    var formalizationID: String
    var problemID: String
    var header: String
    var proofLength: Int

    enum CodingKeys: String, CodingKey {
        case messages, header
        case formalizationID = "formalization_id", problemID = "problem_id", proofLength = "proof_length"
    }
}

/// One line of the repair export: a proof repair (failed proof, Lean's error, fixed proof) or a
/// statement repair (ill-formed statement, Lean's error, repaired statement). `kind` says which; the keys
/// of the other kind are null.
struct RepairLine: Encodable {
    enum Kind: String, Encodable {
        case proofRepair = "proof_repair"
        case statementRepair = "statement_repair"
    }

    var kind: Kind
    var problemID: String
    var statement: String?
    var failedProof: String?
    var error: String?
    var fixedProof: String?
    var informal: String?
    var illFormedStatement: String?
    var repairedStatement: String?

    enum CodingKeys: String, CodingKey {
        case kind, statement, error, informal
        case problemID = "problem_id", failedProof = "failed_proof", fixedProof = "fixed_proof"
        case illFormedStatement = "ill_formed_statement", repairedStatement = "repaired_statement"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(problemID, forKey: .problemID)
        try container.encode(statement, forKey: .statement)
        try container.encode(failedProof, forKey: .failedProof)
        try container.encode(error, forKey: .error)
        try container.encode(fixedProof, forKey: .fixedProof)
        try container.encode(informal, forKey: .informal)
        try container.encode(illFormedStatement, forKey: .illFormedStatement)
        try container.encode(repairedStatement, forKey: .repairedStatement)
    }
}

struct PairLine: Encodable {
    /// Which text the line pairs with the statement.
    enum Kind: String, Encodable {
        /// The problem's own formal statement (from the corpus) with the problem's text.
        case corpusStatement = "corpus_statement"
        /// A model formalization of the problem's text.
        case autoformalization
        /// A variant with the natural-language statement the model that made it wrote (not the problem's).
        case modelVariant = "model_variant"
    }

    var problemID: String
    var formalizationID: String
    var informal: String
    var formalStatement: String
    var status: String
    var pairKind: Kind

    /// Who wrote `informal`: the problem set, or the model that made the variant.
    var informalSource: String { pairKind == .modelVariant ? "model" : "problem" }

    enum CodingKeys: String, CodingKey {
        case informal, status
        case problemID = "problem_id", formalizationID = "formalization_id", formalStatement = "formal_statement"
        case pairKind = "pair_kind", informalSource = "informal_source"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(problemID, forKey: .problemID)
        try container.encode(formalizationID, forKey: .formalizationID)
        try container.encode(informal, forKey: .informal)
        try container.encode(formalStatement, forKey: .formalStatement)
        try container.encode(status, forKey: .status)
        try container.encode(pairKind, forKey: .pairKind)
        try container.encode(informalSource, forKey: .informalSource)
    }
}

struct StepLine: Encodable {
    var state: String
    var tactic: String
    var formalizationID: String

    enum CodingKeys: String, CodingKey {
        case state, tactic
        case formalizationID = "formalization_id"
    }
}

struct CurriculumLine: Encodable {
    var formalizationID: String
    var statement: String
    var budgetLevel: Int
    var priorityReason: String

    enum CodingKeys: String, CodingKey {
        case statement
        case formalizationID = "formalization_id", budgetLevel = "budget_level", priorityReason = "priority_reason"
    }
}

struct RoundReportLine: Encodable {
    var summary: RoundSummary

    enum CodingKeys: String, CodingKey {
        case round, attempts, accepted, proved, disproved
        case startedAt = "started_at", finishedAt = "finished_at", formalizationsCreated = "formalizations_created"
        case promptTokens = "tokens_prompt", completionTokens = "tokens_completion", tokensByRole = "tokens_by_role", kind
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(summary.round, forKey: .round)
        try container.encode(summary.kind?.rawValue, forKey: .kind)
        try container.encode(summary.tokensByRole, forKey: .tokensByRole)
        try container.encode(summary.startedAt, forKey: .startedAt)
        try container.encode(summary.finishedAt, forKey: .finishedAt)
        try container.encode(summary.attempts, forKey: .attempts)
        try container.encode(summary.accepted, forKey: .accepted)
        try container.encode(summary.proved, forKey: .proved)
        try container.encode(summary.disproved, forKey: .disproved)
        try container.encode(summary.formalizationsCreated, forKey: .formalizationsCreated)
        try container.encode(summary.promptTokens, forKey: .promptTokens)
        try container.encode(summary.completionTokens, forKey: .completionTokens)
    }
}

struct FormalizationReportLine: Encodable {
    var formalizationID: String
    var problemID: String
    var statement: String
    var status: String
    var flags: [String]
    var bestProofLength: Int?
    var attempts: Int
    var budgetLevel: Int
    var promptTokens: Int
    var completionTokens: Int

    enum CodingKeys: String, CodingKey {
        case statement, status, flags, attempts
        case formalizationID = "formalization_id", problemID = "problem_id"
        case bestProofLength = "best_proof_length", budgetLevel = "budget_level"
        case promptTokens = "tokens_prompt", completionTokens = "tokens_completion"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(formalizationID, forKey: .formalizationID)
        try container.encode(problemID, forKey: .problemID)
        try container.encode(statement, forKey: .statement)
        try container.encode(status, forKey: .status)
        try container.encode(flags, forKey: .flags)
        try container.encode(bestProofLength, forKey: .bestProofLength)
        try container.encode(attempts, forKey: .attempts)
        try container.encode(budgetLevel, forKey: .budgetLevel)
        try container.encode(promptTokens, forKey: .promptTokens)
        try container.encode(completionTokens, forKey: .completionTokens)
    }
}
