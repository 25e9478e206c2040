import LeanVerify
import Synchronization

/// An in-test verifier: `accepts(statement, proof)` decides; every call is counted and kept.
final class ScriptedVerifier: ProofVerifying, StatementValidating {
    private let decide: @Sendable (String, String) -> Bool
    private let onCall: @Sendable (Int) -> Void
    private let calls = Mutex<[(statement: String, proof: String)]>([])

    init(onCall: @escaping @Sendable (Int) -> Void = { _ in }, accepts: @escaping @Sendable (_ statement: String, _ proof: String) -> Bool) {
        self.decide = accepts
        self.onCall = onCall
    }

    var checked: [(statement: String, proof: String)] { calls.withLock { $0 } }
    var callCount: Int { calls.withLock { $0.count } }

    func verify(header: String, statement: String, proof: String) async -> Verdict {
        let count = calls.withLock { calls in
            calls.append((statement, proof))
            return calls.count
        }
        onCall(count)
        if decide(statement, proof) {
            return Verdict(status: .accepted, reason: "accepted", axioms: ["propext"], elapsedMilliseconds: 5)
        }
        return Verdict(
            status: .rejected, reason: "lean-error: unsolved goals", rule: "lean-error",
            errors: [VerdictError(severity: "error", message: "unsolved goals", location: .proof, line: 1, column: 0)],
            elapsedMilliseconds: 5)
    }

    func validate(header: String, statement: String) async -> StatementCheck {
        statement.contains("ILL_FORMED")
            ? StatementCheck(status: .illFormed, reason: "elaboration error",
                             errors: [VerdictError(severity: "error", message: "unknown identifier 'ILL_FORMED'", location: .statement)])
            : StatementCheck(status: .wellFormed, reason: "elaborates")
    }
}
