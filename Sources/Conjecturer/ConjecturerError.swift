/// The one error type of the Conjecturer module: what went wrong, where (a template file, an output
/// file and line, a problem), and a message that says what to do about it.
public struct ConjecturerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is. New codes may be added without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        enum Kind: String, Sendable, Hashable {
            case promptsFolderMissing, templateUnreadable, templateSyntax, templateNotFound
            case missingVariable, missingPartial, invalidSettings, outputUnreadable, outputMalformed
            case outputWriteFailed, modelFailed, noTemplates, statementUnparsable, cancelled
        }

        let kind: Kind

        /// The prompts folder does not exist or is not a folder.
        public static let promptsFolderMissing = Code(kind: .promptsFolderMissing)
        /// A template file could not be read or is not valid UTF-8.
        public static let templateUnreadable = Code(kind: .templateUnreadable)
        /// A template file is not valid Mustache (or its role markers are malformed).
        public static let templateSyntax = Code(kind: .templateSyntax)
        /// No template with the requested id was loaded.
        public static let templateNotFound = Code(kind: .templateNotFound)
        /// A template uses a variable the render context does not provide.
        public static let missingVariable = Code(kind: .missingVariable)
        /// A template includes a partial that does not exist.
        public static let missingPartial = Code(kind: .missingPartial)
        /// Settings that cannot work (no samples, negative jitter, zero concurrency…).
        public static let invalidSettings = Code(kind: .invalidSettings)
        /// An existing output file could not be read for resuming.
        public static let outputUnreadable = Code(kind: .outputUnreadable)
        /// An existing output file has a malformed line before its end (not a torn last write).
        public static let outputMalformed = Code(kind: .outputMalformed)
        /// Appending to the output file failed.
        public static let outputWriteFailed = Code(kind: .outputWriteFailed)
        /// The model could not produce samples (after the model client's own retries).
        public static let modelFailed = Code(kind: .modelFailed)
        /// A job needs templates of a kind and the library has none.
        public static let noTemplates = Code(kind: .noTemplates)
        /// A parent statement for variant generation does not parse as one Lean declaration.
        public static let statementUnparsable = Code(kind: .statementUnparsable)

        /// The job or call was cancelled before it finished (finished problems stay recorded).
        public static let cancelled = Code(kind: .cancelled)

        /// The code's name, e.g. "missingVariable".
        public var description: String { kind.rawValue }
    }

    /// What kind of failure this is.
    public var code: Code
    /// A human-readable explanation that says what to do.
    public var message: String
    /// Where it happened: a template id or file path, an output file, a problem id.
    public var origin: String?
    /// The 1-based line in `origin`, when known.
    public var line: Int?

    /// Creates an error.
    public init(_ code: Code, _ message: String, origin: String? = nil, line: Int? = nil) {
        self.code = code
        self.message = message
        self.origin = origin
        self.line = line
    }

    /// "origin:line: message" (or the message alone): what happened and what to do, without internal
    /// code names; match on ``code`` in programs.
    public var description: String {
        guard let origin else { return message }
        if let line { return "\(origin):\(line): \(message)" }
        return "\(origin): \(message)"
    }
}
