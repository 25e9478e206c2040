/// Parses one bracketed binder group of a declaration signature.
struct BinderParser {
    /// A parsed group before hypothesis classification.
    struct Group {
        var bracket: LeanBinder.Bracket
        var names: [String]
        var type: String
    }

    let source: SourceTokens
    let span: CommandSpan

    private func token(_ position: Int) -> LeanToken { source.tokens[source.significant[position]] }

    func parse(open: Int, close: Int) throws(LeanSourceError) -> Group {
        var innerLower = open + 1
        var innerUpper = close
        var bracket: LeanBinder.Bracket
        switch token(open).text {
        case "(": bracket = .explicit
        case "[": bracket = .instance
        case "⦃": bracket = .strictImplicit
        default:
            bracket = .implicit
            if innerUpper - innerLower >= 2, token(innerLower).is("{"),
               token(innerLower).scalarRange.lowerBound == token(open).scalarRange.upperBound,
               token(innerUpper - 1).is("}"), isMatching(innerLower, innerUpper - 1) {
                bracket = .strictImplicit
                innerLower += 1
                innerUpper -= 1
            }
        }
        let colon = topLevelColon(innerLower..<innerUpper)
        let nameRange = innerLower..<(colon ?? innerUpper)
        let isNameList = nameRange.allSatisfy { token($0).kind == .identifier }
        if colon == nil, bracket == .instance {
            return Group(bracket: bracket, names: [], type: text(innerLower..<innerUpper))
        }
        guard isNameList, !nameRange.isEmpty else {
            let anchor = token(open)
            throw LeanSourceError(
                code: .malformedBinder,
                message: "The binder group starting with `\(anchor.text)` must list names then `:` and a type, "
                    + "e.g. `(x y : ℝ)`.",
                line: anchor.line, column: anchor.column)
        }
        let names = nameRange.map { token($0).text }
        let type = colon.map { text(($0 + 1)..<innerUpper) } ?? ""
        return Group(bracket: bracket, names: names, type: type)
    }

    /// Flags hypotheses from their types, letting earlier binders (`(p : Prop)`, `(P : ℕ → Prop)`,
    /// `(α : Type*)`) inform later ones; undetermined types count as hypotheses.
    static func classify(_ groups: [Group]) -> [LeanBinder] {
        var context = HypothesisHeuristic.Context()
        return groups.map { group in
            let kind = HypothesisHeuristic.kind(bracket: group.bracket, type: group.type, context: context)
            context.add(names: group.names, type: group.type, kind: kind)
            return LeanBinder(bracket: group.bracket, names: group.names, type: group.type, isHypothesis: kind != .data)
        }
    }

    private func text(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return source.text(source.significant[range.lowerBound]..<(source.significant[range.upperBound - 1] + 1))
    }

    private func topLevelColon(_ range: Range<Int>) -> Int? {
        var depth = 0
        for position in range {
            let current = token(position)
            if LeanVocabulary.isOpening(current) { depth += 1 }
            if LeanVocabulary.isClosing(current) { depth -= 1 }
            if depth == 0, current.is(":") { return position }
        }
        return nil
    }

    private func isMatching(_ open: Int, _ close: Int) -> Bool {
        var depth = 0
        for position in open...close {
            if LeanVocabulary.isOpening(token(position)) { depth += 1 }
            if LeanVocabulary.isClosing(token(position)) {
                depth -= 1
                if depth == 0 { return position == close }
            }
        }
        return false
    }
}
