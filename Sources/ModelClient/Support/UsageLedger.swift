import Synchronization

/// Token usage summed per role, safe to update from concurrent requests.
final class UsageLedger: Sendable {
    private let totals = Mutex<[ModelRole: TokenUsage]>([:])

    func add(_ usage: TokenUsage, for role: ModelRole) {
        totals.withLock { $0[role, default: .zero] += usage }
    }

    func usage(for role: ModelRole) -> TokenUsage {
        totals.withLock { $0[role] ?? .zero }
    }

    var byRole: [ModelRole: TokenUsage] {
        totals.withLock { $0 }
    }
}
