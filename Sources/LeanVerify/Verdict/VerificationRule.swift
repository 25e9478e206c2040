/// The names of the rules the verifier itself enforces; they appear in ``Verdict/rule``.
///
/// Static hygiene violations use the raw value of LeanSource's `HygieneRule` instead (for example
/// `"set-option"` or `"code-execution"`), so a verdict's rule always names the one check that decided it.
public enum VerificationRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// The proof is empty, whitespace or comments only; Lean was not called.
    case emptyProof = "empty-proof"
    /// The statement could not be parsed as exactly one `theorem`/`lemma`/`example`, or it hides commands.
    case invalidStatement = "invalid-statement"
    /// Lean reported an elaboration error.
    case leanError = "lean-error"
    /// Lean's kernel rejected the declaration (a message prefixed `(kernel)`).
    case kernelError = "kernel-error"
    /// The declaration still had metavariables when it reached the kernel.
    case metavariables = "metavariables"
    /// Lean reported `sorry`: the warning "declaration uses 'sorry'" or a `sorries` entry.
    case sorry = "sorry"
    /// `#print axioms` listed `sorryAx`.
    case sorryAxiom = "sorry-axiom"
    /// `#print axioms` listed an axiom outside the whitelist.
    case nonStandardAxiom = "non-standard-axiom"
    /// The separate `#print axioms` command produced no report for the theorem.
    case axiomsReportMissing = "axioms-report-missing"
    /// The `#print axioms` output could not be read.
    case axiomsReportUnparsable = "axioms-report-unparsable"
    /// The elaborated theorem does not have the statement's type (`example : T := @NAME` failed).
    case statementMismatch = "statement-mismatch"
    /// The header sets an option that turns part of Lean's checking off (`debug.*`); Lean was not called.
    case invalidHeader = "invalid-header"
    /// The REPL answered with a protocol-level error instead of a result.
    case protocolError = "protocol-error"
    /// Lean's own deterministic limit fired: the check ran out of `maxHeartbeats` (the verifier's
    /// `set_option maxHeartbeats H in`); the REPL process and its imported header survive.
    case heartbeats = "heartbeats"
    /// The wall-clock backstop fired: no answer in time (the REPL process was killed), a header import
    /// that did not finish, or a REPL/server that reported a timeout itself.
    case wallClock = "wall-clock"
    /// Lean did not answer in time. No longer produced (``heartbeats`` and ``wallClock`` say which limit
    /// fired); kept so verdicts stored by earlier versions still decode.
    case timeout = "timeout"
    /// The REPL process crashed or could not be used.
    case crashed = "crashed"
}
