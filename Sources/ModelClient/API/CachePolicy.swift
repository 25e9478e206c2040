/// Whether the disk cache is read and written.
public enum CachePolicy: String, Sendable, Hashable, Codable, CaseIterable {
    /// Serve cached samples and store new ones (the default; reruns cost no tokens).
    case readWrite = "read_write"
    /// Ask the provider for everything but store the answers (refreshes the cache).
    case writeOnly = "write_only"
    /// Neither read nor write (`--no-cache`).
    case disabled
}
