import LeanREPL

/// Turns the REPL's answer to a statement-with-`sorry` command into a ``StatementCheck``.
enum StatementJudge {
    /// How many of Lean's errors a check keeps.
    static let maximumErrors = 5

    static func judge(_ response: REPLResponse, command: String) -> StatementCheck {
        if let protocolError = response.protocolError, LeanMessageClassifier.isTimeoutReport(protocolError) {
            return StatementCheck(status: .timeout, reason: "the REPL reported a timeout for the statement: \(protocolError)", command: command)
        }
        if let protocolError = response.protocolError {
            return StatementCheck(status: .crashed, reason: "the REPL refused the statement: \(protocolError)", command: command)
        }
        if let heartbeat = response.errors.first(where: { LeanMessageClassifier.isHeartbeatTimeout($0.data) }) {
            // The budget ran out: nothing is known about the statement.
            return StatementCheck(status: .timeout, reason: "elaborating the statement hit Lean's heartbeat limit: \(heartbeat.data)",
                                  command: command)
        }
        let errors = response.errors.prefix(maximumErrors).map { VerdictJudge.unmapped($0, location: .statement) }
        if let first = errors.first {
            return StatementCheck(
                status: .illFormed, reason: "Lean reported \(response.errors.count) error(s); the first: \(first.message)",
                errors: Array(errors), command: command)
        }
        guard response.env != nil else {
            return StatementCheck(status: .crashed, reason: "the REPL answered without an environment id", command: command)
        }
        return StatementCheck(status: .wellFormed, reason: "the statement elaborates (closed with sorry)", command: command)
    }
}
