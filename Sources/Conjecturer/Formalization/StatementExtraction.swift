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

    /// What an answer proposes as a statement.
    public enum Proposal: Sendable, Hashable {
        /// A statement, its block's proof-free preamble folded in as scoped prefixes.
        case statement(LeanDeclaration)
        /// A statement that relies on a command that cannot be kept in effect (`def`, `variable`,
        /// `namespace`, …): the reason, naming the command.
        case refused(String)
        /// No Lean statement at all.
        case none
    }

    /// The statement the answer proposes (`LeanCodeExtractor.extractStatement`: the declaration named
    /// `name` when one is, else the preferred block's last declaration, falling back to the other
    /// blocks, latest first); nil when it holds none or it is refused (see ``proposal(in:named:)``).
    /// Pass the theorem name the prompt asked for.
    public static func statement(in modelOutput: String, named name: String? = nil) -> LeanDeclaration? {
        if case .statement(let declaration) = proposal(in: modelOutput, named: name) { return declaration }
        return nil
    }

    /// The statement the answer proposes with what its block says before it kept in effect: `open …`,
    /// `set_option …` and `universe …` lines become `… in` prefixes (`LeanParser.parseStatement`;
    /// resource options such as `maxHeartbeats` are dropped), `section` lines are no-ops and `import`
    /// lines are dropped (the header supplies the imports and the prompt says so). Anything else before
    /// the theorem refuses the statement with the reason.
    public static func proposal(in modelOutput: String, named name: String? = nil) -> Proposal {
        guard let declaration = LeanCodeExtractor.extractStatement(from: modelOutput, named: name) else { return .none }
        var preamble: [String] = []
        for block in LeanCodeExtractor.extract(from: modelOutput).blocks.reversed() {
            guard let file = try? LeanParser.parseFile(block.code), file.declarations.contains(declaration) else { continue }
            preamble = file.preamble.commands
            break
        }
        let text = (preamble + [declaration.rendered(ending: .bare)]).joined(separator: "\n")
        do {
            var folded = try LeanParser.parseStatement(text, origin: "model output")
            folded.body = declaration.body
            return .statement(folded)
        } catch {
            return .refused(error.message)
        }
    }

    /// `declaration` as a canonical theorem: keyword `theorem`, the given name, no body, no attributes or
    /// doc comment; its scoped prefixes (`open Real in`, …) kept, since the statement means what it says
    /// only under them.
    public static func canonical(_ declaration: LeanDeclaration, named name: String) -> LeanDeclaration {
        LeanDeclaration(
            keyword: .theorem, name: name, binders: declaration.binders, conclusion: declaration.conclusion,
            body: .none, modifiers: declaration.scopedPrefixText
        )
    }
}
