public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A verdict cache in a directory: `<directory>/verdicts/<2 hex>/<digest>.json`, one JSON ``Verdict``
/// per file, written atomically (temporary file, then rename), so concurrent `leanplay verify` runs
/// never read half a file. Unreadable or foreign files are misses.
///
/// ```swift
/// let cache = DirectoryVerdictCache(directory: URL(fileURLWithPath: ".leanplay-cache"))
/// let verifier = LeanVerifier(pool: pool, cache: cache, lean: launch.identity)
/// ```
public struct DirectoryVerdictCache: VerdictCaching {
    /// The cache root (the verdicts live in its `verdicts/` subfolder).
    public let directory: URL

    /// A cache rooted at `directory` (created on first store).
    public init(directory: URL) {
        self.directory = directory
    }

    func file(for key: VerdictCacheKey) -> URL {
        let digest = key.digest
        return directory.appendingPathComponent("verdicts", isDirectory: true)
            .appendingPathComponent(String(digest.prefix(2)), isDirectory: true)
            .appendingPathComponent(digest + ".json")
    }

    /// The stored verdict, or nil when there is none or it cannot be read.
    public func cachedVerdict(for key: VerdictCacheKey) async -> Verdict? {
        guard let data = try? Data(contentsOf: file(for: key)),
              let entry = try? JSONDecoder().decode(Entry.self, from: data),
              entry.key == key, entry.verdict.isFinal else { return nil }
        return entry.verdict
    }

    /// Stores a final verdict; failures (read-only disk, full disk) are ignored: the next run re-checks.
    public func store(_ verdict: Verdict, for key: VerdictCacheKey) async {
        guard verdict.isFinal else { return }
        let target = file(for: key)
        let folder = target.deletingLastPathComponent()
        guard let data = try? JSONEncoder().encode(Entry(key: key, verdict: verdict)) else { return }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let temporary = folder.appendingPathComponent(".\(UUID().uuidString).tmp")
            try data.write(to: temporary)
            if rename(temporary.path, target.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
        } catch {
            return
        }
    }

    /// The file's content: the full key (so a digest collision or a foreign file is a miss) and the verdict.
    struct Entry: Codable {
        var key: VerdictCacheKey
        var verdict: Verdict
    }
}
