import LeanVerify

extension StatementCheck {
    /// Lean's errors as text for records and repair prompts: "line:column: message" per error (positions
    /// in the checked command), or the reason when Lean gave no positioned error.
    var errorReport: String {
        let lines = errors.map { error -> String in
            if let line = error.line, let column = error.column { return "\(line):\(column): \(error.message)" }
            return error.message
        }
        if lines.isEmpty { return reason }
        return lines.joined(separator: "\n")
    }

    /// True when Lean judged the statement (well- or ill-formed), false when it could not (timeout,
    /// crash): only judged statements are worth repairing.
    var wasJudged: Bool { status == .wellFormed || status == .illFormed }

    /// The error recorded for a statement that is not well-formed: Lean's errors when Lean judged it,
    /// "not validated (timeout|crashed): reason" when it could not.
    var recordedError: String {
        wasJudged ? errorReport : "not validated (\(status.rawValue)): \(reason)"
    }
}
