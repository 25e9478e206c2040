/// A token array with the positions of its significant (non-trivia) tokens and text slicing helpers.
struct SourceTokens {
    let tokens: [LeanToken]
    /// Indices into `tokens` of the tokens that are neither whitespace nor comments.
    let significant: [Int]

    init(_ tokens: [LeanToken]) {
        self.tokens = tokens
        significant = tokens.indices.filter { !tokens[$0].isTrivia }
    }

    /// The text of `tokens[range]` with comments removed (doc comments kept when asked), trimmed.
    /// A removed comment leaves a space only where it separated two tokens.
    func text(_ range: Range<Int>, keepingDocComments: Bool = false) -> String {
        var pieces: [String] = []
        for index in range {
            let token = tokens[index]
            if token.isComment && !(keepingDocComments && token.kind == .docComment) {
                if token.kind == .lineComment, let last = pieces.last, !last.contains("\n"),
                   last.allSatisfy({ $0 == " " || $0 == "\t" }) {
                    pieces.removeLast()
                }
                let before = index > range.lowerBound ? tokens[index - 1] : nil
                let after = index + 1 < range.upperBound ? tokens[index + 1] : nil
                if let before, let after, !before.isTrivia, !after.isTrivia { pieces.append(" ") }
                continue
            }
            pieces.append(token.text)
        }
        return Self.trimmed(pieces.joined())
    }

    /// The raw text of `tokens[range]`, comments kept.
    func rawText(_ range: Range<Int>) -> String {
        tokens[range].map(\.text).joined()
    }

    static func trimmed(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\r\n" }
        guard let first = text.firstIndex(where: { !isSpace($0) }),
              let last = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[first...last])
    }
}
