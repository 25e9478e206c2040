/// The single outcome of checking one proof against the Lean kernel.
///
/// Only ``accepted`` means "proved"; every other status is a reason not to trust the proof.
public enum VerdictStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Lean elaborated the proof with no error and no `sorry`, the axioms it depends on are all
    /// whitelisted, and the elaborated theorem still has the statement's type.
    case accepted
    /// Lean reported an error (elaboration or kernel), a non-whitelisted axiom, an empty proof, or an
    /// axioms report that was missing or unreadable (fail closed).
    case rejected
    /// The proof is not finished: `sorry` (warning, `sorries` entry, or the `sorryAx` axiom).
    case incomplete
    /// The proof text tried to escape its body or forge the result: a static hygiene violation, or the
    /// elaborated theorem no longer has the statement's type.
    case tampered
    /// Lean did not answer within the configured time; the REPL process was killed.
    case timeout
    /// The REPL process died, spoke garbage, or could not be started; no judgement about the proof.
    case crashed
}
