import LeanVerify
import Synchronization

/// A scripted StatementValidating: statements containing "ILL_FORMED" fail with a Lean-like error,
/// those containing "HANG" time out; everything else is well-formed. Records every statement checked.
final class ScriptedValidator: StatementValidating, Sendable {
    private let log = Mutex<[String]>([])
    private let headerLog = Mutex<[String]>([])

    func validate(header: String, statement: String) async -> StatementCheck {
        log.withLock { $0.append(statement) }
        headerLog.withLock { $0.append(header) }
        if statement.contains("HANG") {
            return StatementCheck(status: .timeout, reason: "Lean did not answer in time")
        }
        if statement.contains("ILL_FORMED") {
            let error = VerdictError(severity: "error", message: "unknown identifier 'ILL_FORMED'", location: .statement, line: 1, column: 8)
            return StatementCheck(status: .illFormed, reason: "Lean reported 1 error", errors: [error])
        }
        return StatementCheck(status: .wellFormed, reason: "elaborated")
    }

    var checked: [String] { log.withLock { $0 } }
    /// The header of every check, in order.
    var headers: [String] { headerLog.withLock { $0 } }
}
