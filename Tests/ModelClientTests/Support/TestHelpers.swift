import Foundation
import LeanPlayTestSupport
import Logging
@testable import ModelClient
import Synchronization

/// A clock whose sleeps return at once and are recorded, with a fixed "now".
final class RecordingClock: RetryClock {
    private let recorded = Mutex<[Duration]>([])
    let now: Date

    init(now: Date = Date(timeIntervalSince1970: 1_750_000_000)) {
        self.now = now
    }

    func sleep(for duration: Duration) async throws {
        recorded.withLock { $0.append(duration) }
        try Task.checkCancellation()
    }

    var sleeps: [Duration] { recorded.withLock { $0 } }
}

/// Collects every log line (message + metadata) so tests can assert what was logged.
final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])

    var text: String { lines.withLock { $0.joined(separator: "\n") } }

    func append(_ line: String) { lines.withLock { $0.append(line) } }

    var logger: Logger {
        var logger = Logger(label: "test.model-client") { _ in CapturingLogHandler(capture: self) }
        logger.logLevel = .trace
        return logger
    }
}

struct CapturingLogHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        capture.append("\(event.level) \(event.message) \(event.metadata ?? [:])")
    }
}

/// A fresh temporary folder, removed by `cleanUp()`.
struct TemporaryDirectory {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("lp-model-tests-\(UUID().uuidString)", isDirectory: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: url) }

    /// Every file's text under the folder, concatenated.
    func allFileText() -> String {
        guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) else { return "" }
        var text = ""
        for case let file as URL in walker {
            if let contents = try? String(contentsOf: file, encoding: .utf8) { text += contents }
        }
        return text
    }

    func fileCount() -> Int {
        guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey]) else { return 0 }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }.count
    }
}

/// A client pointed at `server`, with a manual clock, fast retries and a private cache folder.
func makeClient(
    _ server: LoopbackModelServer,
    cache: TemporaryDirectory,
    clock: RecordingClock = RecordingClock(),
    configure: (inout ModelClientConfiguration) -> Void = { _ in },
    logger: Logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() },
    environment: @escaping @Sendable (String) -> String? = { _ in nil }
) throws -> OpenAICompatibleClient {
    var configuration = ModelClientConfiguration(
        endpoint: ModelEndpoint(baseURL: server.baseURL, model: "loopback-model"),
        requestTimeout: .seconds(10),
        connectTimeout: .seconds(5),
        retry: RetryPolicy(maxAttempts: 3, initialDelay: .milliseconds(100), maximumDelay: .seconds(2)),
        cacheDirectory: cache.url,
        cachePolicy: .disabled
    )
    configure(&configuration)
    return try OpenAICompatibleClient(configuration: configuration, clock: clock, logger: logger, environment: environment)
}

/// Runs `body` and returns the `ModelError` it throws (nil when it succeeds).
func modelError(_ body: () async throws(ModelError) -> ChatResponse) async -> ModelError? {
    do {
        _ = try await body()
        return nil
    } catch {
        return error
    }
}

let proofRequest = ChatRequest(messages: [.system("You are a Lean 4 prover."), .user("Prove: theorem t : 2 + 2 = 4")])

func request(n: Int, seed: Int? = nil, temperature: Double? = 0.7) -> ChatRequest {
    ChatRequest(messages: proofRequest.messages, parameters: SamplingParameters(n: n, temperature: temperature, seed: seed))
}
