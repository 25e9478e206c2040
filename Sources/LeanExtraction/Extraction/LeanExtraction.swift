/// What `LeanCodeExtractor.extract(from:)` found in one model output.
public struct LeanExtraction: Sendable, Hashable {
    /// Lean blocks in order of appearance: fenced blocks tagged `lean`, `lean4` or untagged; bare
    /// declarations only when the output has no such fence.
    public var blocks: [LeanCodeBlock]
    /// The output with reasoning (`<think>…</think>` and similar) removed.
    public var visibleText: String
    /// The reasoning segments that were removed, in order.
    public var reasoning: [String]
    /// Set when PCRE2 gave up on part of the scan (a resource limit on hostile input); the blocks found
    /// before the failure are kept.
    public var scanFailure: ExtractionError?

    /// Creates an extraction result.
    public init(blocks: [LeanCodeBlock], visibleText: String, reasoning: [String], scanFailure: ExtractionError? = nil) {
        self.blocks = blocks
        self.visibleText = visibleText
        self.reasoning = reasoning
        self.scanFailure = scanFailure
    }

    /// The block to use: the last complete block, or the last block when none is complete.
    public var preferred: LeanCodeBlock? { blocks.last(where: \.isComplete) ?? blocks.last }

    /// The preferred block's code, if any.
    public var preferredCode: String? { preferred?.code }
}
