/// Fills the `sorry` placeholders of a sketch with the tactics the search found for them.
///
/// The placeholders are found by a small scanner that skips comments (`--`, nested `/- -/`), strings and
/// character literals, and only takes `sorry` as a whole identifier (`h_sorry`, `sorry_lemma` are not
/// placeholders). The i-th placeholder in source order matches the i-th entry of the REPL's `sorries`
/// sorted by position. A placeholder in tactic position (after `by`, `;`, `·`, `<;>` or alone at the
/// start of a line) becomes `(t₁; t₂)`; in term position it becomes `(by t₁; t₂)`.
public enum SketchComposer {
    /// The range of each `sorry` placeholder in source order, with whether it is in tactic position.
    public static func placeholders(in sketch: String) -> [(range: Range<String.Index>, isTactic: Bool)] {
        var result: [(Range<String.Index>, Bool)] = []
        var index = sketch.startIndex
        var previousToken = ""
        var lineStartOnlyWhitespace = true
        func peek(_ offset: Int) -> Character? {
            var cursor = index
            for _ in 0..<offset {
                guard cursor < sketch.endIndex else { return nil }
                cursor = sketch.index(after: cursor)
            }
            return cursor < sketch.endIndex ? sketch[cursor] : nil
        }
        while index < sketch.endIndex {
            let character = sketch[index]
            if character == "\n" {
                lineStartOnlyWhitespace = true
                index = sketch.index(after: index)
                continue
            }
            if character.isWhitespace {
                index = sketch.index(after: index)
                continue
            }
            if character == "-", peek(1) == "-" {
                while index < sketch.endIndex, sketch[index] != "\n" { index = sketch.index(after: index) }
                continue
            }
            if character == "/", peek(1) == "-" {
                var depth = 0
                while index < sketch.endIndex {
                    if sketch[index] == "/", peek(1) == "-" {
                        depth += 1
                        index = sketch.index(index, offsetBy: 2)
                    } else if sketch[index] == "-", peek(1) == "/" {
                        depth -= 1
                        index = sketch.index(index, offsetBy: 2)
                        if depth == 0 { break }
                    } else {
                        index = sketch.index(after: index)
                    }
                }
                continue
            }
            if character == "\"" {
                index = sketch.index(after: index)
                while index < sketch.endIndex, sketch[index] != "\"" {
                    if sketch[index] == "\\" { index = sketch.index(after: index) }
                    if index < sketch.endIndex { index = sketch.index(after: index) }
                }
                if index < sketch.endIndex { index = sketch.index(after: index) }
                previousToken = "\"…\""
                lineStartOnlyWhitespace = false
                continue
            }
            if isIdentifierStart(character) {
                let start = index
                while index < sketch.endIndex, isIdentifierPart(sketch[index]) { index = sketch.index(after: index) }
                let word = String(sketch[start..<index])
                if word == "sorry" {
                    let tactic = lineStartOnlyWhitespace || ["by", ";", "·", ".", "<;>", "=>"].contains(previousToken)
                    result.append((start..<index, tactic))
                }
                previousToken = word
                lineStartOnlyWhitespace = false
                continue
            }
            if character == "<", peek(1) == ";", peek(2) == ">" {
                previousToken = "<;>"
                index = sketch.index(index, offsetBy: 3)
            } else if character == "=", peek(1) == ">" {
                previousToken = "=>"
                index = sketch.index(index, offsetBy: 2)
            } else {
                previousToken = String(character)
                index = sketch.index(after: index)
            }
            lineStartOnlyWhitespace = false
        }
        return result
    }

    /// The sketch with placeholder `i` replaced by `tactics[i]`; nil when a placeholder has no tactics.
    public static func compose(sketch: String, tactics: [Int: [String]]) -> String? {
        let holes = placeholders(in: sketch)
        var text = sketch
        for (offset, hole) in holes.enumerated().reversed() {
            guard let steps = tactics[offset], !steps.isEmpty else { return nil }
            let sequence = steps.map { $0.split(whereSeparator: \.isNewline).joined(separator: " ") }.joined(separator: "; ")
            text.replaceSubrange(hole.range, with: hole.isTactic ? "(\(sequence))" : "(by \(sequence))")
        }
        return text
    }

    private static func isIdentifierStart(_ character: Character) -> Bool {
        character.isLetter || character == "_" || character == "«"
    }

    private static func isIdentifierPart(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "'" || character == "!"
            || character == "?" || character == "." || ("₀"..."₉").contains(character)
    }
}
