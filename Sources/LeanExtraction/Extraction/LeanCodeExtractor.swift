/// Finds Lean code in raw model output, with PCRE2 doing all of the scanning.
///
/// Steps: reasoning is removed (`stripReasoning`); fenced blocks tagged `lean`, `lean4` or untagged
/// (```` ``` ```` or `~~~`) are collected, a fence left open at the end counting as an incomplete
/// block; fences in other languages (```` ```python ````, ```` ```markdown ````) are skipped whole,
/// and nothing inside them is ever taken as Lean. Only when no Lean fence exists are bare
/// declarations (`theorem`, `lemma`, `example` at a line start, through the end of their proof, outside
/// every fence) taken, adjacent ones merged into one block. The last complete block is preferred.
///
/// ```swift
/// let found = LeanCodeExtractor.extract(from: "Sure!\n```lean4\ntheorem t : 2 + 2 = 4 := by decide\n```")
/// found.preferred?.code   // "theorem t : 2 + 2 = 4 := by decide"
/// ```
public enum LeanCodeExtractor {
    /// Fence language tags taken as Lean (compared lowercased).
    public static let leanLanguageTags: Set<String> = ["lean", "lean4", ""]

    /// Extracts every Lean block from `modelOutput`; never throws (see `LeanExtraction.scanFailure`).
    public static func extract(from modelOutput: String) -> LeanExtraction {
        let split = ReasoningStripper.split(modelOutput)
        let text = split.visible
        var failure = split.failure
        var blocks: [LeanCodeBlock] = []
        do {
            let fences = try fencedBlocks(in: text)
            blocks = fences.lean
            if blocks.isEmpty { blocks = try bareBlocks(in: text, outside: fences.other) }
        } catch {
            failure = failure ?? error
        }
        return LeanExtraction(blocks: blocks, visibleText: text, reasoning: split.reasoning, scanFailure: failure)
    }

    /// The Lean fences of `text`, and the byte ranges of the fences in other languages.
    static func fencedBlocks(in text: String) throws(ExtractionError) -> (lean: [LeanCodeBlock], other: [Range<Int>]) {
        var blocks: [LeanCodeBlock] = []
        var other: [Range<Int>] = []
        for match in try ExtractionPatterns.fencedBlock.matches(in: text) {
            let tag = (match[2] ?? "").lowercased()
            guard leanLanguageTags.contains(tag) else {
                other.append(match.range)
                continue
            }
            var code = match[3] ?? ""
            if code.hasSuffix("\n") { code.removeLast() }
            if code.hasSuffix("\r") { code.removeLast() }
            // A stray fence (for example the tail of an inline ``` … ```) opens an empty block.
            guard code.contains(where: { !$0.isWhitespace }) else { continue }
            blocks.append(LeanCodeBlock(
                code: code, languageTag: tag, delimiter: .fence,
                isComplete: match.range(of: 4) != nil, byteRange: match.range))
        }
        return (blocks, other)
    }

    /// Bare declarations of `text` that start outside every range of `fences`.
    static func bareBlocks(in text: String, outside fences: [Range<Int>] = []) throws(ExtractionError) -> [LeanCodeBlock] {
        var ranges: [Range<Int>] = []
        let utf8 = Array(text.utf8)
        for match in try ExtractionPatterns.bareDeclaration.matches(in: text)
        where !fences.contains(where: { $0.contains(match.range.lowerBound) || match.range.contains($0.lowerBound) }) {
            if let previous = ranges.last,
               utf8[previous.upperBound..<match.range.lowerBound].allSatisfy(isASCIIWhitespace) {
                ranges[ranges.count - 1] = previous.lowerBound..<match.range.upperBound
            } else {
                ranges.append(match.range)
            }
        }
        return ranges.map { range in
            LeanCodeBlock(code: PCRE2Match.slice(text, range), languageTag: nil, delimiter: .bare,
                          isComplete: true, byteRange: range)
        }
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
