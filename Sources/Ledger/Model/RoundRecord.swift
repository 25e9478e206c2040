public import Foundation

/// A self-play round's bookkeeping (table `rounds`).
public struct RoundRecord: Sendable, Hashable {
    /// The round number, starting at 1.
    public var number: Int
    /// When it started.
    public var startedAt: Date
    /// When it finished; `nil` while running (or after a crash, until resumed and finished).
    public var finishedAt: Date?
    /// The JSON report stored when it finished.
    public var reportJSON: String?
    /// Which command the round belongs to (the command that finished it, when a killed round was resumed
    /// by another).
    public var kind: RoundKind

    /// Creates a value.
    public init(number: Int, startedAt: Date, finishedAt: Date?, reportJSON: String?, kind: RoundKind = .selfPlay) {
        self.number = number
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.reportJSON = reportJSON
        self.kind = kind
    }

    /// Whether the round has finished.
    public var isFinished: Bool { finishedAt != nil }
}
