/// Runs `beat` every `seconds` on `clock` until the task is cancelled: the lease heartbeat of a peer.
///
/// ```swift
/// let heartbeat = Heartbeat.start(every: 20, clock: clock) { try? ledger.renewLeases(…) }
/// defer { heartbeat.cancel() }
/// ```
enum Heartbeat {
    static func start(every seconds: Double, clock: any Clock<Duration>, _ beat: @escaping @Sendable () -> Void) -> Task<Void, Never> {
        Task {
            while !Task.isCancelled {
                do {
                    try await clock.sleep(for: .milliseconds(Int64((seconds * 1000).rounded(.up))))
                } catch {
                    return
                }
                if Task.isCancelled { return }
                beat()
            }
        }
    }
}
