/// Moves the leading `∀` binders and `→` premises of a conclusion into binders, the way `intro` would:
/// `∀ x : ℝ, 0 < x → P x` becomes the binders `(x : ℝ) (hyp₁ : 0 < x)` and the conclusion `P x`.
///
/// Handled: `∀ x y : ℕ, …`, `∀ x, …` (an untyped `(x)`), bracketed groups `∀ (x : ℕ) {y : ℕ} ⦃z⦄ [inst : C], …`,
/// binder predicates `∀ x ∈ S, …` / `∀ x > 0, …` (a variable and a hypothesis per name), nested `∀`
/// after `→`, premises in parentheses (`(A → B) → C` has one premise, `A → B`). It stops, keeping the
/// rest as the conclusion, at anything else: `↔` at the top level (`A → B ↔ C` is `(A → B) ↔ C`),
/// `¬`, `∃`, `fun`, a top-level `,` of another binder notation, `<|`/`$`, or text it cannot lex.
enum ConclusionIntroducer {
    /// Operators of binder predicates (`∀ x ∈ S, …`).
    static let binderPredicates: Set<String> = ["∈", "∉", ">", "≥", "<", "≤", "≠", "⊆", "⊂", "⊇", "⊃", ">=", "<=", "!="]
    /// Top-level tokens below `→` in precedence, or that hide the structure: no premise is split off.
    static let stoppers: Set<String> = ["↔", "<->", "<|", "$", "|>", "=>", ":="]
    /// Leading tokens whose notation extends to the right over any arrow.
    static let openEnded: Set<String> = ["∃", "∃!", "fun", "λ", "let", "have", "show", "if", "match", "Σ", "Π", "∑", "∏", "¬"]

    /// The introduced binders (untyped names get an empty type) and the remaining conclusion;
    /// `takenNames` are names the generated hypothesis names must avoid.
    static func introduce(_ conclusion: String, takenNames: Set<String>) -> (binders: [BinderParser.Group], conclusion: String) {
        var binders: [BinderParser.Group] = []
        var rest = trimmed(conclusion)
        var taken = takenNames
        var premiseCount = 0
        func freshName() -> String {
            while true {
                premiseCount += 1
                let name = "hyp" + subscriptDigits(premiseCount)
                if taken.insert(name).inserted { return name }
            }
        }
        for _ in 0..<64 {
            guard let tokens = try? LeanLexer.tokenize(rest) else { break }
            var significant = tokens.filter { !$0.isTrivia }
            significant = HypothesisHeuristic.unwrapped(significant)
            guard let head = significant.first else { break }
            let text = { (range: Range<Int>) -> String in Self.text(of: significant, range, in: rest) }
            if head.is("∀") {
                guard let comma = HypothesisHeuristic.topLevelIndex(of: ",", in: significant),
                      let groups = binderGroups(Array(significant[1..<comma]), in: rest, freshName: freshName)
                else { break }
                binders += groups
                rest = text((comma + 1)..<significant.count)
                continue
            }
            if openEnded.contains(head.text) { break }
            let topLevel = topLevelTokens(significant)
            if topLevel.contains(where: { $0.kind == .symbol && (stoppers.contains($0.text) || $0.text == ",") }) { break }
            let parts = splitIndices(significant, on: ["→", "->"])
            guard parts.count > 1, parts.allSatisfy({ !$0.isEmpty }) else { break }
            for part in parts.dropLast() {
                binders.append(BinderParser.Group(bracket: .explicit, names: [freshName()], type: text(part)))
            }
            rest = text(parts.last!)
        }
        return (binders, rest)
    }

