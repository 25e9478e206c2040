/// Removes a model's reasoning from its output: `<think>…</think>`, `<thinking>…</thinking>` and
/// `<reasoning>…</reasoning>` (any case). A tag that is never closed hides everything after it, and a
/// closing tag with no opening tag before it (some models omit `<think>`) hides everything before it.
///
/// ```swift
/// stripReasoning("<think>try omega</think>\n```lean\nexample : 1 = 1 := rfl\n```")
/// // "\n```lean\nexample : 1 = 1 := rfl\n```"
/// ```
public func stripReasoning(_ text: String) -> String {
    ReasoningStripper.split(text).visible
}

/// Splits model output into visible text and reasoning segments.
enum ReasoningStripper {
    struct Split {
        var visible: String
        var reasoning: [String]
        var failure: ExtractionError?
    }

    static func split(_ text: String) -> Split {
        var reasoning: [String] = []
        var visible: [UInt8] = []
        var cursor = 0
        do {
            let firstClose = try ExtractionPatterns.reasoningClose.match(in: text)
            if let firstClose {
                let firstOpen = try ExtractionPatterns.reasoningOpen.match(in: text)
                if firstOpen.map({ firstClose.range.lowerBound < $0.range.lowerBound }) ?? true {
                    reasoning.append(PCRE2Match.slice(text, 0..<firstClose.range.lowerBound))
                    cursor = firstClose.range.upperBound
                }
            }
            let blocks = try ExtractionPatterns.reasoningBlock.matches(in: text, from: cursor)
            if blocks.isEmpty, cursor == 0 { return Split(visible: text, reasoning: []) }
            let bytes = Array(text.utf8)
            visible.reserveCapacity(bytes.count)
            for block in blocks {
                visible.append(contentsOf: bytes[cursor..<block.range.lowerBound])
                reasoning.append(block[2] ?? "")
                cursor = block.range.upperBound
            }
            visible.append(contentsOf: bytes[cursor...])
            return Split(visible: String(decoding: visible, as: UTF8.self), reasoning: reasoning)
        } catch {
            return Split(visible: text, reasoning: [], failure: error)
        }
    }
}
