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

    static func topLevel(_ token: String, in characters: [Character], from start: Int) -> Int? {
        let pattern = Array(token)
        var depth = 0
        var index = start
        while index + pattern.count <= characters.count {
            let character = characters[index]
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
        for (index, character) in characters.enumerated() {
            if "([{⦃⟨".contains(character) { depth += 1 }
            if ")]}⦄⟩".contains(character) { depth -= 1 }
            if depth == 0, character == ":" { found = found ?? index }
        }
        return found
    }

    /// Whitespace-normalized text for type comparisons.
    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
