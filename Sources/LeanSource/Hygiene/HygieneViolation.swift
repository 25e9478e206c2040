/// One place where a proof breaks a hygiene rule.
///
/// `line` (1-based) and `column` (0-based, in Unicode scalars, as Lean counts) are positions in the
/// proof text that was checked, not in any surrounding file.
public struct HygieneViolation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The rule broken.
    public var rule: HygieneRule
    /// The offending token(s) as written, e.g. `sorry`, `set_option maxHeartbeats`, `/-`.
    public var offending: String
    /// 1-based line in the proof text.
    public var line: Int
    /// 0-based column in the proof text.
    public var column: Int

    /// Creates a violation.
    public init(rule: HygieneRule, offending: String, line: Int, column: Int) {
        self.rule = rule
        self.offending = offending
        self.line = line
        self.column = column
    }

    /// Why this is rejected, in one sentence a person or a model can act on.
    public var explanation: String {
        switch rule {
        case .command:
            "`\(offending)` is a command, not part of a proof: the proof must be a single tactic block or term, "
                + "so remove it and prove the goal directly."
        case .sorry:
            "`\(offending)` leaves the goal unproved (the kernel would only accept it through the `sorryAx` axiom); "
                + "replace it with a real proof."
        case .codeExecution:
            "`\(offending)` runs or manipulates Lean's own code (meta-programming, IO, unsafe or external code), "
                + "which can forge results; use ordinary tactics instead."
        case .setOption:
            "`\(offending)` changes an option this verification does not allow; remove it."
        case .nativeComputation:
            "`\(offending)` trusts compiled code instead of the kernel (it adds `Lean.ofReduceBool`/compiler axioms); "
                + "use `decide`, `norm_num` or `omega` instead."
        case .unterminatedComment:
            "A `/-` comment is never closed, so it would swallow everything after the proof; close it with `-/`."
        case .unterminatedString:
            "A string literal is never closed, so it would swallow everything after the proof; close it with `\"`."
        case .unterminatedIdentifier:
            "A `«` quoted name is never closed by `»`; close it."
        case .emptyProof:
            "The proof is empty (only whitespace or comments); write the tactics or term that prove the goal."
        case .invalidUTF8:
            "The proof is not valid UTF-8; send it as UTF-8 text."
        case .unbalancedBracket:
            "`\(offending)` closes a bracket the proof never opened, so it would close the surrounding "
                + "declaration's text; remove it or add the matching opening bracket."
        case .ambiguousLexing:
            "`\(offending)` can be read by Lean with other bounds than by this check (character literals, "
                + "`{…}` in strings, raw strings, doc comments and `/-/` openers), so it could hide code; "
                + "remove it or write it plainly."
        }
    }

    /// `line:column: [rule] offending — explanation`.
    public var description: String { "\(line):\(column): [\(rule.rawValue)] \(offending) — \(explanation)" }
}
