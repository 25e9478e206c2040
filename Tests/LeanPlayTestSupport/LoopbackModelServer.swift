public import Foundation
import Glibc

/// A real HTTP/1.1 server on 127.0.0.1 (ephemeral port) that answers `POST /v1/chat/completions` like an
/// OpenAI-compatible provider, from a script of replies or a closure. Test stand-in only.
///
/// ```swift
/// let server = try LoopbackModelServer { request in
///     .completion(answering: request) { "```lean4\ntheorem t : 2 + 2 = 4 := by norm_num\n``` #\($0)" }
/// }
/// defer { server.stop() }
/// let endpoint = ModelEndpoint(baseURL: server.baseURL, model: "loopback-model")
/// // … run the client …
/// #expect(server.requests.first?.chat?.n == 4)
/// ```
///
/// It records every request (headers and body), counts requests in flight, keeps connections alive,
/// and stops when `stop()` is called, when it is deinitialized, or after `maximumLifetime` at the latest.
/// It listens on the loopback interface only.
public final class LoopbackModelServer: Sendable {
    private let core: LoopbackServerCore

    /// The port the server listens on.
    public let port: Int

    /// Starts a server answering every request with `handler(request)`.
    ///
    /// - Throws: `LoopbackServerError` when the socket cannot be opened.
    public init(maximumLifetime: Duration = .seconds(120), handler: @escaping @Sendable (LoopbackRequest) -> LoopbackReply) throws(LoopbackServerError) {
        let listener = try Self.openListener()
        port = listener.port
        core = LoopbackServerCore(listener: listener.fd, handler: handler, deadline: ContinuousClock.now + maximumLifetime)
        core.start()
    }

    /// Starts a server answering the `script` replies in order, then `whenExhausted` for every later request.
    ///
    /// - Throws: `LoopbackServerError` when the socket cannot be opened.
    public convenience init(script: [LoopbackReply], whenExhausted: LoopbackReply = .serverError(500)) throws(LoopbackServerError) {
        let cursor = LoopbackScript(script)
        try self.init { _ in cursor.next() ?? whenExhausted }
    }

    deinit { core.stop() }

    /// Runs `body` with a started server and stops it afterwards.
    ///
    /// - Throws: `LoopbackServerError`, or what `body` throws.
    public static func withServer<T>(
        handler: @escaping @Sendable (LoopbackRequest) -> LoopbackReply,
        _ body: (LoopbackModelServer) async throws -> T
    ) async throws -> T {
        let server = try LoopbackModelServer(handler: handler)
        defer { server.stop() }
        return try await body(server)
    }

    /// `http://127.0.0.1:PORT/v1`, the base URL to configure a client with.
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)/v1")! }

    /// Every request received so far, in arrival order.
    public var requests: [LoopbackRequest] { core.snapshot().requests }

    /// How many requests were received so far.
    public var requestCount: Int { core.snapshot().requestCount }

    /// The most requests that were being answered at the same moment.
    public var maxConcurrentRequests: Int { core.snapshot().maxInFlight }

    /// Requests being answered now; a delayed reply stops counting when the client hangs up.
    public var requestsInFlight: Int { core.snapshot().inFlight }

    /// How many TCP connections were accepted (fewer than requests when keep-alive works).
    public var connectionCount: Int { core.snapshot().connections }

    /// Stops accepting, closes every connection, and lets the server's threads end.
    public func stop() { core.stop() }

    private static func openListener() throws(LoopbackServerError) -> (fd: Int32, port: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LoopbackServerError(operation: "socket", errorNumber: errno) }
        var yes: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else {
            let code = errno
            close(fd)
            throw LoopbackServerError(operation: "bind", errorNumber: code)
        }
        guard listen(fd, 256) == 0 else {
            let code = errno
            close(fd)
            throw LoopbackServerError(operation: "listen", errorNumber: code)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else {
            let code = errno
            close(fd)
            throw LoopbackServerError(operation: "getsockname", errorNumber: code)
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }
}
