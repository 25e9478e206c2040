/// Turns ids such as "amc12a_2019_p21" or "core-001" into Lean identifiers for theorem names.
public enum LeanNaming {
    /// `id` with every character that cannot appear in a plain Lean identifier replaced by `_`, prefixed
    /// with `p_` when it would start with a digit (or be empty): "core-001" → "core_001", "1a" → "p_1a".
    public static func theoremName(for id: String) -> String {
        var name = String(id.unicodeScalars.map { scalar -> Character in
            let allowed = scalar == "_" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || ("\u{2080}"..."\u{2089}").contains(scalar)
            return allowed ? Character(scalar) : "_"
        })
        if name.isEmpty || name.first!.isNumber || name.first == "_" { name = "p_" + name }
        if reservedWords.contains(name) { name += "_" }
        return name
    }

    /// Lean keywords and commands a bare name must not be.
    static let reservedWords: Set<String> = [
        "theorem", "lemma", "def", "example", "axiom", "instance", "by", "fun", "have", "show", "from",
        "at", "in", "let", "if", "then", "else", "do", "match", "with", "end", "open", "import", "sorry",
        "where", "calc", "Type", "Prop", "Sort", "structure", "class", "inductive", "namespace", "section",
    ]
}
