public import Ledger
public import ModelClient
import Synchronization
import Prover

/// A `ChatModel` that writes every response's token usage to the ledger under its round and role, as
/// the response arrives (``Ledger/addRoundTokens(_:role:usage:)``), then hands the response on.
///
/// Self-play rounds and `prove` passes wrap their model in one, so every token a round spends — the
/// conjecture stage's formalizer and variant requests included, which no attempt carries — reaches the
/// ledger and `leanplay report`. A ledger write that fails does not fail the request; it is kept in
/// ``failures`` for the round report.
public final class RoundTokenMeter: ChatModel {
    /// The wrapped model.
    public let model: any ChatModel
    /// The ledger written to.
    public let ledger: Ledger
    /// The round the usage is stored under.
    public let round: Int
    private let state = Mutex<(usage: [String: RoundTokens], failures: [String])>(([:], []))

    /// Wraps `model` for `round`.
    public init(model: any ChatModel, ledger: Ledger, round: Int) {
        self.model = model
        self.ledger = ledger
        self.round = round
    }

    /// Forwards `request`, then stores its usage.
    ///
    /// - Throws: whatever `ModelError` the wrapped model throws.
    public func complete(_ request: ChatRequest, role: ModelRole) async throws(ModelError) -> ChatResponse {
        let response = try await model.complete(request, role: role)
        let usage = RoundTokens(
            promptTokens: response.usage.promptTokens, completionTokens: response.usage.completionTokens,
            requests: 1, cacheHits: response.usage.cacheHits)
        do {
            try ledger.addRoundTokens(round, role: role.rawValue, usage: usage)
            state.withLock { $0.usage[role.rawValue] = ($0.usage[role.rawValue] ?? RoundTokens()) + usage }
        } catch {
            state.withLock { $0.failures.append("round \(round): storing \(role.rawValue) tokens failed (\(error.message))") }
        }
        return response
    }

    /// Usage this meter stored, by role (this process only; the ledger has the round's whole total).
    public var usage: [String: RoundTokens] { state.withLock { $0.usage } }

    /// Ledger writes that failed.
    public var failures: [String] { state.withLock { $0.failures } }
}

extension ProverServices {
    /// These services with the model wrapped in a ``RoundTokenMeter`` for `round` (unchanged without a model).
    func metered(ledger: Ledger, round: Int) -> (ProverServices, RoundTokenMeter?) {
        guard let model else { return (self, nil) }
        let meter = RoundTokenMeter(model: model, ledger: ledger, round: round)
        var services = self
        services.model = meter
        return (services, meter)
    }
}
