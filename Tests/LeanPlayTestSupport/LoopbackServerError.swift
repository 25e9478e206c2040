/// Why the loopback server could not start.
public struct LoopbackServerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The failing system call ("socket", "bind", "listen", "getsockname").
    public var operation: String
    /// The `errno` it set.
    public var errorNumber: Int32

    /// "loopback server: bind failed (errno 98)".
    public var description: String {
        "loopback server: \(operation) failed (errno \(errorNumber)); another process may hold the port, or sockets are unavailable"
    }
}
