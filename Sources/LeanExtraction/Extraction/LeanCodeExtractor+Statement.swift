public import LeanSource

extension LeanCodeExtractor {
    /// The statement a formalizer model produced.
    ///
    /// With `name` (the theorem name the prompt asked for): the declaration carrying that name, from
    /// the preferred block first, then the other blocks from last to first — so a helper `def` and
    /// `example` the model added in a later block never replace the requested theorem. Without a
    /// name, or when no declaration carries it: the last `theorem`/`lemma`/`example` of the preferred
    /// block, or of the latest earlier block that parses when the preferred one does not (for example
    /// a truncated answer after a complete draft). Blocks fenced as another language (```` ```python ````)
    /// are never read. Nil when no block holds a declaration that parses.
    ///
    /// ```swift
    /// LeanCodeExtractor.extractStatement(from: "```lean\ntheorem t (n : Nat) : n + 0 = n := by\n  simp\n```")?.conclusion
    /// // "n + 0 = n"
    /// ```
    public static func extractStatement(from modelOutput: String, named name: String? = nil) -> LeanDeclaration? {
        let extraction = extract(from: modelOutput)
        let parsed = candidateBlocks(extraction).compactMap { try? LeanParser.parseFile($0.code).declarations }
        if let name, let named = parsed.lazy.compactMap({ $0.last { $0.name == name } }).first {
            return named
        }
        return parsed.lazy.compactMap(\.last).first
    }

    /// The blocks to try, best first: the preferred block, then the others from last to first.
    static func candidateBlocks(_ extraction: LeanExtraction) -> [LeanCodeBlock] {
        guard let preferred = extraction.preferred else { return [] }
        return [preferred] + extraction.blocks.reversed().filter { $0 != preferred }
    }
}
