/// A message Lean reported while elaborating (an error, a warning such as "declaration uses `sorry`",
/// or information such as `#print axioms` output).
public struct LeanMessage: Sendable, Hashable, Codable {
    /// How serious a message is. Unknown severities from newer REPLs are kept verbatim.
    public struct Severity: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
        /// The REPL's spelling, e.g. `"error"`.
        public var rawValue: String
        /// Creates a severity from the REPL's spelling.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// `"error"`: the command failed.
        public static let error = Severity(rawValue: "error")
        /// `"warning"`, e.g. "declaration uses `sorry`".
        public static let warning = Severity(rawValue: "warning")
        /// `"info"`, e.g. `#print axioms` and `#eval` output.
        public static let info = Severity(rawValue: "info")
        /// The raw value.
        public var description: String { rawValue }

        /// Decodes the bare string.
        /// - Throws: `DecodingError` when the value is not a string.
        public init(from decoder: any Decoder) throws {
            rawValue = try decoder.singleValueContainer().decode(String.self)
        }

        /// Encodes the bare string.
        /// - Throws: `EncodingError` only from the underlying encoder.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }
    }

    /// Error, warning or info.
    public var severity: Severity
    /// Where the message starts.
    public var pos: LeanPosition
    /// Where the message ends, when Lean gave a range.
    public var endPos: LeanPosition?
    /// The message text (may span several lines).
    public var data: String

    /// Creates a message.
    public init(severity: Severity, pos: LeanPosition, endPos: LeanPosition? = nil, data: String) {
        self.severity = severity
        self.pos = pos
        self.endPos = endPos
        self.data = data
    }

    /// True for `"error"` messages.
    public var isError: Bool { severity == .error }
}
