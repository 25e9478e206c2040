import Foundation
import NIOCore
import NIOPosix
import PostgresNIO

/// What PostgreSQL and postgres-nio errors mean for the ledger, in words that say what to do.
///
/// Nothing here ever prints a password: PostgreSQL's own messages carry none, and postgres-nio's
/// `PSQLError` is described field by field (its debug description could include a query's bindings).
enum PostgresErrors {
    /// The error's SQLSTATE when the server reported it.
    static func sqlState(of error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// 40001 (serialization failure) and 40P01 (deadlock detected): the transaction was aborted because
    /// of a concurrent one and succeeds when run again.
    static func isRetryable(sqlState: String) -> Bool {
        sqlState == "40001" || sqlState == "40P01"
    }

    /// Whether the connection is gone (the server closed it, restarted, or the network dropped it).
    static func isConnectionLost(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError else { return false }
        switch error.code {
        case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown: return true
        default:
            // 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now: the server is going away.
            return ["57P01", "57P02", "57P03"].contains(sqlState(of: error) ?? "")
        }
    }

    /// One line for a message: `PostgreSQL 23505: duplicate key value … (detail; hint)` for a server
    /// error, the client's code and cause otherwise.
    static func describe(_ error: any Error) -> String {
        if let ledgerError = error as? LedgerError { return ledgerError.description }
        guard let error = error as? PSQLError else { return String(describing: error) }
        if let info = error.serverInfo {
            var text = "PostgreSQL \(info[.sqlState] ?? "error"): \(info[.message] ?? "no message")"
            let extra = [info[.detail], info[.hint].map { "hint: \($0)" }].compactMap { $0 }
            if !extra.isEmpty { text += " (\(extra.joined(separator: "; ")))" }
            return text
        }
        var text = "PostgreSQL client error \(error.code)"
        if let underlying = error.underlying { text += ": \(underlying)" }
        return text
    }

    /// The ``LedgerError/Code/serverUnavailable`` error for a failed connection to `url`, saying what to do.
    static func openError(_ error: any Error, url: PostgresLedgerURL, passwordVariable: String, passwordGiven: Bool) -> LedgerError {
        let place = "\(url.host):\(url.port)"
        let state = sqlState(of: error)
        let message: String
        if let psql = error as? PSQLError, psql.code == .authMechanismRequiresPassword {
            message = "the server asks user \(url.user) for a password and $\(passwordVariable) is empty or unset; "
                + "export \(passwordVariable) (or name another variable with [ledger] password_env)"
        } else if state == "28P01" || state == "28000" {
            message = "authentication failed for user \(url.user) (\(describe(error))); check the user in the URL, the "
                + "password in $\(passwordVariable)\(passwordGiven ? "" : " (unset)") and the server's pg_hba.conf"
        } else if state == "3D000" {
            message = "database \(url.database) does not exist on \(place); create it (createdb -h \(url.host) -p \(url.port) "
                + "-U \(url.user) \(url.database)) or fix the database name in the URL"
        } else if state == "53300" {
            message = "the server has no free connection slots (\(describe(error))); raise max_connections or run fewer "
                + "peers (each holds one connection)"
        } else if let psql = error as? PSQLError, psql.code == .sslUnsupported {
            message = "the server at \(place) does not offer TLS and the URL says sslmode=\(url.sslMode.rawValue); enable "
                + "ssl on the server or use sslmode=prefer or sslmode=disable"
        } else if isConnectionRefused(error) {
            message = "cannot connect to \(place) (connection refused); is the server running on \(place)? "
                + "see README 'Running on many machines'"
        } else if let psql = error as? PSQLError, psql.serverInfo == nil {
            message = "cannot connect to \(place) (\(describe(error))); is the server running on \(place) and reachable "
                + "from here? see README 'Running on many machines'"
        } else {
            message = "cannot open the ledger database (\(describe(error)))"
        }
        return LedgerError(.serverUnavailable, message, context: url.redacted)
    }

    /// Whether connecting failed because nothing listens on the port.
    static func isConnectionRefused(_ error: any Error) -> Bool {
        var current: (any Error)? = error
        var depth = 0
        while let error = current, depth < 4 {
            depth += 1
            if let io = error as? IOError, io.errnoCode == ECONNREFUSED { return true }
            if let connect = error as? NIOConnectionError {
                return connect.connectionErrors.contains { attempt in
                    (attempt.error as? IOError)?.errnoCode == ECONNREFUSED
                }
            }
            if String(describing: error).localizedCaseInsensitiveContains("connection refused") { return true }
            current = (error as? PSQLError)?.underlying
        }
        return false
    }
}
