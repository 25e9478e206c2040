/// The one error type of the Prover module.
///
/// Failures from the world (the ledger, the REPL pool, the model, the prompt library) are wrapped with
/// the statement or round they concerned and a message that says what to do. Secrets never appear here:
/// the model layer already keeps API keys out of its own errors, and this type only copies their text.
public struct ProverError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is. New codes never break callers: match on the static members.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        enum Kind: String, Sendable, Hashable {
            case ledger
            case prompt
            case model
            case repl
            case invalidStatement
            case cancelled
            case configuration
        }

        let kind: Kind

        /// The ledger refused a read or a write.
        public static let ledger = Code(kind: .ledger)
        /// A prompt template was missing or failed to render.
        public static let prompt = Code(kind: .prompt)
        /// The model could not be reached or answered garbage for a whole request.
        public static let model = Code(kind: .model)
        /// The REPL pool failed outside of a single proof check.
        public static let repl = Code(kind: .repl)
        /// A statement could not be parsed as exactly one theorem, lemma or example.
        public static let invalidStatement = Code(kind: .invalidStatement)
        /// The surrounding task was cancelled; everything recorded so far is kept.
        public static let cancelled = Code(kind: .cancelled)
        /// The configuration cannot work (for example a strategy that needs a model but none is set).
        public static let configuration = Code(kind: .configuration)

        /// The code's stable name, e.g. `ledger`.
        public var description: String { kind.rawValue }
    }

    /// What kind of failure this is.
    public var code: Code
    /// What went wrong and what to do about it.
    public var message: String
    /// The formalization, statement or round the failure concerned, when known.
    public var context: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, context: String? = nil) {
        self.code = code
        self.message = message
        self.context = context
    }

    /// `context: message` (or the message alone): what happened and what to do, without internal code
    /// names; match on ``code`` in programs.
    public var description: String {
        guard let context else { return message }
        return "\(context): \(message)"
    }
}
