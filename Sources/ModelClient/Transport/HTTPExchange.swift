import Foundation

/// One HTTP POST as the transport performs it. Holds the API key only inside `headers`, only for the
/// duration of the request; never printed.
struct HTTPRequest: Sendable {
    var url: String
    var headers: [String]
    var body: Data
    var timeout: Duration
    var connectTimeout: Duration
    var maxResponseBytes: Int
}

/// The final HTTP response received (after any `100 Continue`).
struct HTTPResponse: Sendable {
    var status: Int
    /// Header values by lowercased name; a repeated header keeps its last value.
    var headers: [String: String]
    var body: Data
}

/// Why a transfer produced no complete response.
enum TransportFailure: Error, Sendable {
    /// The request exceeded its timeout.
    case timeout(String)
    /// The connection could not be made or broke (refused, reset, DNS, TLS).
    case connection(String)
    /// The server closed the connection before the declared body arrived.
    case partialBody(status: Int, body: Data, message: String)
    /// The body exceeded the configured limit.
    case tooLarge(limit: Int)
    /// The calling task was cancelled.
    case cancelled
    /// libcurl could not be initialized or configured.
    case setup(String)
}
