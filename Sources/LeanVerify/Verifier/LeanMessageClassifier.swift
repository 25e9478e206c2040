import LeanREPL

/// Recognizes the Lean messages the verifier's rules depend on.
public enum LeanMessageClassifier {
    /// True when the text is Lean's sorry warning, in either quoting: "declaration uses 'sorry'" (older
    /// toolchains) or "declaration uses `sorry`" (current ones).
    public static func isSorryWarning(_ text: String) -> Bool {
        text.contains("declaration uses 'sorry'") || text.contains("declaration uses `sorry`")
    }

    /// True for a kernel error (Lean prefixes those with "(kernel)").
    public static func isKernelError(_ text: String) -> Bool {
        text.trimmingWhitespace().hasPrefix("(kernel)")
    }

    /// True for "declaration has metavariables" (elaborator or kernel).
    public static func isMetavariableError(_ text: String) -> Bool {
        text.contains("declaration has metavariables")
    }

    /// True for Lean's deterministic-timeout error: "(deterministic) timeout at `whnf`, maximum number
    /// of heartbeats (400000) has been reached", the kernel's "(kernel) deterministic timeout", and
    /// older spellings ("deterministic timeout").
    public static func isHeartbeatTimeout(_ text: String) -> Bool {
        text.contains("(deterministic) timeout") || text.contains("deterministic timeout")
            || text.contains("maximum number of heartbeats")
    }

    /// True when a REPL or server's protocol-level answer (`{"message": …}`) reports a timeout rather
    /// than a refusal, e.g. `{"message": "command timed out"}` or "Lean process timeout"
    /// (``REPLResponse/isTimeoutReport(_:)``).
    public static func isTimeoutReport(_ protocolError: String) -> Bool {
        REPLResponse.isTimeoutReport(protocolError)
    }

    /// The verifier rule an error message falls under: kernel error, metavariables, or plain Lean error.
    public static func rule(forError text: String) -> VerificationRule {
        if isMetavariableError(text) { return .metavariables }
        if isKernelError(text) { return .kernelError }
        return .leanError
    }

    /// True when a message must be reported in a verdict: errors, and sorry warnings of any severity.
    static func isReportable(_ message: LeanMessage) -> Bool {
        message.isError || isSorryWarning(message.data)
    }
}
