/// The rule a proof broke; the raw value is the stable name used in verdicts, ledgers and exports.
public enum HygieneRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// A command keyword (`theorem`, `axiom`, `#eval`, `@[…]`, `macro`, `open` at column 0, …): the
    /// proof would end the declaration and add commands of its own.
    case command = "command"
    /// `sorry`, `admit`, `sorryAx` or `stop`: the goal is left unproved.
    case sorry = "sorry"
    /// Code execution or meta-programming that can forge results: `run_tac`, `IO`, `unsafe`,
    /// `implemented_by`, `extern`, `Lean.Elab`/`Lean.Meta`/… names, `open Lean`.
    case codeExecution = "code-execution"
    /// `set_option` with an option the policy does not allow.
    case setOption = "set-option"
    /// Trusting compiled code instead of the kernel: `native_decide`, `decide +native`,
    /// `Lean.ofReduceBool`, `bv_decide`, … (unless the policy allows it).
    case nativeComputation = "native-computation"
    /// A `/-` comment never closed: it would swallow everything after the proof.
    case unterminatedComment = "unterminated-comment"
    /// A string literal never closed.
    case unterminatedString = "unterminated-string"
    /// A `«` quoted name never closed by `»`.
    case unterminatedIdentifier = "unterminated-identifier"
    /// Nothing but whitespace and comments.
    case emptyProof = "empty-proof"
    /// Bytes that are not valid UTF-8.
    case invalidUTF8 = "invalid-utf8"
    /// A closing bracket with no opener in the proof: it would close brackets of the surrounding text.
    case unbalancedBracket = "unbalanced-bracket"
    /// A literal or comment Lean's parser may read with other bounds than this check does (a character
    /// literal, a string whose `{…}` could be an interpolation, a raw string with escapes, a doc comment,
    /// a `/-/` comment opener): the text could hide code from the check, so it is refused.
    case ambiguousLexing = "ambiguous-lexing"
}
