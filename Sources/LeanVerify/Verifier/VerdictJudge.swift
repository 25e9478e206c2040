public import LeanREPL

/// Turns the REPL's answers to the three verification commands into a verdict. Pure: no I/O, so every
/// rule is unit-testable with hand-written responses.
///
/// Timeouts come first wherever they appear: a REPL that reports a timeout itself (`{"message": "…
/// timed out …"}`) → timeout by `wall-clock`; Lean's deterministic-timeout error → timeout by
/// `heartbeats` (neither is a judgement about the proof, so neither is cached).
///
/// The order of checks: the reference command (Lean error → rejected as an invalid statement), the
/// theorem command (Lean error → rejected; sorry → incomplete), then the type check (mismatch →
/// tampered), then the axioms report (missing or unparsable → rejected, `sorryAx` → incomplete,
/// non-whitelisted → rejected). A protocol-level error (`{"message": …}`) at any step judged nothing
/// → crashed (not final, never cached). Only when all pass is the proof accepted.
public enum VerdictJudge {
    /// The outcome of judging the theorem command.
    public enum TheoremOutcome: Sendable, Hashable {
        /// Lean elaborated the theorem cleanly; continue on this environment.
        case clean(env: Int)
        /// The verdict is already decided.
        case decided(Verdict)
    }

    /// Judges the response to the reference command (the statement as written, closed with `sorry`).
    /// Its own sorry warning and `sorries` are expected and ignored: they belong to the reference, which
    /// nothing accepted may depend on (`#print axioms` of the theorem would list `sorryAx`). Any error
    /// means the statement does not elaborate under the header: the verdict is rejected by
    /// ``VerificationRule/invalidStatement`` before the proof is sent.
    ///
    /// A limit that fires there (Lean's heartbeat limit, or a timeout the REPL reports) is `timeout`, not
    /// a refusal of the statement: it says nothing about the statement and must never be cached.
    public static func judgeReference(_ response: REPLResponse, command: VerificationCommand) -> TheoremOutcome {
        if let timeout = reportedTimeout(response, what: "the statement's reference command") { return .decided(timeout) }
        if let heartbeat = response.errors.first(where: { LeanMessageClassifier.isHeartbeatTimeout($0.data) }) {
            return .decided(.decided(.timeout, by: .heartbeats,
                "elaborating the statement on its own (the reference command) hit Lean's heartbeat limit; the proof "
                    + "was not checked: \(heartbeat.data)"))
        }
        if let protocolError = response.protocolError {
            return .decided(.decided(.crashed, by: .protocolError,
                "the REPL refused the statement's reference command: \(protocolError)"))
        }
        if let first = response.errors.first {
            return .decided(.decided(.rejected, by: .invalidStatement,
                "the statement does not elaborate under this header (checked on its own, closed with `sorry`): "
                    + "\(first.data); the proof was not checked",
                errors: response.errors.prefix(StatementJudge.maximumErrors).map {
                    // Statement-relative, like the theorem's: the verifier's heartbeat line does not count.
                    unmapped($0, location: .statement).shifted(by: 1 - command.positionMap.statementStartLine)
                }))
        }
        guard let env = response.env else {
            return .decided(.decided(.crashed, by: .protocolError,
                "the REPL answered the statement's reference command without an environment id"))
        }
        return .clean(env: env)
    }

    /// Judges the response to the theorem command.
    public static func judgeTheorem(_ response: REPLResponse, command: VerificationCommand) -> TheoremOutcome {
        if let timeout = reportedTimeout(response, what: "the theorem command") { return .decided(timeout) }
        if let protocolError = response.protocolError {
            return .decided(.decided(.crashed, by: .protocolError,
                "the REPL refused the theorem command: \(protocolError)"))
        }
        let reported = response.messages.filter(LeanMessageClassifier.isReportable).map {
            mapped($0, through: command.positionMap)
        }
        if let heartbeat = response.errors.first(where: { LeanMessageClassifier.isHeartbeatTimeout($0.data) }) {
            return .decided(.decided(.timeout, by: .heartbeats,
                "Lean stopped the proof at its deterministic heartbeat limit (the REPL process survives; raise "
                    + "[lean] max_heartbeats to give proofs more): \(heartbeat.data)",
                errors: reported))
        }
        if let firstError = response.messages.first(where: \.isError) {
            let rule = LeanMessageClassifier.rule(forError: firstError.data)
            let errorCount = response.errors.count
            let first = mapped(firstError, through: command.positionMap)
            return .decided(.decided(.rejected, by: rule,
                "Lean reported \(errorCount) error(s); the first \(describe(first)): \(firstError.data)",
                errors: reported))
        }
        if let sorryWarning = response.messages.first(where: { LeanMessageClassifier.isSorryWarning($0.data) }) {
            return .decided(.decided(.incomplete, by: .sorry, "Lean reported \"\(sorryWarning.data)\"", errors: reported))
        }
        if !response.sorries.isEmpty {
            return .decided(.decided(.incomplete, by: .sorry,
                "Lean reported \(response.sorries.count) `sorry` placeholder(s) in the proof", errors: reported))
        }
        guard let env = response.env else {
            return .decided(.decided(.crashed, by: .protocolError,
                "the REPL answered the theorem command without an environment id"))
        }
        return .clean(env: env)
    }

