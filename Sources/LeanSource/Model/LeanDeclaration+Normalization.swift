import Crypto

extension LeanDeclaration {
    /// The statement in canonical text: name, keyword, body, attributes and doc comments left out, scoped
    /// prefixes (`open Real in`, ``LeanDeclaration/scopedPrefixes()``) kept in front; comments removed;
    /// whitespace collapsed outside string literals (one space between tokens, none just inside
    /// brackets, before `,` or `⁻¹`, or around a `.` written without spaces). Binder groups are kept
    /// as written. Example: `(x y : ℤ) (h₀ : 0 < y) : x = 26`.
    public var normalizedStatement: String {
        var parts = binders.map { binder in
            CanonicalText.normalize(binder.rendered)
        }
        parts.append(": " + CanonicalText.normalize(conclusion))
        // The scoped prefixes change what the statement means (`open Real in` makes `π` Real.pi); a
        // statement without any keeps its hash of before.
        let prefixes = scopedPrefixText
        if !prefixes.isEmpty { parts.insert(CanonicalText.normalize(prefixes), at: 0) }
        return parts.joined(separator: " ")
    }

    /// SHA-256 (lowercase hex) of ``normalizedStatement``: equal for statements that differ only in
    /// name, whitespace or comments; stable across runs and machines.
    public var statementHash: String {
        let digest = SHA256.hash(data: Array(normalizedStatement.utf8))
        return digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
