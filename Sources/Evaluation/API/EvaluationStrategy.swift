/// How each sample of a problem is produced.
public enum EvaluationStrategy: String, Sendable, Hashable, Codable, CaseIterable {
    /// One whole proof from the model per sample, checked as one command.
    case wholeProof = "whole-proof"
    /// A whole proof per sample; a failed one gets up to `repairRounds` repair rounds (the sample
    /// succeeds when any proof of its chain is accepted).
    case wholeProofRepair = "whole-proof+repair"
    /// One step-wise best-first search over REPL proof states per sample.
    case search
    /// The automation portfolio alone, no model: one deterministic sample per problem.
    case automation

    /// True when the strategy needs a model.
    public var needsModel: Bool { self != .automation }
}
