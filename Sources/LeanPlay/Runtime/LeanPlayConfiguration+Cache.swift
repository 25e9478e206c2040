public import Foundation

extension LeanPlayConfiguration {
    /// The `[cache] directory` as a URL (`~/` expanded, a relative path resolved against `workingDirectory`).
    public func cacheDirectory(workingDirectory: URL) -> URL {
        URL(fileURLWithPath: Self.expandingTilde(cache.directory, ProcessInfo.processInfo.environment), relativeTo: workingDirectory)
    }

    /// Creates the cache folder and checks that it can be written, so that a cache that cannot work is
    /// an error before any work starts instead of every rerun silently costing its tokens and Lean checks
    /// again. Does nothing when the cache is off (`[cache] enabled = false`, `--no-cache`).
    ///
    /// - Throws: ``LeanPlayError`` `.output` naming the folder and why, with the fix.
    public func requireWritableCache(workingDirectory: URL) throws(LeanPlayError) {
        guard cache.enabled else { return }
        let directory = cacheDirectory(workingDirectory: workingDirectory)
        var reason: String?
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            if access(directory.path, W_OK) != 0 { reason = String(cString: strerror(errno)) }
        } catch {
            let underlying = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? any Error).map { $0 as NSError }
            reason = underlying.map { String(cString: strerror(Int32($0.code))) } ?? error.localizedDescription
        }
        guard let reason else { return }
        throw LeanPlayError(
            .output, "the cache folder \(directory.path) ([cache] directory) cannot be created or written (\(reason))",
            fix: "choose a writable [cache] directory in leanplay.toml, or turn the cache off with --no-cache or [cache] enabled = false")
    }
}
