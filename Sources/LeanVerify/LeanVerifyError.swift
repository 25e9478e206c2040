/// The one error type of LeanVerify, thrown by its building blocks (``VerificationCommandBuilder``,
/// ``AxiomReport/parse(_:)``). ``LeanVerifier`` itself never throws: it turns every failure into a
/// ``Verdict``.
public struct LeanVerifyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong. New codes may be added without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        enum Value: String, Sendable, Hashable {
            case invalidStatement = "invalid-statement"
            case unparsableAxiomReport = "unparsable-axiom-report"
        }

        let value: Value

        /// The statement is not exactly one `theorem`/`lemma`/`example`, already carries a proof, or
        /// hides commands.
        public static let invalidStatement = Code(value: .invalidStatement)
        /// A `#print axioms` message did not have either of Lean's two shapes.
        public static let unparsableAxiomReport = Code(value: .unparsableAxiomReport)

        /// The code's stable name.
        public var description: String { value.rawValue }
    }

    /// What went wrong.
    public var code: Code
    /// What happened and what to do about it.
    public var message: String
    /// Where the problem came from (for example the statement text, shortened).
    public var context: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, context: String? = nil) {
        self.code = code
        self.message = message
        self.context = context
    }

    /// "message (context)": what happened and what to do, without internal code names.
    public var description: String {
        if let context { return "\(message) (\(context))" }
        return message
    }

    /// A short excerpt of untrusted text for error context: the first line, at most 120 characters.
    static func excerpt(_ text: String) -> String {
        let firstLine = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return firstLine.count > 120 ? String(firstLine.prefix(120)) + "…" : firstLine
    }
}
