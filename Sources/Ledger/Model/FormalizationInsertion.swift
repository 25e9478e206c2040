/// The result of ``Ledger/addFormalization(_:)``.
public struct FormalizationInsertion: Sendable, Hashable {
    /// The id of the stored formalization: the new one, or the existing one with the same statement hash.
    public var id: String
    /// `false` when a formalization with the same statement hash already existed (nothing was written).
    public var inserted: Bool

    /// Creates a value.
    public init(id: String, inserted: Bool) {
        self.id = id
        self.inserted = inserted
    }
}
