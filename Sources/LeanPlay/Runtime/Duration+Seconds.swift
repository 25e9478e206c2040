extension Duration {
    /// The longest timeout LeanPlay sets (about 31 years): a larger, infinite or NaN number of seconds
    /// from `leanplay.toml` or a flag means "practically never" instead of trapping when converted.
    static let longestTimeout: Duration = .seconds(1_000_000_000)

    /// `seconds` in whole milliseconds, within `.zero...longestTimeout` (a negative value is zero, which
    /// the consumers reject or treat as "expire at once", as they did before).
    static func timeout(seconds: Double) -> Duration {
        guard seconds < 1_000_000_000 else { return longestTimeout }
        return .milliseconds(Int64((max(0, seconds) * 1000).rounded(.towardZero)))
    }
}
