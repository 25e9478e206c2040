public import Foundation

/// One item of a round's stored work list, leased to one peer until ``expiresAt``
/// (``Ledger/leaseWork(round:peer:limit:leaseSeconds:)``).
///
/// While the lease holds, no other peer is given the item; the holder renews it with its heartbeat
/// (``Ledger/renewLeases(round:peer:leaseSeconds:)``) and ends it with
/// ``Ledger/completeWork(_:peer:resultJSON:)`` or ``Ledger/releaseWork(round:peer:)``. A lease that
/// expires (the peer died, or stalled past `lease_seconds`) can be taken by another peer.
public struct WorkLease: Sendable, Hashable {
    /// The round whose work list holds the item.
    public var round: Int
    /// The item's position in the round's work list (0-based).
    public var position: Int
    /// The item, as stored with the round (reason, budget level and flags as when the list was stored).
    public var item: QueueItem
    /// The peer holding the lease.
    public var peer: String
    /// When the lease expires unless renewed (ledger clock, ``LedgerConfiguration/now``).
    public var expiresAt: Date
    /// Leases taken on this item so far, this one included: 1 for a first lease, more when the item was
    /// taken over after a lease expired.
    public var leaseCount: Int

    /// Creates a value.
    public init(round: Int, position: Int, item: QueueItem, peer: String, expiresAt: Date, leaseCount: Int) {
        self.round = round
        self.position = position
        self.item = item
        self.peer = peer
        self.expiresAt = expiresAt
        self.leaseCount = leaseCount
    }
}
