public import Foundation

/// The time source for retry backoff; inject a manual one in tests so nothing sleeps for real.
public protocol RetryClock: Sendable {
    /// Suspends for `duration`.
    ///
    /// - Throws: `CancellationError` when the task is cancelled while sleeping.
    func sleep(for duration: Duration) async throws
    /// The current wall-clock time, used to interpret `Retry-After` HTTP dates.
    var now: Date { get }
}

/// The real clock: `Task.sleep` and `Date()`.
public struct SystemRetryClock: RetryClock {
    /// Creates the real clock.
    public init() {}

    /// Suspends for `duration` on the continuous clock.
    ///
    /// - Throws: `CancellationError` when the task is cancelled.
    public func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }

    /// `Date()`.
    public var now: Date { Date() }
}
