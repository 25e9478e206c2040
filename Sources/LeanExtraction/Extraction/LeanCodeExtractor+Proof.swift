public import LeanSource

extension LeanCodeExtractor {
    /// The tactic proof a prover model wrote for `statement`: text to put after `:= by`, with common
    /// indentation removed and surrounding blank lines trimmed.
    ///
    /// - When the model repeats the theorem (any name), the proof part of the declaration named like
    ///   `statement` (else the last declaration) is returned; a term proof `:= t` becomes `exact t`.
    ///   The statement the model wrote is ignored, so a model that weakens the statement gains nothing:
    ///   the proof is checked against `statement`.
    /// - When the model writes only a tactic block (fenced or not), that block is returned, without a
    ///   leading `by` or `:= by`.
    /// - Nil when the output holds no proof text (only reasoning, only empty or non-Lean fences, a
    ///   bodiless declaration).
    ///
    /// Helper lemmas the model declared next to its theorem are not part of the returned proof.
    public static func extractProof(from modelOutput: String, for statement: LeanDeclaration) -> String? {
        let extraction = extract(from: modelOutput)
        let code: String
        if let preferred = extraction.preferred {
            code = preferred.code
        } else if ExtractionPatterns.fencedBlock.firstMatch(in: extraction.visibleText) == nil {
            code = extraction.visibleText  // unfenced output with no declaration: a bare tactic block
        } else {
            return nil  // only empty or non-Lean fences
        }
        guard code.contains(where: { !$0.isWhitespace }) else { return nil }

        if let file = try? LeanParser.parseFile(code), !file.declarations.isEmpty {
            let declaration = file.declarations.last { $0.name != nil && $0.name == statement.name }
                ?? file.declarations.last!
            switch declaration.body {
            case .tactics(let tactics): return nonEmpty(ProofText.dedented(tactics))
            case .term(let term): return nonEmpty(ProofText.dedented(term)).map { "exact " + $0 }
            case .none: return nil
            }
        }
        if let afterBy = ProofText.proofAfterUnparsedDeclaration(code) { return nonEmpty(ProofText.dedented(afterBy)) }
        return nonEmpty(ProofText.dedented(ProofText.removingLeadingBy(code)))
    }

    private static func nonEmpty(_ text: String) -> String? {
        text.contains(where: { !$0.isWhitespace }) ? text : nil
    }
}
