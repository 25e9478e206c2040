/// Keyword sets of Lean 4 / Mathlib commands shared by the parser and the hygiene scanner.
enum LeanVocabulary {
    /// Keywords that start a command wherever they appear: no term or tactic uses them.
    static let commandKeywords: Set<String> = [
        "theorem", "lemma", "def", "example", "abbrev", "instance", "axiom", "structure", "class",
        "inductive", "coinductive", "namespace", "section", "end", "universe", "variable", "import",
        "prelude", "attribute", "notation", "infix", "infixl", "infixr", "prefix", "postfix", "macro",
        "macro_rules", "syntax", "elab", "elab_rules", "declare_syntax_cat", "initialize",
        "builtin_initialize", "mutual", "export", "opaque", "proof_wanted", "add_decl_doc",
        "declare_simp_like_tactic", "register_simp_attr", "alias",
    ]

    /// Keywords that start a command only at column 0 (inside proofs they are tactics or modifiers).
    static let columnZeroCommandKeywords: Set<String> = [
        "open", "set_option", "private", "protected", "noncomputable", "nonrec", "unsafe", "partial",
        "local", "scoped", "omit", "include",
    ]

    /// Modifiers that may precede a declaration keyword.
    static let modifierKeywords: Set<String> = [
        "private", "protected", "noncomputable", "nonrec", "unsafe", "partial", "local", "scoped",
    ]

    /// The declaration keywords this module parses.
    static let declarationKeywords: Set<String> = ["theorem", "lemma", "example"]

    static let openingBrackets: Set<String> = ["(", "[", "{", "⟨", "⦃", "@[", "#[", "⟦", "⌊", "⌈"]
    static let closingBrackets: Set<String> = [")", "]", "}", "⟩", "⦄", "⟧", "⌋", "⌉"]

    static func isOpening(_ token: LeanToken) -> Bool {
        token.kind == .symbol && openingBrackets.contains(token.text)
    }

    static func isClosing(_ token: LeanToken) -> Bool {
        token.kind == .symbol && closingBrackets.contains(token.text)
    }

    /// A `#word` command token such as `#eval`, `#print`, `#exit`.
    static func isHashCommand(_ token: LeanToken) -> Bool {
        guard token.kind == .symbol, token.text.hasPrefix("#"), token.text.unicodeScalars.count > 1 else {
            return false
        }
        return LeanCharacters.isASCIILetter(token.text.unicodeScalars.dropFirst().first!)
    }
}
