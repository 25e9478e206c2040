/// The one error type of the LeanREPL module: what went wrong talking to a Lean REPL process, where
/// (worker, request), and what to do about it. Never contains environment values or secrets.
public struct LeanREPLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is. New codes may be added without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        enum Kind: String, Sendable, Hashable {
            case leanNotFound, invalidLaunch, spawnFailed, startupTimeout, timeout, crashed
            case protocolViolation, responseTooLarge, queueFull, shutDown, headerFailed, writeFailed
            case cancelled
        }
        let kind: Kind
        /// The REPL executable (or `lake`) could not be found, or the Lean project folder is not one.
        public static let leanNotFound = Code(kind: .leanNotFound)
        /// The launch command line is malformed (empty, unbalanced quotes).
        public static let invalidLaunch = Code(kind: .invalidLaunch)
        /// The operating system refused to start the process.
        public static let spawnFailed = Code(kind: .spawnFailed)
        /// A fresh REPL did not answer its first request in time.
        public static let startupTimeout = Code(kind: .startupTimeout)
        /// A request took longer than its timeout; the process group was killed.
        public static let timeout = Code(kind: .timeout)
        /// The REPL process exited while a request was pending.
        public static let crashed = Code(kind: .crashed)
        /// The REPL wrote something that is not a REPL response (garbage, partial JSON, unsolicited output).
        public static let protocolViolation = Code(kind: .protocolViolation)
        /// A response exceeded the configured maximum message size.
        public static let responseTooLarge = Code(kind: .responseTooLarge)
        /// The pool's wait queue is full.
        public static let queueFull = Code(kind: .queueFull)
        /// The pool or worker was shut down.
        public static let shutDown = Code(kind: .shutDown)
        /// Importing a session's header failed (Lean reported errors for it).
        public static let headerFailed = Code(kind: .headerFailed)
        /// Writing a request to the REPL's stdin failed.
        public static let writeFailed = Code(kind: .writeFailed)
        /// The calling task was cancelled; the request's process was killed.
        public static let cancelled = Code(kind: .cancelled)
        /// The code's name, e.g. `timeout`.
        public var description: String { kind.rawValue }
    }

    /// What kind of failure this is.
    public var code: Code
    /// What happened and what to do about it.
    public var message: String
    /// Which worker (e.g. `repl-worker-3 (pid 4242)`), when one was involved.
    public var worker: String?
    /// A summary of the request involved (kind and the first characters), when one was.
    public var request: String?
    /// The last lines the REPL wrote to stderr (bounded), for crashes and startup failures.
    public var stderrTail: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, worker: String? = nil, request: String? = nil, stderrTail: String? = nil) {
        self.code = code
        self.message = message
        self.worker = worker
        self.request = request
        self.stderrTail = stderrTail
    }

    /// One readable paragraph: worker, request, message and the stderr tail (no internal code names;
    /// match on ``code`` in programs).
    public var description: String {
        var text = "Lean REPL"
        if let worker { text += " \(worker)" }
        if let request { text += " while sending \(request)" }
        text += ": \(message)"
        if let stderrTail, !stderrTail.isEmpty {
            text += "\n--- REPL stderr (tail) ---\n\(stderrTail.suffix(4000))"
        }
        return text
    }

    func with(worker: String? = nil, request: String? = nil) -> LeanREPLError {
        var copy = self
        if copy.worker == nil { copy.worker = worker }
        if copy.request == nil { copy.request = request }
        return copy
    }
}
