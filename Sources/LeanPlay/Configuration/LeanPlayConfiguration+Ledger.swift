extension LeanPlayConfiguration {
    /// `[ledger]`: how peers share a ledger (`selfplay` and `prove` processes on one SQLite file, or on
    /// several machines sharing one PostgreSQL ledger).
    public struct LedgerSection: Sendable, Hashable, Codable {
        /// The ledger used when a command gets no `--db`: a file path (SQLite; relative to the
        /// configuration file's folder) or a `postgres://USER@HOST:PORT/DATABASE` URL. A URL must not hold
        /// a password (see ``passwordEnv``).
        public var url: String?
        /// The name of the environment variable holding the PostgreSQL password (default `PGPASSWORD`).
        /// The password itself is never read from the command line or a file, never logged or stored.
        public var passwordEnv: String
        /// How long a work lease holds without its peer's heartbeat, in seconds (default 60): the items of
        /// a peer that dies are taken over by the others this long after its last heartbeat. Peers'
        /// clocks must agree to well under this; an item never takes longer than a lease to *renew*, only
        /// a dead or stalled peer loses one.
        public var leaseSeconds: Double

        /// Creates the section; every argument defaults to the value used when the key is absent.
        public init(url: String? = nil, passwordEnv: String = "PGPASSWORD", leaseSeconds: Double = 60) {
            self.url = url
            self.passwordEnv = passwordEnv
            self.leaseSeconds = leaseSeconds
        }

        enum CodingKeys: String, CodingKey {
            case url
            case passwordEnv = "password_env"
            case leaseSeconds = "lease_seconds"
        }

        /// Decodes the section from `leanplay.toml`; absent keys keep their defaults.
        ///
        /// - Throws: `DecodingError` when a key has a value of the wrong type, or `lease_seconds` is not a
        ///   finite number above 0.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let seconds = try c.number(.leaseSeconds, minimum: 0, exclusive: true) ?? LedgerSection().leaseSeconds
            guard seconds.isFinite else { throw c.mismatch(.leaseSeconds, expected: "a finite number of seconds greater than 0") }
            leaseSeconds = seconds
            url = try c.decodeIfPresent(String.self, forKey: .url)
            if let url, url.isEmpty { throw c.mismatch(.url, expected: "a file path or a postgres:// URL") }
            passwordEnv = try c.decodeIfPresent(String.self, forKey: .passwordEnv) ?? "PGPASSWORD"
            guard !passwordEnv.isEmpty, passwordEnv.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw c.mismatch(.passwordEnv, expected: "the name of an environment variable (letters, digits, _)")
            }
        }
    }
}
