/// When and how long to wait before retrying a failed request.
///
/// Retries happen on HTTP 408, 409, 425, 429 and 5xx, on provider error objects carrying such a code,
/// on timeouts, and on transport failures (refused or reset connections, bodies cut short). The wait
/// before attempt `k + 1` is the provider's `Retry-After` when given, otherwise "full jitter": a random
/// duration in `0...min(maximumDelay, initialDelay × 2^(k-1))`.
public struct RetryPolicy: Sendable, Hashable {
    /// Total attempts including the first (1 = never retry).
    public var maxAttempts: Int
    /// The backoff cap for the first retry.
    public var initialDelay: Duration
    /// The largest backoff between two attempts.
    public var maximumDelay: Duration
    /// The longest `Retry-After` honoured; a provider asking for more fails with `.rateLimited`.
    public var maximumRetryAfter: Duration

    /// Creates a policy; `maxAttempts` must be at least 1.
    public init(
        maxAttempts: Int = 5,
        initialDelay: Duration = .milliseconds(500),
        maximumDelay: Duration = .seconds(30),
        maximumRetryAfter: Duration = .seconds(300)
    ) {
        precondition(maxAttempts >= 1, "RetryPolicy.maxAttempts must be at least 1")
        self.maxAttempts = maxAttempts
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.maximumRetryAfter = maximumRetryAfter
    }

    /// Never retry.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The full-jitter backoff before the retry that follows failed attempt `attempt` (1-based).
    ///
    /// `unitRandom` is a number in `0..<1`.
    func backoff(afterAttempt attempt: Int, unitRandom: Double) -> Duration {
        let exponent = min(max(attempt - 1, 0), 30)
        let ceiling = min(initialDelay.seconds * Double(1 << exponent), maximumDelay.seconds)
        return .seconds(max(0, ceiling * unitRandom))
    }
}

extension Duration {
    /// The duration in seconds as a Double.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }

    /// Whole milliseconds, at least 1 for any positive duration.
    var wholeMilliseconds: Int {
        let milliseconds = seconds * 1000
        if milliseconds <= 0 { return 0 }
        return max(1, Int(milliseconds.rounded(.up)))
    }
}
