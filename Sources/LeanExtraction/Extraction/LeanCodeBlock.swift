/// One piece of Lean code found in model output.
public struct LeanCodeBlock: Sendable, Hashable {
    /// How the code was delimited in the output.
    public enum Delimiter: String, Sendable, Hashable, Codable {
        /// Inside a ```` ``` ```` or `~~~` fence.
        case fence
        /// Written as plain text, without a fence.
        case bare
    }

    /// The code, without fences and without the final newline before the closing fence.
    public var code: String
    /// The fence's language tag, lowercased (`"lean"`, `"lean4"`, or `""` for none); nil for bare code.
    public var languageTag: String?
    /// How the code was delimited.
    public var delimiter: Delimiter
    /// False when the output ended before the closing fence (a truncated answer).
    public var isComplete: Bool
    /// The block's UTF-8 byte range in the visible output (the output with reasoning removed).
    public var byteRange: Range<Int>

    /// Creates a block.
    public init(code: String, languageTag: String?, delimiter: Delimiter, isComplete: Bool, byteRange: Range<Int>) {
        self.code = code
        self.languageTag = languageTag
        self.delimiter = delimiter
        self.isComplete = isComplete
        self.byteRange = byteRange
    }
}
