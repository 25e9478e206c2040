public import Foundation

/// Counts for one self-play round (``Ledger/roundSummaries()``).
public struct RoundSummary: Sendable, Hashable {
    /// The round number (0 holds work recorded outside any round, such as corpus imports).
    public var round: Int
    /// When the round started, if it was started with ``Ledger/startRound(kind:)``.
    public var startedAt: Date?
    /// When it finished.
    public var finishedAt: Date?
    /// Attempts recorded in the round.
    public var attempts: Int
    /// Attempts with an accepted verdict.
    public var accepted: Int
    /// Formalizations that became proved in the round.
    public var proved: Int
    /// Formalizations that became disproved in the round.
    public var disproved: Int
    /// Formalizations created in the round.
    public var formalizationsCreated: Int
    /// Prompt tokens spent in the round, every role: the sum of ``tokensByRole`` when the round stored
    /// its usage (migration "v3-round-tokens"), else the sum over its attempts (older ledgers).
    public var promptTokens: Int
    /// Completion tokens spent in the round, counted like ``promptTokens``.
    public var completionTokens: Int
    /// Model usage per role (`formalizer`, `variant_generator`, `prover`); empty for rounds that stored none.
    public var tokensByRole: [String: RoundTokens]
    /// Which command the round belongs to (`nil` for round numbers that appear only in the data).
    public var kind: RoundKind?

    /// Creates an empty summary for `round`.
    public init(round: Int) {
        self.round = round
        attempts = 0
        accepted = 0
        proved = 0
        disproved = 0
        formalizationsCreated = 0
        promptTokens = 0
        completionTokens = 0
        tokensByRole = [:]
        kind = nil
    }
}
