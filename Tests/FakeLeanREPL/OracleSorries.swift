import Foundation

/// The `sorry` placeholders of a proof, each with the goal the real REPL would report for it.
///
/// Like Lean, one entry per `sorry` token outside comments, strings and character literals, taken only
/// as a whole identifier (`h_sorry`, `sorryAx` are not placeholders), in text order. The goal is an
/// approximation of Lean's: for `have NAME : T := by sorry` (or `:= sorry`, `obtain PAT : T := …`) it is
/// the theorem's binders and the haves already in scope, then `⊢ T`; for a calc-style step
/// `LHS = RHS := by sorry` it is `⊢ LHS = RHS`; any other `sorry` gets the theorem's goal with the haves
/// in scope before it as extra hypotheses (what Lean shows after `have h : P := …` lines).
struct OracleSorries {
    struct Placeholder {
        /// Offset (in characters) of the `sorry` within the chunk.
        var offset: Int
        var goal: String
    }

    /// A `have`/`obtain` step of the proof: where it starts, its `:=`, its hypothesis and its extent.
    private struct Step {
        var keywordOffset: Int
        var assignOffset: Int
        var hypothesis: (name: String, type: String)?
        var stated: String
        /// Offset where the step's block ends (the next line indented at most as far as its keyword).
        var endOffset: Int
    }

    /// The placeholders in `chunk` from `proofOffset` on, for `declaration`.
    static func placeholders(in chunk: String, proofOffset: Int, declaration: OracleDeclaration) -> [Placeholder] {
        let original = Array(chunk)
        guard proofOffset <= original.count else { return [] }
        let masked = maskedCode(original, from: proofOffset)
        let binderLines = declaration.goal.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        let steps = self.steps(masked: masked, original: original, from: proofOffset)
        return sorryOffsets(masked, from: proofOffset).map { offset in
            let owner = steps.last { step in
                step.keywordOffset < offset && isProofStart(masked, from: step.assignOffset + 2, to: offset)
            }
            let inScope = steps.filter { $0.endOffset <= offset && $0.keywordOffset < (owner?.keywordOffset ?? offset) }
            let hypotheses = binderLines + inScope.compactMap { $0.hypothesis.map { "\($0.name) : \($0.type)" } }
            let conclusion: String
            if let owner {
                conclusion = owner.stated
            } else if let step = calcStep(masked: masked, original: original, before: offset, proofOffset: proofOffset) {
                return Placeholder(offset: offset, goal: "⊢ \(step)")
            } else {
                conclusion = declaration.statement
            }
            return Placeholder(offset: offset, goal: (hypotheses + ["⊢ \(normalized(conclusion))"]).joined(separator: "\n"))
        }
    }

    /// The characters with comments, string and character literals blanked (newlines kept), so that
    /// offsets stay those of the original text; everything before `start` is blanked too.
    static func maskedCode(_ text: [Character], from start: Int) -> [Character] {
        var masked = text
        func blank(_ index: Int) { if masked[index] != "\n" { masked[index] = " " } }
        for index in 0..<start { blank(index) }
        var index = start
        while index < text.count {
            let character = text[index]
            let next: Character? = index + 1 < text.count ? text[index + 1] : nil
            if character == "-", next == "-" {
                while index < text.count, text[index] != "\n" { blank(index); index += 1 }
            } else if character == "/", next == "-" {
                var depth = 0
                repeat {
                    if text[index] == "/", index + 1 < text.count, text[index + 1] == "-" {
                        depth += 1; blank(index); blank(index + 1); index += 2
                    } else if text[index] == "-", index + 1 < text.count, text[index + 1] == "/" {
                        depth -= 1; blank(index); blank(index + 1); index += 2
                    } else {
                        blank(index); index += 1
                    }
                } while depth > 0 && index < text.count
            } else if character == "\"" {
                blank(index); index += 1
                while index < text.count, text[index] != "\"" {
                    if text[index] == "\\", index + 1 < text.count { blank(index); index += 1 }
                    blank(index); index += 1
                }
                if index < text.count { blank(index); index += 1 }
            } else if character == "'", index == 0 || !isIdentifierPart(text[index - 1]),
                      let close = characterLiteralEnd(text, from: index) {
                for offset in index...close { blank(offset) }
                index = close + 1
            } else {
                index += 1
            }
        }
        return masked
    }

    /// Offsets of every whole-identifier `sorry` in the masked text.
    private static func sorryOffsets(_ masked: [Character], from start: Int) -> [Int] {
        words(masked, from: start).filter { $0.word == "sorry" }.map(\.offset)
    }

