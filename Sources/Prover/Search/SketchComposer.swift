/// Fills the `sorry` placeholders of a sketch with the tactics the search found for them, as Lean layout.
///
/// The placeholders are found by `SketchPlaceholderScanner` (comments, strings and identifiers that merely
/// contain `sorry` are skipped). The i-th placeholder in source order matches the i-th entry of the REPL's
/// `sorries` sorted by position.
///
/// The tactics of one placeholder are written one per line at one column, the way the REPL applied
/// them: a step's own continuation lines keep their indentation relative to its first line, so nested
/// blocks (`constructor` then `· …` bullets, `have … := by` with an indented body) and trailing `--`
/// comments survive unchanged. What the search checked step by step is therefore what gets re-checked:
///
/// - a placeholder that starts a tactic block (alone on its line, or after `by`, `·`, `=>`, `then`,
///   `else`) is replaced in place; later steps go on their own lines at the placeholder's column;
/// - after `;` or `<;>`, or with code after it on the same line, one single-line step replaces it in
///   place and several steps become a parenthesized sequence `(t₁⏎ t₂)`;
/// - in term position it becomes `(by t₁⏎ t₂)`.
///
/// A closing parenthesis never follows a line comment on the same line: it moves to its own line.
public enum SketchComposer {
    /// The placeholders of `sketch` in source order.
    public static func placeholders(in sketch: String) -> [SketchPlaceholder] {
        SketchPlaceholderScanner.scan(sketch)
    }

    /// The sketch with placeholder `i` replaced by `tactics[i]`; nil when a placeholder has no tactics.
    public static func compose(sketch: String, tactics: [Int: [String]]) -> String? {
        let holes = placeholders(in: sketch)
        var text = sketch
        for (offset, hole) in holes.enumerated().reversed() {
            guard let steps = tactics[offset]?.compactMap(cleaned), !steps.isEmpty else { return nil }
            text.replaceSubrange(hole.range, with: replacement(for: hole, steps: steps))
        }
        return text
    }

    /// The text that replaces `hole`.
    static func replacement(for hole: SketchPlaceholder, steps: [String]) -> String {
        let singleLine = steps.count == 1 && !steps[0].contains("\n")
        let inlineSafe = singleLine && !hasLineComment(steps[0])
        switch hole.position {
        case .blockStart where !hole.hasCodeAfter:
            return block(steps, column: hole.column)
        case .blockStart, .sequenced:
            if inlineSafe { return steps[0] }
            return parenthesized(steps, opening: "(", column: hole.column)
        case .term:
            if inlineSafe { return "(by \(steps[0]))" }
            return parenthesized(steps, opening: "(by ", column: hole.column)
        }
    }

    /// The steps one per line at `column`: the first line without indentation (it goes where the
    /// placeholder was), every later line of every step shifted right by `column` spaces.
    static func block(_ steps: [String], column: Int) -> String {
        let pad = String(repeating: " ", count: column)
        var lines: [String] = []
        for step in steps {
            for line in step.split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append(lines.isEmpty || line.isEmpty ? String(line) : pad + line)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `opening` + the block + `)`; the parenthesis goes on its own line (at `column`, left of the
    /// block) when the last line ends in a comment.
    static func parenthesized(_ steps: [String], opening: String, column: Int) -> String {
        let inner = block(steps, column: column + opening.unicodeScalars.count)
        let lastLine = inner.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? inner
        if hasLineComment(lastLine) {
            return opening + inner + "\n" + String(repeating: " ", count: column) + ")"
        }
        return opening + inner + ")"
    }

    /// The step without trailing whitespace or blank lines (leading text is kept: the REPL parsed the
    /// step from its first character); nil when nothing is left.
    static func cleaned(_ step: String) -> String? {
        var scalars = Substring(step).unicodeScalars
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        let text = String(scalars)
        return text.isEmpty ? nil : text
    }

    /// Whether `text` holds a `--` line comment outside string literals (conservatively: a `--` that
    /// opens a nested block comment's text counts too, which only costs a line break).
    static func hasLineComment(_ text: String) -> Bool {
        var inString = false
        var previous: Character?
        var escaped = false
        for character in text {
            if inString {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
            } else if character == "\"" {
                inString = true
            } else if character == "-", previous == "-" {
                return true
            }
            previous = inString ? nil : character
        }
        return false
    }
}
