import Foundation

/// Separates inline reasoning (`<think>…</think>`, `<thinking>…</thinking>`) from the answer text.
enum ReasoningSplitter {
    /// The answer with reasoning removed, and the reasoning found (nil when none).
    ///
    /// Handles a closed block anywhere, an unclosed `<think>` (the model ran out of tokens while
    /// thinking: everything after it is reasoning), and a lone `</think>` whose opening tag the chat
    /// template already emitted (everything before it is reasoning).
    static func split(_ text: String) -> (answer: String, reasoning: String?) {
        var answer = text
        var thoughts: [String] = []
        for tag in ["think", "thinking"] {
            let open = "<\(tag)>", close = "</\(tag)>"
            while let openRange = answer.range(of: open) {
                if let closeRange = answer.range(of: close, range: openRange.upperBound..<answer.endIndex) {
                    thoughts.append(String(answer[openRange.upperBound..<closeRange.lowerBound]))
                    answer.removeSubrange(openRange.lowerBound..<closeRange.upperBound)
                } else {
                    thoughts.append(String(answer[openRange.upperBound...]))
                    answer.removeSubrange(openRange.lowerBound...)
                }
            }
            if let closeRange = answer.range(of: close) {
                thoughts.insert(String(answer[..<closeRange.lowerBound]), at: 0)
                answer.removeSubrange(..<closeRange.upperBound)
            }
        }
        let reasoning = thoughts.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
            .joined(separator: "\n\n")
        guard !thoughts.isEmpty else { return (text, nil) }
        return (answer.trimmingCharacters(in: .whitespacesAndNewlines), reasoning.isEmpty ? nil : reasoning)
    }
}
