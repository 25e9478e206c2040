/// The error the `LeanPlay` umbrella module throws: configuration problems and run-level failures.
///
/// Its message says what went wrong and `fix` says what to do. It never contains secrets.
public struct LeanPlayError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is. New codes may be added; switch with a `default`.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        let name: String
        /// `leanplay.toml` or a flag is invalid.
        public static let configuration = Code(name: "configuration")
        /// No model endpoint is configured for a job that needs one.
        public static let modelNotConfigured = Code(name: "model-not-configured")
        /// An input file is missing or malformed.
        public static let input = Code(name: "input")
        /// An output file cannot be written.
        public static let output = Code(name: "output")
        /// The code's stable name, e.g. `"configuration"`.
        public var description: String { name }
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong, naming the file or flag involved.
    public var message: String
    /// What to do about it.
    public var fix: String

    /// Creates an error.
    public init(_ code: Code, _ message: String, fix: String) {
        self.code = code
        self.message = message
        self.fix = fix
    }

    /// The message, then the fix on its own indented line.
    public var description: String { "\(message)\n  fix: \(fix)" }
}
