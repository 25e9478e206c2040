/// How a sample ended. Every sample the provider returned is recorded with one of these, never dropped.
public enum SampleOutcome: Sendable, Hashable, Codable {
    /// The model finished normally (`finish_reason` "stop" or similar).
    case complete
    /// The model hit the token limit (`finish_reason` "length"); the text is cut off (and empty when the
    /// budget ran out during reasoning).
    case truncated
    /// The model looped, repeating `unit` `repetitions` times in a row; the text was kept but capped.
    case degenerate(unit: String, repetitions: Int)
    /// The message content was null or empty.
    case empty
    /// The provider withheld or cut the content (`finish_reason` "content_filter").
    case filtered

    /// A short stable label for ledgers and tables: "complete", "truncated", "degenerate", "empty", "filtered".
    public var label: String {
        switch self {
        case .complete: "complete"
        case .truncated: "truncated"
        case .degenerate: "degenerate"
        case .empty: "empty"
        case .filtered: "filtered"
        }
    }

    /// True when the text may be worth handing to an extractor (complete or truncated; check the text).
    public var isUsable: Bool {
        switch self {
        case .complete, .truncated: true
        case .degenerate, .empty, .filtered: false
        }
    }
}
