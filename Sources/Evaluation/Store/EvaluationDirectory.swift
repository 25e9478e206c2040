public import Foundation
import ProblemCorpus
import Synchronization

/// The output directory of an evaluation: `config.json` (what was measured), `results.jsonl` (one
/// `ProblemResult` per line, appended as each problem finishes) and `summary.json`.
///
/// Opening a directory made with a different configuration is an error naming what changed, so results
/// of different settings never mix. A rerun reads `results.jsonl` and evaluates only the problems not in it.
///
/// ```swift
/// let directory = try EvaluationDirectory.open(URL(fileURLWithPath: "out"), configuration: configuration)
/// let done = try directory.finishedResults()       // resume: skip these
/// try directory.append(result)
/// ```
public final class EvaluationDirectory: Sendable {
    /// The directory.
    public let url: URL
    private let appendLock = Mutex(())

    /// `DIR/config.json`.
    public var configurationURL: URL { url.appendingPathComponent("config.json") }
    /// `DIR/results.jsonl`.
    public var resultsURL: URL { url.appendingPathComponent("results.jsonl") }
    /// `DIR/summary.json`.
    public var summaryURL: URL { url.appendingPathComponent("summary.json") }

    private init(url: URL) { self.url = url }

    /// The directory at `url` for reading only (no configuration check, nothing created).
    static func reading(_ url: URL) -> EvaluationDirectory { EvaluationDirectory(url: url) }

    /// Opens (creating when needed) the directory at `url` for `configuration`.
    ///
    /// - Throws: `EvaluationError` `.configurationChanged` naming the changed fields when the directory was
    ///   made with another configuration; `.unreadableDirectory` / `.unwritableDirectory` for I/O failures.
    public static func open(_ url: URL, configuration: EvaluationConfiguration) throws(EvaluationError) -> EvaluationDirectory {
        let directory = EvaluationDirectory(url: url)
        let fileManager = FileManager.default
        let stored: Data?
        do {
            stored = fileManager.fileExists(atPath: directory.configurationURL.path)
                ? try Data(contentsOf: directory.configurationURL) : nil
        } catch {
            throw EvaluationError(.unreadableDirectory, "cannot read config.json: \(error.fileSystemReason)", context: url.path)
        }
        let current = try encode(configuration, pretty: true)
        if let stored {
            let changes = try differences(stored: stored, current: current, in: directory.configurationURL.path)
            guard changes.isEmpty else {
                throw EvaluationError(
                    .configurationChanged,
                    "this directory holds an evaluation with a different configuration (\(changes.joined(separator: ", "))). "
                        + "Rerun with the original flags to resume, or choose a new --out directory.",
                    context: url.path)
            }
            return directory
        }
        do {
            try fileManager.createDirectory(at: url, withIntermediateDirectories: true)
            try current.write(to: directory.configurationURL, options: .atomic)
        } catch {
            throw EvaluationError(.unwritableDirectory, "cannot write config.json: \(error.fileSystemReason)", context: url.path)
        }
        return directory
    }

