import Foundation
import LeanPlayTestSupport
import Logging
import ModelClient

/// Measures the model client's own overhead against the loopback provider answering instantly:
/// sequential latency (goal < 1 ms per request) and throughput with 64 requests in flight
/// (goal ≥ 1,000 requests/s on two cores). Returns one human-readable line per measurement.
///
/// - Throws: `LoopbackServerError` when the server cannot start, `ModelError` when a request fails.
func runModelClientBenchmark() async throws -> [String] {
    let server = try LoopbackModelServer { request in
        .completion(answering: request) { "```lean4\ntheorem bench : 2 + 2 = 4 := by norm_num\n``` #\($0)" }
    }
    defer { server.stop() }
    var configuration = ModelClientConfiguration(
        endpoint: ModelEndpoint(baseURL: server.baseURL, model: "loopback-model"),
        maxConcurrentRequests: 64,
        requestTimeout: .seconds(30),
        retry: .none,
        cachePolicy: .disabled
    )
    configuration.connectTimeout = .seconds(5)
    let client = try OpenAICompatibleClient(
        configuration: configuration,
        logger: Logger(label: "leanplay.bench") { _ in SwiftLogNoOpLogHandler() }
    )
    let chat = ChatRequest(
        messages: [.system("You are a Lean 4 prover."), .user("Prove: theorem bench : 2 + 2 = 4")],
        parameters: SamplingParameters(n: 1, temperature: 0.7, maxTokens: 256)
    )
    var lines: [String] = []

    // Warm up: first connection, libcurl initialization.
    for _ in 0..<20 { _ = try await client.complete(chat, role: .prover) }

    let sequentialCount = 300
    var latencies: [Double] = []
    for _ in 0..<sequentialCount {
        let started = ContinuousClock.now
        _ = try await client.complete(chat, role: .prover)
        latencies.append((ContinuousClock.now - started).benchMilliseconds)
    }
    latencies.sort()
    let mean = latencies.reduce(0, +) / Double(latencies.count)
    lines.append(String(
        format: "model-client sequential: %d requests, mean %.3f ms, p50 %.3f ms, p99 %.3f ms per request (goal < 1 ms) %@",
        sequentialCount, mean, latencies[latencies.count / 2], latencies[latencies.count * 99 / 100], mean < 1 ? "OK" : "SLOW"
    ))

    let total = 2_000
    let concurrency = 64
    let started = ContinuousClock.now
    try await withThrowingTaskGroup(of: Int.self) { group in
        var issued = 0
        for _ in 0..<concurrency {
            group.addTask { try await client.complete(chat, role: .prover).samples.count }
            issued += 1
        }
        while let count = try await group.next() {
            precondition(count == 1, "a benchmark response lacked its sample")
            if issued < total {
                group.addTask { try await client.complete(chat, role: .prover).samples.count }
                issued += 1
            }
        }
    }
    let seconds = (ContinuousClock.now - started).benchMilliseconds / 1000
    let rate = Double(total) / seconds
    lines.append(String(
        format: "model-client concurrent: %d requests, %d in flight, %.3f s, %.0f requests/s, %.3f ms/request (goal >= 1000/s) %@",
        total, concurrency, seconds, rate, seconds * 1000 / Double(total), rate >= 1000 ? "OK" : "SLOW"
    ))
    lines.append("model-client server: \(server.requestCount) requests over \(server.connectionCount) connections, at most \(server.maxConcurrentRequests) in flight")
    return lines
}

extension Duration {
    fileprivate var benchMilliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