    private static func words(_ masked: [Character], from start: Int) -> [(offset: Int, word: String)] {
        var result: [(Int, String)] = []
        var index = start
        while index < masked.count {
            guard isIdentifierStart(masked[index]) else { index += 1; continue }
            let begin = index
            while index < masked.count, isIdentifierPart(masked[index]) { index += 1 }
            result.append((begin, String(masked[begin..<index])))
        }
        return result
    }

    /// The `have`/`obtain` steps with a `:=` of their own.
    private static func steps(masked: [Character], original: [Character], from start: Int) -> [Step] {
        words(masked, from: start).compactMap { offset, word -> Step? in
            guard word == "have" || word == "obtain",
                  let assign = OracleDeclaration.topLevel(":=", in: masked, from: offset + word.count) else { return nil }
            let signature = Array(masked[(offset + word.count)..<assign])
            guard let colon = topLevelColon(signature) else { return nil }
            let typeStart = offset + word.count + colon + 1
            let stated = normalized(String(original[typeStart..<assign]))
            var hypothesis: (String, String)?
            if word == "have" {
                let name = String(signature[..<colon]).split(whereSeparator: \.isWhitespace).first.map(String.init) ?? "this"
                hypothesis = (name, stated)
            }
            return Step(keywordOffset: offset, assignOffset: assign, hypothesis: hypothesis, stated: stated,
                        endOffset: blockEnd(masked, keywordOffset: offset))
        }
    }

    /// True when only whitespace and an optional `by` separate `from` and `to`.
    private static func isProofStart(_ masked: [Character], from: Int, to: Int) -> Bool {
        guard from <= to else { return false }
        let between = String(masked[from..<to]).split(whereSeparator: \.isWhitespace)
        return between.isEmpty || between == ["by"]
    }

    /// `LHS = RHS := by sorry` on its own line (a calc step): the stated relation.
    private static func calcStep(masked: [Character], original: [Character], before offset: Int, proofOffset: Int) -> String? {
        var index = offset - 1
        while index >= proofOffset, masked[index].isWhitespace { index -= 1 }
        if index >= proofOffset + 1, String(masked[(index - 1)...index]) == "by" { index -= 2 }
        while index >= proofOffset, masked[index].isWhitespace { index -= 1 }
        guard index >= proofOffset + 1, masked[index - 1] == ":", masked[index] == "=" else { return nil }
        let assign = index - 1
        var lineStart = assign
        while lineStart > proofOffset, masked[lineStart - 1] != "\n" { lineStart -= 1 }
        var stated = String(original[lineStart..<assign]).trimmingCharacters(in: .whitespaces)
        if stated.hasPrefix("calc ") { stated = String(stated.dropFirst(5)) }
        let text = normalized(stated)
        let firstWord = text.split(whereSeparator: { !isIdentifierPart($0) }).first.map(String.init) ?? ""
        return text.isEmpty || tacticWords.contains(firstWord) ? nil : text
    }

    /// The offset of the first later line whose first code character is at or left of the keyword's column.
    private static func blockEnd(_ masked: [Character], keywordOffset: Int) -> Int {
        var lineStart = keywordOffset
        while lineStart > 0, masked[lineStart - 1] != "\n" { lineStart -= 1 }
        let column = keywordOffset - lineStart
        var index = keywordOffset
        while index < masked.count {
            guard masked[index] == "\n" else { index += 1; continue }
            let nextLine = index + 1
            var indent = nextLine
            while indent < masked.count, masked[indent] == " " || masked[indent] == "\t" { indent += 1 }
            if indent < masked.count, masked[indent] != "\n", indent - nextLine <= column { return nextLine }
            index = nextLine
        }
        return masked.count
    }

    /// Tactics whose `:=` is not a calc step (`have h := sorry` has no stated type to show).
    private static let tacticWords: Set<String> = [
        "have", "obtain", "let", "suffices", "show", "set", "replace", "exact", "refine", "apply", "specialize", "use",
    ]

    private static func topLevelColon(_ characters: [Character]) -> Int? {
        var depth = 0
        for (index, character) in characters.enumerated() {
            if "([{⦃⟨".contains(character) { depth += 1 }
            if ")]}⦄⟩".contains(character) { depth -= 1 }
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            if depth == 0, character == ":", next != "=" { return index }
        }
        return nil
    }

    private static func characterLiteralEnd(_ text: [Character], from index: Int) -> Int? {
        if index + 2 < text.count, text[index + 1] != "\\", text[index + 1] != "'", text[index + 2] == "'" { return index + 2 }
        if index + 3 < text.count, text[index + 1] == "\\", text[index + 3] == "'" { return index + 3 }
        return nil
    }

    private static func normalized(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static func isIdentifierStart(_ character: Character) -> Bool {
        character.isLetter || character == "_" || character == "«"
    }

    private static func isIdentifierPart(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "'" || character == "!"
            || character == "?" || character == "." || ("₀"..."₉").contains(character)
    }
}
