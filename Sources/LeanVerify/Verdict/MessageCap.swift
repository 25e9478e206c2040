/// Bounds the text a verdict carries, so one runaway Lean message (a 3,000,000-character `simp` trace, a
/// huge term printed in a type mismatch) cannot bloat a results file, the ledger or a training export.
///
/// Long text keeps its head and its tail and says how much was cut in between:
///
/// ```swift
/// MessageCap.cap(String(repeating: "x", count: 3_000_000))
/// // "xxxx…(first 2,500)\n… [2,996,000 characters cut by LeanPlay] …\n(last 1,500)xxxx"
/// ```
public enum MessageCap {
    /// Characters kept from the start of a long text.
    public static let headCharacters = 2_500
    /// Characters kept from the end of a long text.
    public static let tailCharacters = 1_500
    /// Most errors a verdict keeps (the rest are counted in its reason).
    public static let maximumErrors = 50

    /// The text unchanged when it has at most `head + tail` characters; otherwise its first `head` and
    /// last `tail` characters around a marker naming how many characters were cut.
    public static func cap(_ text: String, head: Int = headCharacters, tail: Int = tailCharacters) -> String {
        // utf8 count bounds the character count from above: short texts return without a walk.
        guard text.utf8.count > head + tail, text.count > head + tail else { return text }
        let cut = text.count - head - tail
        return String(text.prefix(head)) + "\n… [\(cut) characters cut by LeanPlay] …\n" + String(text.suffix(tail))
    }
}

extension Verdict {
    /// This verdict with its reason and every error message capped (``MessageCap``) and at most
    /// ``MessageCap/maximumErrors`` errors kept.
    public func bounded() -> Verdict {
        var copy = self
        copy.reason = MessageCap.cap(reason)
        if copy.errors.count > MessageCap.maximumErrors {
            let dropped = copy.errors.count - MessageCap.maximumErrors
            copy.errors = Array(copy.errors.prefix(MessageCap.maximumErrors))
            copy.reason += " (\(dropped) further message(s) not kept)"
        }
        for index in copy.errors.indices { copy.errors[index].message = MessageCap.cap(copy.errors[index].message) }
        return copy
    }
}

extension StatementCheck {
    /// This check with its reason and error messages capped (``MessageCap``).
    public func bounded() -> StatementCheck {
        var copy = self
        copy.reason = MessageCap.cap(reason)
        for index in copy.errors.indices { copy.errors[index].message = MessageCap.cap(copy.errors[index].message) }
        return copy
    }
}
