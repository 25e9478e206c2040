import Foundation

/// A PostgreSQL ledger's address, parsed from `postgres://user@host:port/database?schema=NAME&sslmode=MODE`
/// (`postgresql://` too).
///
/// - `user`: default `$PGUSER`, else the login name.
/// - `port`: default 5432.
/// - `database`: default the user name (as libpq does).
/// - `schema`: optional; the ledger's tables live in that schema (created when missing, put first on every
///   connection's `search_path`). Lowercase letters, digits and `_`, starting with a letter or `_`.
/// - `sslmode`: `disable`, `prefer` (the default, as libpq: TLS when the server offers it), `require`
///   (TLS or fail; the certificate is not verified, as libpq's `require`), `verify-full` (TLS with the
///   certificate verified against the system's trust roots and the host name).
///
/// A password in the URL is refused: it would land in shell history, process lists and logs. The password
/// comes from the environment (`PGPASSWORD`, or the variable `[ledger] password_env` names).
struct PostgresLedgerURL: Sendable, Hashable {
    /// How the connection uses TLS (libpq's `sslmode` names).
    enum SSLMode: String, Sendable, Hashable, CaseIterable {
        case disable
        case prefer
        case require
        case verifyFull = "verify-full"
    }

    var user: String
    var host: String
    var port: Int
    var database: String
    var schema: String?
    var sslMode: SSLMode

    /// The URL as messages show it: never a password.
    var redacted: String {
        var query: [String] = []
        if let schema { query.append("schema=\(schema)") }
        if sslMode != .prefer { query.append("sslmode=\(sslMode.rawValue)") }
        let hostPart = host.contains(":") ? "[\(host)]" : host
        let userPart = user.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed) ?? user
        let databasePart = database.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? database
        return "postgres://\(userPart)@\(hostPart):\(port)/\(databasePart)" + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }

    /// Whether `text` names a PostgreSQL ledger (`postgres://` or `postgresql://`, any case).
    static func isPostgresURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    /// Parses `text`.
    ///
    /// - Parameter environment: where `PGUSER` and `USER` are read for the default user.
    /// - Throws: ``LedgerError/Code/invalidLocation`` naming what is wrong (a password in the URL, an unknown
    ///   parameter, a bad port or schema name); the message never repeats a password.
    static func parse(_ text: String, environment: [String: String]) throws(LedgerError) -> PostgresLedgerURL {
        let shown = redact(text)
        func bad(_ message: String) -> LedgerError {
            LedgerError(.invalidLocation, message, context: shown)
        }
        guard isPostgresURL(text) else {
            throw bad("not a PostgreSQL URL; write postgres://USER@HOST:PORT/DATABASE")
        }
        guard let components = URLComponents(string: text) else {
            throw bad("cannot parse the PostgreSQL URL; write postgres://USER@HOST:PORT/DATABASE (percent-encode special characters)")
        }
        if components.password != nil || components.percentEncodedPassword != nil {
            throw bad(
                "a password in the ledger URL is refused (it would land in shell history and logs); remove it and "
                    + "export PGPASSWORD, or name another variable with [ledger] password_env")
        }
        guard var host = components.host, !host.isEmpty else {
            throw bad("the PostgreSQL URL names no host; write postgres://USER@HOST:PORT/DATABASE")
        }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }  // IPv6 literal
        let port = components.port ?? 5432
        guard (1...65_535).contains(port) else {
            throw bad("port \(port) is out of range (1–65535)")
        }
        let user = components.user.flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["PGUSER"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["USER"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ProcessInfo.processInfo.userName
        var path = components.path
        if path.hasPrefix("/") { path.removeFirst() }
        guard !path.contains("/") else {
            throw bad("the URL path must be one database name (postgres://USER@HOST:PORT/DATABASE), not \(path)")
        }
        if let fragment = components.fragment {
            throw bad("the URL ends in #\(fragment), which a ledger URL does not take; remove it")
        }
        var schema: String?
        var sslMode = SSLMode.prefer
        var seen: Set<String> = []
        for item in components.queryItems ?? [] {
            guard seen.insert(item.name).inserted else {
                throw bad("\(item.name)= is given twice in the URL; give it once")
            }
            switch item.name {
            case "schema":
                guard let value = item.value, isValidSchemaName(value) else {
                    throw bad(
                        "schema=\(item.value ?? "") is not a schema name LeanPlay accepts: lowercase letters, digits and _, "
                            + "starting with a letter or _, at most 63 characters")
                }
                schema = value
            case "sslmode":
                guard let value = item.value, let mode = SSLMode(rawValue: value) else {
                    throw bad(
                        "sslmode=\(item.value ?? "") is not supported; use one of "
                            + SSLMode.allCases.map(\.rawValue).joined(separator: ", "))
                }
                sslMode = mode
            case "password":
                throw bad(
                    "a password in the ledger URL is refused (it would land in shell history and logs); remove it and "
                        + "export PGPASSWORD, or name another variable with [ledger] password_env")
            default:
                throw bad("unknown URL parameter \(item.name); the ledger URL accepts schema= and sslmode=")
            }
        }
        return PostgresLedgerURL(
            user: user, host: host, port: port, database: path.isEmpty ? user : path, schema: schema, sslMode: sslMode)
    }

    /// `[a-z_][a-z0-9_]*`, at most 63 bytes (PostgreSQL's identifier length), not starting with `pg_`
    /// (reserved for system schemas).
    static func isValidSchemaName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.utf8.count <= 63, !name.hasPrefix("pg_") else { return false }
        func isLetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || c == "_" }
        return isLetter(first) && name.unicodeScalars.allSatisfy { isLetter($0) || ("0"..."9").contains($0) }
    }

    /// `text` with any password between `user:` and `@` replaced by `***`, for messages about a URL that
    /// could not be parsed.
    static func redact(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        let rest = text[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard let at = authority.lastIndex(of: "@") else {
            return String(text[..<schemeEnd.upperBound]) + redactQuery(String(rest))
        }
        let userInfo = authority[..<at]
        let user = userInfo.firstIndex(of: ":").map { String(userInfo[..<$0]) + ":***" } ?? String(userInfo)
        return String(text[..<schemeEnd.upperBound]) + user + redactQuery(String(rest[at...]))
    }

    /// A `password=` query parameter's value replaced by `***`.
    private static func redactQuery(_ text: String) -> String {
        guard let question = text.firstIndex(of: "?") else { return text }
        let query = text[text.index(after: question)...].split(separator: "&", omittingEmptySubsequences: false).map { item in
            item.lowercased().hasPrefix("password=") ? "password=***" : String(item)
        }
        return String(text[...question]) + query.joined(separator: "&")
    }
}
