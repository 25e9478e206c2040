import LeanSource

/// A statement seen as editable text fragments: each binder's type, and the conclusion.
struct StatementFragments {
    enum Slot: Hashable {
        case binderType(Int)
        case conclusion
    }

    let declaration: LeanDeclaration
    /// Each slot's tokens, lexed once (nil when the slot's text does not lex).
    private let tokensBySlot: [Slot: [LeanToken]]

    init(declaration: LeanDeclaration) {
        self.declaration = declaration
        var tokens: [Slot: [LeanToken]] = [:]
        for slot in declaration.binders.indices.map(Slot.binderType) + [.conclusion] {
            let text: String = switch slot {
            case .binderType(let index): declaration.binders[index].type
            case .conclusion: declaration.conclusion
            }
            tokens[slot] = try? LeanLexer.tokenize(text)
        }
        tokensBySlot = tokens
    }

    /// The slots that carry claims: hypothesis types and the conclusion (variable types are left alone).
    var claimSlots: [Slot] {
        declaration.binders.indices.filter { declaration.binders[$0].isHypothesis }.map(Slot.binderType) + [.conclusion]
    }

    /// Every slot: all binder types, then the conclusion.
    var allSlots: [Slot] { declaration.binders.indices.map(Slot.binderType) + [.conclusion] }

    func text(_ slot: Slot) -> String {
        switch slot {
        case .binderType(let index): declaration.binders[index].type
        case .conclusion: declaration.conclusion
        }
    }

    /// The declaration with `slot`'s text replaced.
    func replacing(_ slot: Slot, with text: String) -> LeanDeclaration {
        var copy = declaration
        switch slot {
        case .binderType(let index): copy.binders[index].type = text
        case .conclusion: copy.conclusion = text
        }
        return copy
    }

    /// The slot's tokens (lossless), or nil when the text does not lex.
    func tokens(_ slot: Slot) -> [LeanToken]? { tokensBySlot[slot] }
}

/// Token-list helpers for the mutators.
enum TokenEdit {
    /// The text with token `index` replaced by `replacement`.
    static func replacing(_ tokens: [LeanToken], at index: Int, with replacement: String) -> String {
        var text = ""
        for (position, token) in tokens.enumerated() { text += position == index ? replacement : token.text }
        return text
    }

    /// The index of the nearest non-trivia token after (direction +1) or before (−1) `index`.
    static func neighbour(_ tokens: [LeanToken], of index: Int, direction: Int) -> Int? {
        var position = index + direction
        while position >= 0, position < tokens.count {
            if !tokens[position].isTrivia { return position }
            position += direction
        }
        return nil
    }

    /// A plain decimal natural literal's value (no hex, decimals or exponents; must fit comfortably).
    static func naturalValue(_ token: LeanToken) -> Int? {
        guard token.kind == .number, token.text.count <= 15, token.text.allSatisfy(\.isASCII),
              token.text.allSatisfy(\.isNumber) else { return nil }
        return Int(token.text)
    }
}
