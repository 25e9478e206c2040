/// Which environment variables a REPL process may see. The child's environment starts EMPTY and only
/// allow-listed names are copied from the source environment; names that look like secrets
/// (`*API_KEY*`, `*TOKEN*`, `*SECRET*`, `*PASSWORD*`, …) are never passed, even when allow-listed.
/// `TMPDIR` is always set to the worker's own temporary folder.
public struct REPLEnvironmentPolicy: Sendable, Hashable {
    /// Exact names allowed through.
    public var allowedNames: Set<String>
    /// Name prefixes allowed through (e.g. `LC_`).
    public var allowedPrefixes: [String]

    /// The default allow-list: what elan, lake and lean need.
    public static let standard = REPLEnvironmentPolicy(
        allowedNames: [
            "PATH", "HOME", "USER", "LOGNAME", "LANG", "TZ", "TERM", "ELAN_HOME", "ELAN_TOOLCHAIN", "LEAN_PATH",
            "LEAN_SRC_PATH", "LEAN_SYSROOT", "LEAN_NUM_THREADS", "LEAN_CC", "LAKE_HOME", "LAKE_NO_CACHE",
            "LAKE_ARTIFACT_CACHE", "XDG_CACHE_HOME", "SSL_CERT_FILE", "SSL_CERT_DIR",
        ],
        allowedPrefixes: ["LC_"]
    )

    /// Creates a policy.
    public init(allowedNames: Set<String>, allowedPrefixes: [String] = []) {
        self.allowedNames = allowedNames
        self.allowedPrefixes = allowedPrefixes
    }

    private static let secretMarkers = ["KEY", "TOKEN", "SECRET", "PASSWORD", "PASSWD", "CREDENTIAL", "AUTH", "COOKIE", "SESSION", "PRIVATE"]

    /// True when a name looks like it holds a secret (case-insensitive), whatever the allow-list says.
    public static func looksSecret(_ name: String) -> Bool {
        let upper = name.uppercased()
        return secretMarkers.contains { upper.contains($0) }
    }

    /// The child environment: allowed, non-secret names from `source`, plus `TMPDIR`.
    public func childEnvironment(from source: [String: String], temporaryDirectory: String) -> [String: String] {
        var result: [String: String] = [:]
        for (name, value) in source where !Self.looksSecret(name) {
            if allowedNames.contains(name) || allowedPrefixes.contains(where: name.hasPrefix) {
                result[name] = value
            }
        }
        result["TMPDIR"] = temporaryDirectory
        return result
    }
}
