public import Foundation

/// One evaluation shared by peers through the ledger (table `evaluation_runs`): its configuration and
/// its problem list, stored once by the first peer that registers it
/// (``Ledger/registerEvaluationRun(id:configuration:problemIDs:)``).
public struct EvaluationRun: Sendable, Hashable {
    /// The run's id: the SHA-256 (lowercase hex) of the evaluation's `config.json`, so peers started with
    /// the same flags on the same benchmark name the same run.
    public var id: String
    /// The evaluation's configuration, as the `config.json` text it was registered with.
    public var configuration: String
    /// The problems to evaluate, by id, in benchmark order (an item's position is its index here).
    public var problemIDs: [String]
    /// When the first peer registered it.
    public var createdAt: Date
    /// When a peer finished it (every problem done, the summary stored); `nil` while it runs.
    public var finishedAt: Date?
    /// The peer that finished it.
    public var finishedBy: String?
    /// The summary stored when it finished (the evaluation's `summary.json`).
    public var summary: String?

    /// Creates a value.
    public init(
        id: String, configuration: String, problemIDs: [String], createdAt: Date, finishedAt: Date? = nil,
        finishedBy: String? = nil, summary: String? = nil
    ) {
        self.id = id
        self.configuration = configuration
        self.problemIDs = problemIDs
        self.createdAt = createdAt
        self.finishedAt = finishedAt
        self.finishedBy = finishedBy
        self.summary = summary
    }

    /// Whether a peer has finished the run.
    public var isFinished: Bool { finishedAt != nil }
}
