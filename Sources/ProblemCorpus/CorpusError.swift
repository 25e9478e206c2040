/// The one error type of ProblemCorpus. Names the file and line, says what is wrong with it and what
/// to do.
///
/// ```swift
/// do { _ = try CorpusLoader.load(url) }
/// catch { print(error) }   // "problems.jsonl:7: malformed JSON (…). Fix or remove the line."
/// ```
public struct CorpusError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong. New codes may be added without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        enum Kind: String, Sendable, Hashable {
            case unreadableFile = "unreadable-file"
            case unwritableFile = "unwritable-file"
            case invalidUTF8 = "invalid-utf8"
            case malformedJSON = "malformed-json"
            case missingKey = "missing-key"
            case wrongType = "wrong-type"
            case unrecognizedFormat = "unrecognized-format"
            case duplicateID = "duplicate-id"
            case lineTooLong = "line-too-long"
        }

        let kind: Kind

        /// The file could not be opened or read.
        public static let unreadableFile = Code(kind: .unreadableFile)
        /// The file could not be written.
        public static let unwritableFile = Code(kind: .unwritableFile)
        /// A line is not valid UTF-8.
        public static let invalidUTF8 = Code(kind: .invalidUTF8)
        /// A line is not a JSON object.
        public static let malformedJSON = Code(kind: .malformedJSON)
        /// A required key is absent.
        public static let missingKey = Code(kind: .missingKey)
        /// A key has a value of the wrong JSON type.
        public static let wrongType = Code(kind: .wrongType)
        /// A line's keys fit none of the known formats.
        public static let unrecognizedFormat = Code(kind: .unrecognizedFormat)
        /// A problem id appears a second time.
        public static let duplicateID = Code(kind: .duplicateID)
        /// A line is longer than `CorpusLoader.maximumLineBytes`.
        public static let lineTooLong = Code(kind: .lineTooLong)

        /// A stable, machine-readable name such as `"malformed-json"`.
        public var description: String { kind.rawValue }
    }

    /// What went wrong.
    public var code: Code
    /// What is wrong and what to do.
    public var message: String
    /// The file's path (or another origin name given by the caller).
    public var file: String
    /// The 1-based line number, when the problem is in one line.
    public var line: Int?

    /// Creates an error.
    public init(code: Code, message: String, file: String, line: Int? = nil) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
    }

    /// `"path:line: message"` (or `"path: message"`).
    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
