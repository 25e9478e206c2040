public import Foundation

/// An attempt as stored in the ledger (table `attempts`).
public struct StoredAttempt: Sendable, Hashable {
    /// The row id, increasing in recording order.
    public var id: Int64
    /// The recorded fields.
    public var record: AttemptRecord
    /// When it was recorded.
    public var createdAt: Date

    /// Creates a value; the ledger makes these from rows.
    public init(id: Int64, record: AttemptRecord, createdAt: Date) {
        self.id = id
        self.record = record
        self.createdAt = createdAt
    }
}
