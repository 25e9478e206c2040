/// The one error type of Evaluation: what went wrong, where, and what to do.
///
/// ```swift
/// do { _ = try EvaluationDirectory.open(url, configuration: configuration) }
/// catch { print(error) }   // "out/config.json: the configuration changed (samples: 8 → 16). …"
/// ```
public struct EvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong. New codes may be added without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        enum Kind: String, Sendable, Hashable {
            case configurationChanged = "configuration-changed"
            case unreadableDirectory = "unreadable-directory"
            case unwritableDirectory = "unwritable-directory"
            case invalidConfiguration = "invalid-configuration"
            case cancelled
            case prover
            case unreadableInput = "unreadable-input"
            case ledger
        }
        let kind: Kind
        /// The output directory holds an evaluation made with a different configuration.
        public static let configurationChanged = Code(kind: .configurationChanged)
        /// A file of the output directory could not be read or decoded.
        public static let unreadableDirectory = Code(kind: .unreadableDirectory)
        /// A file of the output directory could not be written.
        public static let unwritableDirectory = Code(kind: .unwritableDirectory)
        /// The configuration asks for something impossible (k above the sample count, a model strategy without a model).
        public static let invalidConfiguration = Code(kind: .invalidConfiguration)
        /// The run was cancelled; finished problems are kept.
        public static let cancelled = Code(kind: .cancelled)
        /// The prover failed in a way that stops the run (its recorder failed).
        public static let prover = Code(kind: .prover)
        /// An input file (an id list, a LeanDojo file) could not be read or decoded.
        public static let unreadableInput = Code(kind: .unreadableInput)
        /// The ledger an evaluation is shared through failed (cannot be read or written); what finished
        /// is kept there.
        public static let ledger = Code(kind: .ledger)
        /// A stable, machine-readable name such as `"configuration-changed"`.
        public var description: String { kind.rawValue }
    }

    /// What went wrong.
    public var code: Code
    /// What is wrong and what to do.
    public var message: String
    /// The file or problem concerned, when there is one.
    public var context: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, context: String? = nil) {
        self.code = code
        self.message = message
        self.context = context
    }

    /// `"context: message"` (or the message alone).
    public var description: String {
        if let context { return "\(context): \(message)" }
        return message
    }
}
