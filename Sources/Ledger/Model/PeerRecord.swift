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

    /// This machine's host name (`gethostname`), or `localhost` when it cannot be read: the `host` every
    /// LeanPlay peer registers with, and the first half of a default peer id (`HOST-PID`).
    public static var localHostName: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "localhost" : name
    }

    /// `HOST-PID` of this process: the default peer id.
    public static var localDefaultID: String { "\(localHostName)-\(getpid())" }
}
