/// Removes a secret from text that is about to be stored in an error, a log line or a file.
struct SecretRedactor: Sendable {
    /// The secret to scrub; nil or short values (under 4 characters) are not scrubbed.
    var secret: String?

    /// `text` with every occurrence of the secret replaced by `[REDACTED]`.
    func scrub(_ text: String) -> String {
        guard let secret, secret.count >= 4, text.contains(secret) else { return text }
        return text.split(separator: secret, omittingEmptySubsequences: false).joined(separator: "[REDACTED]")
    }
}
