import Foundation

/// The PostgreSQL server the tests use: `LEANPLAY_TEST_POSTGRES_URL`, set by `eval "$(Scripts/start-postgres)"`
/// (and by `.ci/run`). Each test works in a fresh schema of it (`?schema=NAME`), so tests running at once
/// never see each other's tables.
///
/// Unset: PostgreSQL tests are left out, except under `CI=true`, where they run and fail (CI never
/// silently skips a store).
public enum PostgresTestServer {
    /// The variable holding the server's URL.
    public static let environmentVariable = "LEANPLAY_TEST_POSTGRES_URL"

    /// The server's URL, or `nil` when unset.
    public static var url: String? {
        ProcessInfo.processInfo.environment[environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether this run is CI's (`CI=true`).
    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Whether PostgreSQL tests run: the server is configured, or this is CI (where they must).
    public static var shouldRun: Bool { url != nil || isCI }

    /// A fresh schema name, `prefix` and 20 random hex digits.
    public static func freshSchemaName(prefix: String = "t_") -> String {
        prefix + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
    }

    /// `base` with `?schema=NAME` (or `&schema=NAME`) added.
    public static func url(_ base: String, schema: String) -> String {
        base + (base.contains("?") ? "&" : "?") + "schema=\(schema)"
    }

    /// The server's URL with a fresh schema, or `nil` when the server is unset.
    public static func freshSchemaURL(prefix: String = "t_") -> String? {
        url.map { url($0, schema: freshSchemaName(prefix: prefix)) }
    }
}
