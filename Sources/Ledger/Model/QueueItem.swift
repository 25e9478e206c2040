/// One unit of work from the curriculum queue (``Ledger/nextWork(limit:)``).
public struct QueueItem: Sendable, Hashable, Codable {
    /// Why an item is in the queue.
    public enum Reason: String, Sendable, Hashable, Codable {
        /// Not yet proved or disproved.
        case open
        /// Proved; a shorter proof is wanted (low priority).
        case shorten
    }

    /// The formalization to work on.
    public var formalizationID: String
    /// Its Lean statement.
    public var statement: String
    /// Its Lean header.
    public var header: String
    /// Its budget level.
    public var budgetLevel: Int
    /// Why it is queued.
    public var reason: Reason
    /// Its flags, so callers can skip suspicious statements.
    public var flags: Set<FormalizationFlag>
    /// The length of its best proof, when ``reason`` is ``Reason/shorten``.
    public var bestProofLength: Int?

    /// Creates a value.
    public init(
        formalizationID: String, statement: String, header: String, budgetLevel: Int, reason: Reason,
        flags: Set<FormalizationFlag> = [], bestProofLength: Int? = nil
    ) {
        self.formalizationID = formalizationID
        self.statement = statement
        self.header = header
        self.budgetLevel = budgetLevel
        self.reason = reason
        self.flags = flags
        self.bestProofLength = bestProofLength
    }
}
