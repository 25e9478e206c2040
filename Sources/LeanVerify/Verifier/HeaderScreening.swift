import LeanSource

/// The one thing refused in a header: an option that turns part of Lean's checking off.
///
/// The header (imports, `open`s, options) comes from the caller — a corpus line, `--header`, or
/// `[lean] default_header` — never from model output, and is trusted as such. One kind of header would
/// still make every verdict under it meaningless without a trace in `#print axioms`: a `debug.*` option
/// such as `set_option debug.skipKernelTC true`, which skips the kernel's type check for every later
/// declaration. Such a header is refused before Lean is called (rule ``VerificationRule/invalidHeader``).
/// The same options are refused in statements and proofs whatever the policy allows
/// (`HygienePolicy.allows(option:)`).
enum HeaderScreening {
    /// Why `header` cannot be verified under, or nil when it can.
    static func refusal(of header: String) -> String? {
        let tokens = LeanLexer.tokenizePartially(header).tokens.filter {
            $0.kind != .whitespace && $0.kind != .lineComment && $0.kind != .blockComment
        }
        for (index, token) in tokens.enumerated() where token.text == "set_option" && index + 1 < tokens.count {
            let option = tokens[index + 1].text
            if option.hasPrefix("debug.") {
                return "the header sets `\(option)` (line \(token.line)), which turns part of Lean's checking off, so no "
                    + "verdict under it would mean anything; remove it from the header. Lean was not called"
            }
        }
        return nil
    }
}