    /// The results already in `results.jsonl` (a later line for the same problem wins). A last line cut
    /// short by a kill is ignored (that problem is evaluated again).
    ///
    /// - Throws: `EvaluationError` `.unreadableDirectory` naming `results.jsonl:LINE` for a bad line.
    public func finishedResults() throws(EvaluationError) -> [ProblemResult] {
        guard FileManager.default.fileExists(atPath: resultsURL.path) else { return [] }
        let text: String
        do {
            text = try String(contentsOf: resultsURL, encoding: .utf8)
        } catch {
            throw EvaluationError(.unreadableDirectory, "cannot read results.jsonl: \(error.fileSystemReason)", context: url.path)
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let lastIsComplete = text.hasSuffix("\n") || text.isEmpty
        if !lastIsComplete { lines.removeLast() }
        var results: [ProblemResult] = []
        let decoder = JSONDecoder()
        for (offset, line) in lines.enumerated() where !line.allSatisfy(\.isWhitespace) {
            do {
                results.append(try decoder.decode(ProblemResult.self, from: Data(line.utf8)))
            } catch {
                throw EvaluationError(
                    .unreadableDirectory,
                    "line is not a result (\(error)). Remove the line to evaluate that problem again.",
                    context: "\(resultsURL.path):\(offset + 1)")
            }
        }
        return results
    }

    /// Appends one result line to `results.jsonl` (safe to call from concurrent tasks).
    ///
    /// - Throws: `EvaluationError` `.unwritableDirectory`.
    public func append(_ result: ProblemResult) throws(EvaluationError) {
        var line = try Self.encode(result, pretty: false)
        line.append(0x0A)
        try appendLock.withLock { (_: inout ()) throws(EvaluationError) -> Void in
            do {
                if !FileManager.default.fileExists(atPath: resultsURL.path) {
                    _ = FileManager.default.createFile(atPath: resultsURL.path, contents: nil)
                }
                let handle = try FileHandle(forWritingTo: resultsURL)
                defer { try? handle.close() }
                try handle.seekToEnd()
                try handle.write(contentsOf: line)
            } catch {
                throw EvaluationError(.unwritableDirectory, "cannot append to results.jsonl: \(error.fileSystemReason)", context: url.path)
            }
        }
    }

    /// Replaces `results.jsonl` with `results`, one line each in the order given (atomically): how a peer
    /// of a shared evaluation writes every problem's result, its own and the other peers', in benchmark order.
    ///
    /// - Throws: `EvaluationError` `.unwritableDirectory`.
    public func writeResults(_ results: [ProblemResult]) throws(EvaluationError) {
        var data = Data()
        for result in results {
            data.append(try Self.encode(result, pretty: false))
            data.append(0x0A)
        }
        try appendLock.withLock { (_: inout ()) throws(EvaluationError) -> Void in
            do {
                try data.write(to: resultsURL, options: .atomic)
            } catch {
                throw EvaluationError(.unwritableDirectory, "cannot write results.jsonl: \(error.fileSystemReason)", context: url.path)
            }
        }
    }

    /// Writes `summary.json` (atomically).
    ///
    /// - Throws: `EvaluationError` `.unwritableDirectory`.
    public func writeSummary(_ summary: EvaluationSummary) throws(EvaluationError) {
        let data = try Self.encode(summary, pretty: true)
        do {
            try data.write(to: summaryURL, options: .atomic)
        } catch {
            throw EvaluationError(.unwritableDirectory, "cannot write summary.json: \(error.fileSystemReason)", context: url.path)
        }
    }

    /// Reads `summary.json` of an evaluation directory.
    ///
    /// - Throws: `EvaluationError` `.unreadableDirectory`.
    public static func readSummary(_ url: URL) throws(EvaluationError) -> EvaluationSummary {
        let file = url.appendingPathComponent("summary.json")
        do {
            return try JSONDecoder().decode(EvaluationSummary.self, from: Data(contentsOf: file))
        } catch {
            throw EvaluationError(.unreadableDirectory, "cannot read an evaluation summary: \(error.fileSystemReason)",
                                  context: file.path)
        }
    }

    static func encode(_ value: some Encodable, pretty: Bool) throws(EvaluationError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(value)
        } catch {
            throw EvaluationError(.unwritableDirectory, "cannot encode \(type(of: value)): \(error)")
        }
    }

    /// `field: old → new` for every stored field that changed.
    static func differences(stored: Data, current: Data, in path: String) throws(EvaluationError) -> [String] {
        guard let old = try? JSONSerialization.jsonObject(with: stored) as? [String: Any],
              let new = try? JSONSerialization.jsonObject(with: current) as? [String: Any] else {
            throw EvaluationError(.unreadableDirectory, "config.json is not an evaluation configuration; choose a new --out directory",
                                  context: path)
        }
        func render(_ value: Any?) -> String {
            guard let value, !(value is NSNull) else { return "none" }
            if let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]),
               let text = String(data: data, encoding: .utf8) { return text }
            return "\(value)"
        }
        return Set(old.keys).union(new.keys).sorted().compactMap { key in
            let before = render(old[key])
            let after = render(new[key])
            return before == after ? nil : "\(key): \(before) → \(after)"
        }
    }
}
