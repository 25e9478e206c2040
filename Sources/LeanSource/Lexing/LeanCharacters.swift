/// Character classes of Lean 4's tokenizer (`Lean.isLetterLike`, `isIdFirst`, `isIdRest`, …).
enum LeanCharacters {
    /// Lean's `isLetterLike`: Greek (but λ, Π, Σ), Coptic, polytonic Greek, the letter-like block
    /// (ℕ ℤ ℚ ℝ ℂ …) and the mathematical alphanumeric letters (𝒜, 𝔽, …).
    static func isLetterLike(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x391 { return false }
        return (0x3B1...0x3C9).contains(value) && value != 0x3BB
            || (0x391...0x3A9).contains(value) && value != 0x3A0 && value != 0x3A3
            || (0x3CA...0x3FB).contains(value)
            || (0x1F00...0x1FFE).contains(value)
            || (0x2100...0x214F).contains(value)
            || (0x1D49C...0x1D59F).contains(value)
    }

    /// Lean's `isSubScriptAlnum`: ₀-₉, ₐ-ₜ, ᵢ-ᵪ, ⱼ.
    static func isSubscriptAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x1D62 { return false }
        return (0x2080...0x2089).contains(value)
            || (0x2090...0x209C).contains(value)
            || (0x1D62...0x1D6A).contains(value)
            || value == 0x2C7C
    }

    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value | 0x20  // folds A-Z onto a-z
        return value >= 0x61 && value <= 0x7A
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    static func isHexDigit(_ scalar: Unicode.Scalar) -> Bool {
        let folded = scalar.value | 0x20
        return isDigit(scalar) || (folded >= 0x61 && folded <= 0x66)
    }

    /// Lean's `isIdFirst`.
    static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        isASCIILetter(scalar) || scalar == "_" || isLetterLike(scalar)
    }

    /// Lean's `isIdRest`.
    static func isIdentifierRest(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            return isASCIILetter(scalar) || isDigit(scalar) || scalar == "_" || scalar == "'" || scalar == "!"
                || scalar == "?"
        }
        return isASCIILetter(scalar) || isDigit(scalar) || scalar == "_" || scalar == "'" || scalar == "!"
            || scalar == "?" || isLetterLike(scalar) || isSubscriptAlphanumeric(scalar)
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }

    /// Multi-scalar symbols, longest first, matched greedily (maximal munch).
    static let compoundSymbols: [[Unicode.Scalar]] = [
        "ℝ≥0∞", "<;>", "<->", "<|>", "...", "|>.", "^^^", "<<<", ">>>",
        ":=", "::", "=>", "->", "<-", "<=", ">=", "!=", "==", "&&", "||", "++", "..", "<|", "|>",
        "@[", "?_", "#[", "⁻¹", "∃!", "ℝ≥0",
    ].map { Array(($0 as String).unicodeScalars) }.sorted { $0.count > $1.count }

    /// ``compoundSymbols`` grouped by their first scalar, longest first.
    static let compoundSymbolsByFirstScalar: [Unicode.Scalar: [[Unicode.Scalar]]] =
        Dictionary(grouping: compoundSymbols, by: { $0[0] })
}
