/// Finds the `sorry` placeholders of a sketch: a small scanner that skips comments (`--`, nested
/// `/- -/`), strings and character literals, and only takes `sorry` as a whole identifier (`h_sorry`,
/// `sorry_lemma` are not placeholders).
enum SketchPlaceholderScanner {
    /// Tokens after which a placeholder starts a tactic block.
    static let blockOpeners: Set<String> = ["by", "·", ".", "=>", "then", "else"]
    /// Tokens after which a placeholder is one tactic of a sequence.
    static let sequencers: Set<String> = [";", "<;>"]
    /// Tokens after which a placeholder at the start of a line is still a term.
    static let termOpeners: Set<String> = [":=", "(", "⟨", ",", "exact", "refine", "apply", "use", "show", "from", "<|", "$"]

    static func scan(_ sketch: String) -> [SketchPlaceholder] {
        let scalars = Array(sketch.unicodeScalars)
        var indices: [String.Index] = []
        indices.reserveCapacity(scalars.count + 1)
        var cursor = sketch.unicodeScalars.startIndex
        while cursor < sketch.unicodeScalars.endIndex {
            indices.append(cursor)
            cursor = sketch.unicodeScalars.index(after: cursor)
        }
        indices.append(sketch.unicodeScalars.endIndex)

        var result: [SketchPlaceholder] = []
        var index = 0
        var previousToken = ""
        var lineStart = 0
        var lineStartOnlyWhitespace = true
        func at(_ offset: Int) -> Unicode.Scalar? { index + offset < scalars.count ? scalars[index + offset] : nil }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" {
                lineStartOnlyWhitespace = true
                index += 1
                lineStart = index
                continue
            }
            if scalar.properties.isWhitespace {
                index += 1
                continue
            }
            if scalar == "-", at(1) == "-" {
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
                continue
            }
            if scalar == "/", at(1) == "-" {
                var depth = 0
                while index < scalars.count {
                    if scalars[index] == "/", at(1) == "-" {
                        depth += 1
                        index += 2
                    } else if scalars[index] == "-", at(1) == "/" {
                        depth -= 1
                        index += 2
                        if depth == 0 { break }
                    } else {
                        if scalars[index] == "\n" { lineStart = index + 1 }
                        index += 1
                    }
                }
                continue
            }
            if scalar == "\"" {
                index += 1
                while index < scalars.count, scalars[index] != "\"" {
                    if scalars[index] == "\\" { index += 1 }
                    index += 1
                }
                index = min(index + 1, scalars.count)
                previousToken = "\"…\""
                lineStartOnlyWhitespace = false
                continue
            }
            if isIdentifierStart(scalar) {
                let start = index
                while index < scalars.count, isIdentifierPart(scalars[index]) { index += 1 }
                let word = String(String.UnicodeScalarView(scalars[start..<index]))
                if word == "sorry" {
                    let position: SketchPlaceholder.Position
                    if blockOpeners.contains(previousToken) {
                        position = .blockStart
                    } else if sequencers.contains(previousToken) {
                        position = .sequenced
                    } else if lineStartOnlyWhitespace, !termOpeners.contains(previousToken) {
                        position = .blockStart
                    } else {
                        position = .term
                    }
                    result.append(SketchPlaceholder(
                        range: indices[start]..<indices[index], position: position, column: start - lineStart,
                        hasCodeAfter: hasCode(in: scalars, from: index)))
                }
                previousToken = word
                lineStartOnlyWhitespace = false
                continue
            }
            if scalar == "<", at(1) == ";", at(2) == ">" {
                previousToken = "<;>"
                index += 3
            } else if scalar == "=", at(1) == ">" {
                previousToken = "=>"
                index += 2
            } else if scalar == ":", at(1) == "=" {
                previousToken = ":="
                index += 2
            } else if scalar == "<", at(1) == "|" {
                previousToken = "<|"
                index += 2
            } else {
                previousToken = String(scalar)
                index += 1
            }
            lineStartOnlyWhitespace = false
        }
        return result
    }

    /// Whether anything but whitespace and a line comment follows `start` on its line.
    static func hasCode(in scalars: [Unicode.Scalar], from start: Int) -> Bool {
        var index = start
        while index < scalars.count, scalars[index] != "\n" {
            let scalar = scalars[index]
            if scalar == "-", index + 1 < scalars.count, scalars[index + 1] == "-" { return false }
            if !scalar.properties.isWhitespace { return true }
            index += 1
        }
        return false
    }

    static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar == "_" || scalar == "«"
    }

    static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_" || scalar == "'"
            || scalar == "!" || scalar == "?" || scalar == "." || ("₀"..."₉").contains(scalar)
    }
}
