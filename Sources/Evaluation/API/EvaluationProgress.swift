/// Reported after each problem finishes.
public struct EvaluationProgress: Sendable, Hashable {
    /// Problems finished in this run.
    public var completed: Int
    /// Problems this run evaluates.
    public var total: Int
    /// Problems proved so far in this run.
    public var proved: Int
    /// The problem that just finished.
    public var problemID: String
}

/// Receives progress; called from concurrent tasks.
public typealias EvaluationProgressHandler = @Sendable (EvaluationProgress) -> Void
