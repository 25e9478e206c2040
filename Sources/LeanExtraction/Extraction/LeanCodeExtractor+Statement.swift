public import LeanSource

extension LeanCodeExtractor {
    /// The statement a formalizer model produced: the last `theorem`/`lemma`/`example` of the preferred
    /// block, or of the latest earlier block that parses when the preferred one does not (for example
    /// a truncated answer after a complete draft). Nil when no block holds a declaration that parses.
    ///
    /// ```swift
    /// LeanCodeExtractor.extractStatement(from: "```lean\ntheorem t (n : Nat) : n + 0 = n := by\n  simp\n```")?.conclusion
    /// // "n + 0 = n"
    /// ```
    public static func extractStatement(from modelOutput: String) -> LeanDeclaration? {
        let extraction = extract(from: modelOutput)
        for block in candidateBlocks(extraction) {
            if let declaration = try? LeanParser.parseFile(block.code).declarations.last {
                return declaration
            }
        }
        return nil
    }

    /// The blocks to try, best first: the preferred block, then the others from last to first.
    static func candidateBlocks(_ extraction: LeanExtraction) -> [LeanCodeBlock] {
        guard let preferred = extraction.preferred else { return [] }
        return [preferred] + extraction.blocks.reversed().filter { $0 != preferred }
    }
}
