/// Turns one provider choice into a `ModelSample`: reasoning moved out of the text, outcome classified,
/// degenerate repetition capped.
struct SampleBuilder: Sendable {
    var detector: DegenerationDetector

    func sample(from choice: ChatCompletionPayload.Choice, index: Int) -> ModelSample {
        let rawText = choice.message?.content ?? choice.text
        let fieldReasoning = choice.message?.reasoningContent ?? choice.message?.reasoning
        var text = ""
        var reasoningParts: [String] = []
        if let fieldReasoning, !fieldReasoning.isEmpty { reasoningParts.append(fieldReasoning) }
        if let rawText {
            let split = ReasoningSplitter.split(rawText)
            text = split.answer
            if let inline = split.reasoning { reasoningParts.append(inline) }
        }
        let reasoning = reasoningParts.isEmpty ? nil : reasoningParts.joined(separator: "\n\n")
        let finishReason = choice.finishReason

        let outcome: SampleOutcome
        if text.allSatisfy(\.isWhitespace) {
            switch finishReason {
            case "content_filter": outcome = .filtered
            // The token budget ran out while the model was still reasoning: say so, not just "empty".
            case "length", "max_tokens": outcome = .truncated
            default: outcome = .empty
            }
        } else if let finding = detector.inspect(text) {
            text = finding.cappedText
            outcome = .degenerate(unit: finding.unit, repetitions: finding.repetitions)
        } else {
            switch finishReason {
            case "length", "max_tokens": outcome = .truncated
            case "content_filter": outcome = .filtered
            default: outcome = .complete
            }
        }
        return ModelSample(index: index, text: text, reasoning: reasoning, finishReason: finishReason, outcome: outcome)
    }
}
