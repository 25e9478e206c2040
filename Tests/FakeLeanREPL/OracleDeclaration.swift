import Foundation

/// A rough reading of one Lean command chunk, enough for the scripted oracle (not a Lean parser).
struct OracleDeclaration {
    var keyword: String
    var name: String?
    var binders: String
    var statement: String
    var proof: String
    var isTactic: Bool
    /// 0-based offsets (in characters) of the name, the statement and the proof within the chunk.
    var nameOffset: Int
    var statementOffset: Int
    var proofOffset: Int

    /// Parses `theorem|lemma|example [NAME] BINDERS : STATEMENT := PROOF` (modifiers before it allowed).
    init?(_ chunk: String) {
        let characters = Array(chunk)
        guard let keywordRange = Self.findKeyword(characters) else { return nil }
        keyword = String(characters[keywordRange])
        var index = keywordRange.upperBound
        while index < characters.count, characters[index].isWhitespace { index += 1 }
        nameOffset = index
        if keyword != "example" {
            let start = index
            while index < characters.count, !characters[index].isWhitespace, !"({[⦃:".contains(characters[index]) { index += 1 }
            name = String(characters[start..<index])
            // `name.{u v}`: explicit universe parameters are not part of the constant's name.
            if name?.hasSuffix(".") == true, index < characters.count, characters[index] == "{",
               let close = characters[index...].firstIndex(of: "}") {
                name?.removeLast()
                index = close + 1
            }
        }
        guard let assign = Self.topLevel(":=", in: characters, from: index) else { return nil }
        let signature = Array(characters[index..<assign])
        guard let colon = Self.firstTopLevelColon(signature) else { return nil }
        binders = String(signature[..<colon]).trimmingCharacters(in: .whitespacesAndNewlines)
        statement = String(signature[(colon + 1)...]).trimmingCharacters(in: .whitespacesAndNewlines)
        statementOffset = index + colon + 1
        var proofStart = assign + 2
        while proofStart < characters.count, characters[proofStart].isWhitespace { proofStart += 1 }
        proofOffset = proofStart
        var body = String(characters[proofStart...])
        isTactic = body.hasPrefix("by") && (body.count == 2 || body.dropFirst(2).first!.isWhitespace)
        if isTactic { body = String(body.dropFirst(2)) }
        proof = body.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The statement closed over its binders: `∀ (x : ℕ), x + 0 = x`, or the statement alone.
    var closedType: String {
        binders.isEmpty ? statement : "∀ \(binders), \(statement)"
    }

    /// The goal as Lean prints it: one hypothesis line per binder, then `⊢ STATEMENT`.
    var goal: String {
        var lines: [String] = []
        var depth = 0
        var current = ""
        for character in binders {
            if "([{⦃".contains(character) {
                if depth == 0 { current = "" } else { current.append(character) }
                depth += 1
            } else if ")]}⦄".contains(character) {
                depth -= 1
                if depth == 0 { lines.append(current.trimmingCharacters(in: .whitespaces)) } else { current.append(character) }
            } else if depth > 0 {
                current.append(character)
            }
        }
        return (lines + ["⊢ \(statement)"]).joined(separator: "\n")
    }

    private static func findKeyword(_ characters: [Character]) -> Range<Int>? {
        for keyword in ["theorem", "lemma", "example"] {
            let pattern = Array(keyword)
            var index = 0
            while index + pattern.count <= characters.count {
                let before = index == 0 ? " " : characters[index - 1]
                let afterIndex = index + pattern.count
                let after = afterIndex < characters.count ? characters[afterIndex] : " "
                if Array(characters[index..<afterIndex]) == pattern, before.isWhitespace || before == "]",
                    after.isWhitespace || after == ":" {
                    return index..<afterIndex
                }
                index += 1
            }
        }
        return nil
    }

    /// For each character: true when it lies inside a string (`"…"`) or character literal (`'x'`,
    /// `'\n'`, not the `'` of `x'`), where brackets and `:=` mean nothing.
    static func literalMask(_ characters: [Character]) -> [Bool] {
        var mask = Array(repeating: false, count: characters.count)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\"" {
                var end = index + 1
                while end < characters.count, characters[end] != "\"" { end += characters[end] == "\\" ? 2 : 1 }
                for position in index..<min(end + 1, characters.count) { mask[position] = true }
                index = end + 1
                continue
            }
            if character == "'", index == 0 || !(characters[index - 1].isLetter || characters[index - 1].isNumber || characters[index - 1] == "'" || characters[index - 1] == "_") {
                let length = index + 1 < characters.count && characters[index + 1] == "\\" ? 4 : 3
                if index + length - 1 < characters.count, characters[index + length - 1] == "'" {
                    for position in index..<(index + length) { mask[position] = true }
                    index += length
                    continue
                }
            }
            index += 1
        }
        return mask
    }

    static func topLevel(_ token: String, in characters: [Character], from start: Int) -> Int? {
        let pattern = Array(token)
        let literal = literalMask(characters)
        var depth = 0
        var index = start
        while index + pattern.count <= characters.count {
            let character = characters[index]
            if literal[index] { index += 1; continue }
            if "([{⦃⟨".contains(character) { depth += 1 }
            if ")]}⦄⟩".contains(character) { depth -= 1 }
            if depth == 0, Array(characters[index..<(index + pattern.count)]) == pattern { return index }
            index += 1
        }
        return nil
    }

    private static func firstTopLevelColon(_ characters: [Character]) -> Int? {
        var depth = 0
        var found: Int?
        let literal = literalMask(characters)
        for (index, character) in characters.enumerated() where !literal[index] {
            if "([{⦃⟨".contains(character) { depth += 1 }
            if ")]}⦄⟩".contains(character) { depth -= 1 }
            if depth == 0, character == ":" { found = found ?? index }
        }
        return found
    }

    /// Text for type comparisons: comments (`-- …`, `/- … -/`) and all whitespace removed, `⦃`/`⦄`
    /// for `{{`/`}}`, so two renderings of one statement compare equal as their elaborations would.
    static func normalized(_ text: String) -> String {
        var result = ""
        let characters = Array(text)
        var index = 0
        var depth = 0
        while index < characters.count {
            let character = characters[index]
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            if character == "/", next == "-" { depth += 1; index += 2; continue }
            if depth > 0 {
                if character == "-", next == "/" { depth -= 1; index += 2 } else { index += 1 }
                continue
            }
            if character == "-", next == "-" {
                while index < characters.count, characters[index] != "\n" { index += 1 }
                continue
            }
            if !character.isWhitespace { result.append(character) }
            index += 1
        }
        return result.replacingOccurrences(of: "{{", with: "⦃").replacingOccurrences(of: "}}", with: "⦄")
    }
}