    /// Judges the response to the type-check command (`example : T := @NAME`); nil when it passed.
    public static func judgeTypeCheck(_ response: REPLResponse, command: VerificationCommand) -> Verdict? {
        if let timeout = reportedTimeout(response, what: "the type check") { return timeout }
        if let heartbeat = response.errors.first(where: { LeanMessageClassifier.isHeartbeatTimeout($0.data) }) {
            return .decided(.timeout, by: .heartbeats,
                "the type check `example : … := @\(command.theoremName)` hit Lean's heartbeat limit: \(heartbeat.data)")
        }
        if let protocolError = response.protocolError {
            // A protocol-level answer judged nothing: not final, so never cached (and never accepted).
            return .decided(.crashed, by: .protocolError,
                "the REPL refused the type check `example : … := @\(command.theoremName)`: \(protocolError)")
        }
        let errors = response.errors
        guard let first = errors.first else { return nil }
        return .decided(.tampered, by: .statementMismatch,
            "the elaborated theorem `\(command.theoremName)` does not have the statement's type: \(first.data)",
            errors: errors.map { unmapped($0, location: .typeCheck) })
    }

    /// Judges the response to `#print axioms NAME`; returns the verdict (accepted when every axiom is
    /// whitelisted) and the axioms found.
    public static func judgeAxioms(_ response: REPLResponse, command: VerificationCommand, policy: VerificationPolicy) -> Verdict {
        let name = command.theoremName
        if let timeout = reportedTimeout(response, what: "`#print axioms \(name)`") { return timeout }
        if let protocolError = response.protocolError {
            return .decided(.crashed, by: .protocolError,
                "the REPL refused `#print axioms \(name)` (\(protocolError)); not accepted (fail closed)")
        }
        let errors = response.errors
        if let first = errors.first {
            return .decided(.rejected, by: .axiomsReportMissing,
                "`#print axioms \(name)` failed (\(first.data)); not accepted (fail closed)",
                errors: errors.map { unmapped($0, location: .axiomsCheck) })
        }
        let report: AxiomReport
        switch findReport(in: response.messages, about: name) {
        case .found(let found): report = found
        case .missing:
            return .decided(.rejected, by: .axiomsReportMissing,
                "`#print axioms \(name)` produced no report about `\(name)`; not accepted (fail closed)")
        case .unparsable(let why):
            return .decided(.rejected, by: .axiomsReportUnparsable, "\(why); not accepted (fail closed)")
        }
        if report.usesSorry {
            return .decided(.incomplete, by: .sorryAxiom,
                "`\(name)` depends on `sorryAx`: the proof contains a sorry", axioms: report.axioms)
        }
        let outside = report.axioms(outside: policy.effectiveAxiomWhitelist).filter {
            !(policy.allowNativeComputation && NativeAxioms.isAuxiliary($0, of: report.constant))
        }
        if !outside.isEmpty {
            return .decided(.rejected, by: .nonStandardAxiom,
                "`\(name)` depends on axioms outside the whitelist: \(outside.joined(separator: ", "))",
                axioms: report.axioms)
        }
        let summary = report.axioms.isEmpty ? "no axioms" : report.axioms.joined(separator: ", ")
        return Verdict(status: .accepted, reason: "kernel-checked, depends on \(summary)", axioms: report.axioms)
    }

    /// A timeout the REPL (or a server in front of it) reported as a protocol-level answer.
    static func reportedTimeout(_ response: REPLResponse, what: String) -> Verdict? {
        guard let protocolError = response.protocolError, LeanMessageClassifier.isTimeoutReport(protocolError) else {
            return nil
        }
        return .decided(.timeout, by: .wallClock, "the REPL reported a timeout for \(what): \(protocolError)")
    }

    enum ReportSearch {
        case found(AxiomReport)
        case missing
        case unparsable(String)
    }

    /// Exactly one message must be a readable report about `name`, and no message may be unreadable.
    static func findReport(in messages: [LeanMessage], about name: String) -> ReportSearch {
        var reports: [AxiomReport] = []
        var unreadable: [String] = []
        for message in messages where !LeanMessageClassifier.isSorryWarning(message.data) {
            do throws(LeanVerifyError) {
                reports.append(try AxiomReport.parse(message.data))
            } catch {
                unreadable.append(error.message)
            }
        }
        if let firstUnreadable = unreadable.first { return .unparsable(firstUnreadable) }
        let relevant = reports.filter { $0.isAbout(name) }
        if relevant.count == 1 { return .found(relevant[0]) }
        if relevant.count > 1 {
            return .unparsable("`#print axioms \(name)` produced \(relevant.count) reports for the same constant")
        }
        if let other = reports.first {
            return .unparsable("`#print axioms \(name)` reported on `\(other.constant)` instead")
        }
        return .missing
    }

    static func mapped(_ message: LeanMessage, through map: ProofPositionMap) -> VerdictError {
        map.error(
            severity: message.severity.rawValue, message: message.data,
            line: message.pos.line, column: message.pos.column,
            endLine: message.endPos?.line, endColumn: message.endPos?.column)
    }

    static func unmapped(_ message: LeanMessage, location: VerdictError.Location) -> VerdictError {
        VerdictError(
            severity: message.severity.rawValue, message: message.data, location: location,
            line: message.pos.line, column: message.pos.column,
            endLine: message.endPos?.line, endColumn: message.endPos?.column)
    }

    static func describe(_ error: VerdictError) -> String {
        guard let line = error.line, let column = error.column else { return "has no position" }
        switch error.location {
        case .proof: return "is at proof line \(line), column \(column)"
        case .statement:
            // Lean reports goals the proof leaves open at the `by` that starts it: the most common failure.
            if error.message.hasPrefix("unsolved goals") {
                return "is that the proof ends with goals still open (Lean reports them at the statement's `by`, line \(line), column \(column))"
            }
            return "is in the statement, not in the proof (statement line \(line), column \(column)): check the statement and the header"
        default: return "is at \(line):\(column)"
        }
    }
}
