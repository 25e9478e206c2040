import LeanExtraction
public import LeanSource

/// Finds Lean statements in a model's answer, on top of `LeanCodeExtractor` and `LeanParser`.
public enum StatementExtraction {
    /// Every theorem/lemma/example of the answer's code blocks, the preferred (last complete) block's
    /// first; blocks that do not parse are skipped.
    public static func declarations(in modelOutput: String) -> [LeanDeclaration] {
        let extraction = LeanCodeExtractor.extract(from: modelOutput)
        var blocks = extraction.blocks
        if let preferred = extraction.preferred, let index = blocks.lastIndex(of: preferred) {
            blocks.remove(at: index)
            blocks.insert(preferred, at: 0)
        }
        var result: [LeanDeclaration] = []
        for block in blocks {
            guard let file = try? LeanParser.parseFile(block.code, origin: "model output") else { continue }
            result += file.declarations
        }
        return result
    }

    /// The statement the answer proposes (`LeanCodeExtractor.extractStatement`: the declaration named
    /// `name` when one is, else the preferred block's last declaration, falling back to the other
    /// blocks, latest first); nil when it holds none. Pass the theorem name the prompt asked for.
    public static func statement(in modelOutput: String, named name: String? = nil) -> LeanDeclaration? {
        LeanCodeExtractor.extractStatement(from: modelOutput, named: name)
    }

    /// `declaration` as a canonical theorem: keyword `theorem`, the given name, no modifiers, no body.
    public static func canonical(_ declaration: LeanDeclaration, named name: String) -> LeanDeclaration {
        LeanDeclaration(
            keyword: .theorem, name: name, binders: declaration.binders, conclusion: declaration.conclusion,
            body: .none, modifiers: ""
        )
    }
}
