/// Where a ledger lives, as a user writes it (`--db`, `[ledger] url`): an SQLite file path, or a
/// PostgreSQL URL shared by many peers.
///
/// ```swift
/// switch LedgerLocation.parse(flag) {
/// case .file(let path): try Ledger.open(path: path)
/// case .postgres(let url): try Ledger.open(url: url)
/// }
/// ```
public enum LedgerLocation: Sendable, Hashable, CustomStringConvertible {
    /// An SQLite ledger file (created when missing).
    case file(String)
    /// A PostgreSQL database: `postgres://user@host:port/database[?schema=NAME&sslmode=MODE]`.
    case postgres(String)

    /// `postgres://…` or `postgresql://…` (any case) is a PostgreSQL URL; anything else is a file path.
    public static func parse(_ text: String) -> LedgerLocation {
        PostgresLedgerURL.isPostgresURL(text) ? .postgres(text) : .file(text)
    }

    /// The location for messages: a PostgreSQL URL never shows a password.
    public var description: String {
        switch self {
        case .file(let path): path
        case .postgres(let url): PostgresLedgerURL.redact(url)
        }
    }
}
