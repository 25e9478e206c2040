/// The one error type of the Ledger module: what failed, where, and what to do about it.
///
/// Errors never contain secrets; they may contain ledger paths, identifiers and SQLite messages.
public struct LedgerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure happened. New codes may be added without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        enum Kind: String, Sendable, Hashable {
            case openFailed = "open-failed"
            case notALedger = "not-a-ledger"
            case migrationFailed = "migration-failed"
            case newerSchema = "newer-schema"
            case database = "database"
            case unknownProblem = "unknown-problem"
            case unknownFormalization = "unknown-formalization"
            case unknownAttempt = "unknown-attempt"
            case unknownRound = "unknown-round"
            case invalidRecord = "invalid-record"
            case invalidTransition = "invalid-transition"
            case corruptRow = "corrupt-row"
            case exportFailed = "export-failed"
            case invalidLocation = "invalid-location"
            case serverUnavailable = "server-unavailable"
            case lostLease = "lost-lease"
            case evaluationRunMismatch = "evaluation-run-mismatch"
        }

        let kind: Kind

        /// The ledger file could not be opened or created.
        public static let openFailed = Code(kind: .openFailed)
        /// The file exists but is not an SQLite database (a corpus or an export given as the ledger, say);
        /// it was left untouched.
        public static let notALedger = Code(kind: .notALedger)
        /// A schema migration failed; the ledger file was left as it was before.
        public static let migrationFailed = Code(kind: .migrationFailed)
        /// The ledger file was written by a newer LeanPlay with migrations this build does not know.
        public static let newerSchema = Code(kind: .newerSchema)
        /// SQLite reported an error while reading or writing.
        public static let database = Code(kind: .database)
        /// A formalization names a problem that is not in the ledger.
        public static let unknownProblem = Code(kind: .unknownProblem)
        /// An attempt or lookup names a formalization that is not in the ledger.
        public static let unknownFormalization = Code(kind: .unknownFormalization)
        /// A repair names an attempt that is not in the ledger.
        public static let unknownAttempt = Code(kind: .unknownAttempt)
        /// A round number that was never started.
        public static let unknownRound = Code(kind: .unknownRound)
        /// A record given by the caller is inconsistent (for example an accepted proof without proof text).
        public static let invalidRecord = Code(kind: .invalidRecord)
        /// A status change that the ledger's rules forbid (for example marking a proved statement ill-formed).
        public static let invalidTransition = Code(kind: .invalidTransition)
        /// A stored row holds a value this build cannot read (unknown status, malformed JSON).
        public static let corruptRow = Code(kind: .corruptRow)
        /// Writing an export failed.
        public static let exportFailed = Code(kind: .exportFailed)
        /// A ledger URL cannot be used as written (not `postgres://USER@HOST:PORT/DATABASE`, a password
        /// inside it, an unknown parameter, a bad port or schema name); the message says what to change.
        public static let invalidLocation = Code(kind: .invalidLocation)
        /// The ledger's PostgreSQL server cannot be reached or refuses the connection (not running,
        /// unreachable, authentication failed, no such database, no free connection slot, TLS refused);
        /// the message says what to check.
        public static let serverUnavailable = Code(kind: .serverUnavailable)
        /// This peer no longer holds the lease on a work item: it expired and another peer took the item
        /// over (or completed it). The item's attempts are in the ledger under their idempotency keys, so
        /// nothing is lost; drop the item and lease another.
        public static let lostLease = Code(kind: .lostLease)
        /// An evaluation run is already registered under this id with another problem list or
        /// configuration (peers started with different `--split`/`--ids`/`--limit` or another benchmark
        /// file of the same name).
        public static let evaluationRunMismatch = Code(kind: .evaluationRunMismatch)

        /// The stable text of the code, e.g. `"unknown-formalization"`.
        public var description: String { kind.rawValue }
    }

    /// What kind of failure happened.
    public var code: Code
    /// A message that says what happened and what to do.
    public var message: String
    /// Where it happened: a ledger path, a formalization id, an idempotency key, an export kind.
    public var context: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, context: String? = nil) {
        self.code = code
        self.message = message
        self.context = context
    }

    /// `"ledger (context): message"`: what happened and what to do, without internal code names; match
    /// on ``code`` in programs.
    public var description: String {
        if let context {
            return "ledger (\(context)): \(message)"
        }
        return "ledger: \(message)"
    }
}