    /// The binder groups of `∀ …,` (tokens between `∀` and the comma); nil when not understood.
    private static func binderGroups(_ tokens: [LeanToken], in source: String, freshName: () -> String) -> [BinderParser.Group]? {
        guard let first = tokens.first else { return nil }
        if LeanVocabulary.isOpening(first) {
            var groups: [BinderParser.Group] = []
            var index = 0
            while index < tokens.count {
                guard let close = LeanVocabulary.closingIndex(of: index, in: tokens) else { return nil }
                let bracket: LeanBinder.Bracket
                var inner = (index + 1)..<close
                switch tokens[index].text {
                case "(": bracket = .explicit
                case "[": bracket = .instance
                case "⦃": bracket = .strictImplicit
                case "{":
                    bracket = .implicit
                    if inner.count >= 2, tokens[inner.lowerBound].is("{"), tokens[inner.upperBound - 1].is("}") {
                        return nil  // `{{x}}`: rare, not worth the ambiguity
                    }
                default: return nil
                }
                let innerTokens = Array(tokens[inner])
                if let colon = HypothesisHeuristic.topLevelIndex(of: ":", in: innerTokens) {
                    let names = innerTokens[..<colon]
                    guard !names.isEmpty || bracket == .instance, names.allSatisfy({ $0.kind == .identifier }) else { return nil }
                    inner = (inner.lowerBound + colon + 1)..<inner.upperBound
                    groups.append(BinderParser.Group(bracket: bracket, names: names.map(\.text),
                                                   type: text(of: tokens, inner, in: source)))
                } else if bracket == .instance {
                    groups.append(BinderParser.Group(bracket: bracket, names: [], type: text(of: tokens, inner, in: source)))
                } else {
                    guard !innerTokens.isEmpty, innerTokens.allSatisfy({ $0.kind == .identifier }) else { return nil }
                    groups.append(BinderParser.Group(bracket: bracket, names: innerTokens.map(\.text), type: ""))
                }
                index = close + 1
            }
            return groups
        }
        var namesEnd = 0
        while namesEnd < tokens.count, tokens[namesEnd].kind == .identifier { namesEnd += 1 }
        let names = tokens[..<namesEnd].map(\.text)
        guard !names.isEmpty else { return nil }
        if namesEnd == tokens.count {
            return [BinderParser.Group(bracket: .explicit, names: names, type: "")]
        }
        let operatorToken = tokens[namesEnd]
        if operatorToken.is(":") {
            guard namesEnd + 1 < tokens.count else { return nil }
            return [BinderParser.Group(bracket: .explicit, names: names, type: text(of: tokens, (namesEnd + 1)..<tokens.count, in: source))]
        }
        guard operatorToken.kind == .symbol, binderPredicates.contains(operatorToken.text), namesEnd + 1 < tokens.count else { return nil }
        let bound = text(of: tokens, (namesEnd + 1)..<tokens.count, in: source)
        return names.flatMap { name in
            [BinderParser.Group(bracket: .explicit, names: [name], type: ""),
             BinderParser.Group(bracket: .explicit, names: [freshName()], type: "\(name) \(operatorToken.text) \(bound)")]
        }
    }

    /// The source text from the first to the last token of `range` (comments between them kept).
    static func text(of tokens: [LeanToken], _ range: Range<Int>, in source: String) -> String {
        guard !range.isEmpty else { return "" }
        let scalars = Array(source.unicodeScalars)
        let lower = tokens[range.lowerBound].scalarRange.lowerBound
        let upper = tokens[range.upperBound - 1].scalarRange.upperBound
        return trimmed(String(String.UnicodeScalarView(scalars[lower..<upper])))
    }

    private static func topLevelTokens(_ tokens: [LeanToken]) -> [LeanToken] {
        var depth = 0
        var result: [LeanToken] = []
        for token in tokens {
            if LeanVocabulary.isClosing(token) { depth -= 1 }
            if depth == 0 { result.append(token) }
            if LeanVocabulary.isOpening(token) { depth += 1 }
        }
        return result
    }

    private static func splitIndices(_ tokens: [LeanToken], on separators: Set<String>) -> [Range<Int>] {
        var depth = 0
        var parts: [Range<Int>] = []
        var start = 0
        for (index, token) in tokens.enumerated() {
            if LeanVocabulary.isOpening(token) { depth += 1 }
            if LeanVocabulary.isClosing(token) { depth -= 1 }
            if depth == 0, token.kind == .symbol, separators.contains(token.text) {
                parts.append(start..<index)
                start = index + 1
            }
        }
        parts.append(start..<tokens.count)
        return parts
    }

    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }

    private static func subscriptDigits(_ number: Int) -> String {
        String(String(number).unicodeScalars.map { Character(Unicode.Scalar($0.value - 48 + 0x2080)!) })
    }
}
