import Foundation

/// Parses an HTTP `Retry-After` value: delta-seconds ("120", also "1.5") or an HTTP date
/// ("Wed, 21 Oct 2015 07:28:00 GMT", RFC 850 and asctime forms too).
enum RetryAfter {
    /// The longest wait reported (about 31 years); a hostile or buggy value beyond it is clamped
    /// instead of overflowing (the retry policy then refuses to wait that long).
    static let longest: Duration = .seconds(1_000_000_000)

    /// The wait the value asks for, measured from `now`; nil when unparsable. Past dates mean zero.
    static func delay(from value: String, now: Date) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(trimmed), seconds.isFinite {
            return milliseconds(seconds)
        }
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: trimmed) {
                return milliseconds(date.timeIntervalSince(now))
            }
        }
        return nil
    }

    /// `seconds` as a duration rounded to milliseconds, within `0...longest`.
    private static func milliseconds(_ seconds: Double) -> Duration {
        let clamped = min(max(0, seconds), longest.seconds)
        return .milliseconds(Int64((clamped * 1000).rounded()))
    }
}
