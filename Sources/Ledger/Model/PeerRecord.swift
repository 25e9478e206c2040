public import Foundation

/// A peer as registered in the ledger's `peers` table (``Ledger/peers()``).
public struct PeerRecord: Sendable, Hashable {
    /// The peer id.
    public var id: String
    /// The host it registered from.
    public var host: String
    /// Its process id on that host.
    public var pid: Int
    /// The command it runs.
    public var command: String
    /// When it registered.
    public var startedAt: Date
    /// Its last heartbeat.
    public var lastSeenAt: Date

    /// Creates a value.
    public init(id: String, host: String, pid: Int, command: String, startedAt: Date, lastSeenAt: Date) {
        self.id = id
        self.host = host
        self.pid = pid
        self.command = command
        self.startedAt = startedAt
        self.lastSeenAt = lastSeenAt
    }
}
