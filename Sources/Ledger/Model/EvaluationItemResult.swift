public import Foundation

/// A finished problem of a shared evaluation (``Ledger/evaluationResults(run:)``).
public struct EvaluationItemResult: Sendable, Hashable {
    /// The item's position in the run's problem list (0-based, benchmark order).
    public var position: Int
    /// The problem's id.
    public var problemID: String
    /// The problem's result as the completing peer stored it (the `results.jsonl` line, JSON).
    public var resultJSON: String
    /// The peer that completed it.
    public var doneBy: String
    /// When it was completed.
    public var doneAt: Date

    /// Creates a value.
    public init(position: Int, problemID: String, resultJSON: String, doneBy: String, doneAt: Date) {
        self.position = position
        self.problemID = problemID
        self.resultJSON = resultJSON
        self.doneBy = doneBy
        self.doneAt = doneAt
    }
}
