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

    /// The index of the bracket that closes the one at `open` (brackets of any kind nest together), or
    /// nil when it is never closed.
    static func closingIndex(of open: Int, in tokens: [LeanToken]) -> Int? {
        var depth = 0
        for index in open..<tokens.count {
            if isOpening(tokens[index]) { depth += 1 }
            if isClosing(tokens[index]) {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }

    /// `#` commands of Lean core, Batteries, Mathlib, Aesop, Plausible and ProofWidgets. Lean reads the
    /// longest token that starts the text, so `#evalx` is `#eval` applied to `x`.
    static let hashCommands: [String] = [
        "#eval", "#exit", "#print", "#check", "#check_failure", "#reduce", "#synth", "#help", "#guard_msgs",
        "#guard", "#guard_expr", "#where", "#version", "#time", "#align", "#noalign", "#adaptation_note", "#lint",
        "#list_linters", "#find", "#explode", "#instances", "#long_names", "#minimize_imports", "#min_imports",
        "#norm_num", "#simp", "#conv", "#push_neg", "#whnf", "#kerneldiff", "#leansearch", "#loogle", "#moogle",
        "#parse", "#html", "#widget", "#sample", "#test", "#unfold", "#redundant_imports", "#show_unused",
        "#import_path", "#trans_imports", "#count_heartbeats", "#discr_tree", "#info_trees", "#stx", "#defeq",
        "#string_diagram", "#clear_deprecated", "#grind", "#reset_grind", "#register", "#export", "#dump",
        "#with_exporting", "#mathlib", "#tactic", "#sorry", "#show", "#run", "#exec", "#lean", "#import",
        "#dsimp", "#rw", "#note", "#hint", "#aesop", "#decide", "#compile", "#trace", "#log", "#min",
        "#deprecated", "#gen", "#declare", "#elab", "#macro", "#syntax", "#set", "#open", "#opaque",
    ]

    /// A `#word` command token such as `#eval`, `#print`, `#exit`: the token starts with a known command
    /// (``hashCommands``). `#s`, `#t`, `#(…)` (Mathlib's `Finset.card` and `Cardinal.mk` notation) are
    /// terms; an unknown `#word` at the start of a line is a command wherever it sits (see the callers).
    static func isHashCommand(_ token: LeanToken) -> Bool {
        guard isHashWord(token) else { return false }
        return hashCommands.contains { token.text.hasPrefix($0) }
    }

    /// `#` followed by an ASCII letter: a command, or a term such as `#s`.
    static func isHashWord(_ token: LeanToken) -> Bool {
        guard token.kind == .symbol, token.text.hasPrefix("#"), token.text.unicodeScalars.count > 1 else {
            return false
        }
        return LeanCharacters.isASCIILetter(token.text.unicodeScalars.dropFirst().first!)
    }
}
