public import Foundation
import Crypto

/// A disk cache of model samples: one JSON file per sample, so a rerun of an experiment costs no tokens
/// and a request for more samples than before asks the provider only for the new ones.
///
/// The key is the SHA-256 of the endpoint's base URL (credentials stripped), the model, the messages,
/// the sampling parameters except `n`, and the sample's index. Files live at
/// `<directory>/<first two hex digits>/<key>.json` and are written atomically (temporary file, then
/// rename). A file that cannot be read or decoded counts as a miss and is overwritten by the next
/// answer. API keys are never part of the key or the file.
public struct ResponseCache: Sendable {
    /// The cache folder.
    public let directory: URL

    /// A cache rooted at `directory` (created on first write).
    public init(directory: URL) {
        self.directory = directory
    }

    /// What one cache file holds.
    public struct Entry: Sendable, Hashable, Codable {
        /// The file format version (1).
        public var format: Int
        /// The cache key the entry was stored under.
        public var key: String
        /// The model that produced the sample.
        public var model: String
        /// The sample, with its index within the request.
        public var sample: ModelSample
    }

    private struct KeyMaterial: Encodable {
        var format = 1
        var baseURL: String
        var model: String
        var messages: [ChatMessage]
        var temperature: Double?
        var topP: Double?
        var maxTokens: Int?
        var seed: Int?
        var stop: [String]?
        var index: Int
    }

    /// The cache key (64 hex digits) of sample `index` of `request` sent to `endpoint`.
    public func key(endpoint: ModelEndpoint, request: ChatRequest, index: Int) -> String {
        let parameters = request.parameters
        let material = KeyMaterial(
            baseURL: endpoint.displayURL,
            model: endpoint.model,
            messages: request.messages,
            temperature: parameters.temperature,
            topP: parameters.topP,
            maxTokens: parameters.maxTokens,
            seed: parameters.seed,
            stop: parameters.stop,
            index: index
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let bytes = (try? encoder.encode(material)) ?? Data()
        return SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// The file that holds `key`.
    public func fileURL(forKey key: String) -> URL {
        directory.appendingPathComponent(String(key.prefix(2)), isDirectory: true)
            .appendingPathComponent(key + ".json", isDirectory: false)
    }

    /// The entry stored under `key`, or nil when absent, unreadable or corrupt (a miss, never an error).
    public func entry(forKey key: String) -> Entry? {
        guard let data = try? Data(contentsOf: fileURL(forKey: key)),
              let entry = try? JSONDecoder().decode(Entry.self, from: data),
              entry.format == 1, entry.key == key
        else { return nil }
        return entry
    }

    /// Stores `sample` under `key`, replacing any previous (possibly corrupt) file atomically.
    ///
    /// - Throws: the file system's error when the folder cannot be created or the file written.
    public func store(_ sample: ModelSample, model: String, forKey key: String) throws {
        let url = fileURL(forKey: key)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = try encoder.encode(Entry(format: 1, key: key, model: model, sample: sample))
        try data.write(to: url, options: .atomic)
    }
}
