public import LeanSource

extension LeanCodeExtractor {
    /// The tactic proof a prover model wrote for `statement`: text to put after `:= by`, with common
    /// indentation removed and surrounding blank lines trimmed.
    ///
    /// - With `continuing` (the prompt ended inside `:= by`, as DeepSeek-Prover-V1.5's completion
    ///   prompts do; see `promptAsksForContinuation(_:)`): the text before the first closing fence (or
    ///   all of it when there is none) is the proof — unless the model opened its own Lean block or
    ///   repeated the theorem instead, which is then read as below.
    /// - When the model repeats the theorem (any name), the proof part of the declaration named like
    ///   `statement` (in any Lean block, the preferred one first), else of the preferred block's last
    ///   declaration, is returned; a term proof `:= t` becomes `exact t`. The statement the model wrote
    ///   is ignored, so a model that weakens the statement gains nothing: the proof is checked against
    ///   `statement`.
    /// - When the model writes only a tactic block (fenced or not), that block is returned, without a
    ///   leading `by` or `:= by`.
    /// - Nil when the output holds no proof text (only reasoning, only empty or non-Lean fences, a
    ///   bodiless declaration).
    ///
    /// Helper lemmas the model declared next to its theorem are not part of the returned proof.
    public static func extractProof(from modelOutput: String, for statement: LeanDeclaration, continuing: Bool = false) -> String? {
        let extraction = extract(from: modelOutput)
        if continuing, let proof = continuationProof(extraction) { return proof }
        let code: String
        if let preferred = extraction.preferred {
            code = preferred.code
        } else if ExtractionPatterns.fencedBlock.firstMatch(in: extraction.visibleText) == nil {
            code = extraction.visibleText  // unfenced output with no declaration: a bare tactic block
        } else {
            return nil  // only empty or non-Lean fences
        }
        guard code.contains(where: { !$0.isWhitespace }) else { return nil }

        if let name = statement.name {
            for block in candidateBlocks(extraction) {
                guard let declarations = try? LeanParser.parseFile(block.code).declarations,
                      let named = declarations.last(where: { $0.name == name && hasBody($0) }) else { continue }
                return proofText(of: named)
            }
        }
        if let file = try? LeanParser.parseFile(code), let last = file.declarations.last {
            return proofText(of: last)
        }
        if let afterBy = ProofText.proofAfterUnparsedDeclaration(code) { return nonEmpty(ProofText.dedented(afterBy)) }
        return nonEmpty(ProofText.dedented(ProofText.removingLeadingBy(code)))
    }

    /// True when a prompt whose last message is `lastMessage` asks the model to continue a proof: the
    /// message ends (after trailing whitespace) with `:= by`, usually inside an unclosed ```` ```lean4 ````
    /// fence. Pass the result to `extractProof(from:for:continuing:)`.
    ///
    /// ```swift
    /// LeanCodeExtractor.promptAsksForContinuation("Complete the following Lean 4 code:\n```lean4\ntheorem t : 2 + 2 = 4 := by\n")  // true
    /// ```
    public static func promptAsksForContinuation(_ lastMessage: String) -> Bool {
        ExtractionPatterns.endsInsideTacticBlock.firstMatch(in: lastMessage) != nil
    }

    /// The continuation of a `:= by` the prompt left open: the visible text before the first fence line,
    /// when that fence closes the prompt's block (a bare fence that opens no Lean block of its own) and
    /// the text does not restate a declaration; nil otherwise.
    private static func continuationProof(_ extraction: LeanExtraction) -> String? {
        let text = extraction.visibleText
        let fence = ExtractionPatterns.fenceLine.firstMatch(in: text)
        let end = fence?.range.lowerBound ?? text.utf8.count
        let prefix = PCRE2Match.slice(text, 0..<end)
        guard prefix.contains(where: { !$0.isWhitespace }),
              ExtractionPatterns.declarationAtLineStart.firstMatch(in: prefix) == nil else { return nil }
        if let fence {
            if let tag = fence[1], !tag.isEmpty { return nil }  // ```lean4: the model opened its own block
            let opensDeclaration = extraction.blocks.contains { block in
                block.byteRange.lowerBound == fence.range.lowerBound
                    && !((try? LeanParser.parseFile(block.code).declarations.isEmpty) ?? true)
            }
            if opensDeclaration { return nil }  // "Here it is:\n```\ntheorem …": prose, then a block
        }
        return nonEmpty(ProofText.dedentedContinuation(prefix))
    }

    private static func proofText(of declaration: LeanDeclaration) -> String? {
        switch declaration.body {
        case .tactics(let tactics): nonEmpty(ProofText.dedented(tactics))
        case .term(let term): nonEmpty(ProofText.dedented(term)).map { "exact " + $0 }
        case .none: nil
        }
    }

    private static func hasBody(_ declaration: LeanDeclaration) -> Bool {
        if case .none = declaration.body { return false }
        return true
    }

    private static func nonEmpty(_ text: String) -> String? {
        text.contains(where: { !$0.isWhitespace }) ? text : nil
    }
}
