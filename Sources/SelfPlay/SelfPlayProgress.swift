import Prover
/// Progress of a round, for the CLI's progress bar.
public struct SelfPlayProgress: Sendable, Hashable {
    /// The stage a round is in.
    public enum Stage: String, Sendable, Hashable, Codable {
        /// Adding the corpus's problems and formal statements.
        case corpus
        /// Formalizing problems without formal statements with the model.
        case formalize
        /// Generating variants of hard open and recently proved formalizations.
        case variants
        /// Proving and disproving queued formalizations.
        case prove
        /// Writing the round report.
        case finish
    }

    /// The round.
    public var round: Int
    /// The stage.
    public var stage: Stage
    /// Units of the stage done.
    public var completed: Int
    /// Units of the stage in all.
    public var total: Int

    /// Creates a progress value.
    public init(round: Int, stage: Stage, completed: Int, total: Int) {
        self.round = round
        self.stage = stage
        self.completed = completed
        self.total = total
    }
}

/// Receives progress; called from any task.
public typealias SelfPlayProgressHandler = @Sendable (SelfPlayProgress) -> Void
