import Foundation
import LeanREPL

/// Measures the REPL pool's overhead against the `fake-lean-repl` stand-in:
/// 1. throughput: checks per second through 2 workers whose REPL answers instantly (goal ≥ 5,000/s);
/// 2. efficiency: 8 workers whose checks take 20 ms each (ideal 400/s; goal ≥ 90 %).
/// A "check" is one leased session sending one command on the header env, as LeanVerify does.
/// Returns human-readable result lines.
func runPoolBenchmarks(fakeREPL: URL) async throws -> [String] {
    var lines: [String] = []
    let instant = try await measurePool(fakeREPL: fakeREPL, flags: ["--instant"], workers: 2, concurrency: 8, checks: 20_000)
    let instantRate = Double(instant.checks) / instant.seconds
    lines.append(String(format: "pool throughput, 2 workers, instant REPL: %.0f checks/s (%d checks in %.2f s; goal ≥ 5000/s) %@",
                        instantRate, instant.checks, instant.seconds, instantRate >= 5_000 ? "PASS" : "BELOW GOAL"))
    let delayed = try await measurePool(fakeREPL: fakeREPL, flags: ["--instant", "--delay-ms", "20"], workers: 8, concurrency: 8, checks: 800)
    let delayedRate = Double(delayed.checks) / delayed.seconds
    let ideal = 8.0 * 1000.0 / 20.0
    let efficiency = delayedRate / ideal
    lines.append(String(format: "pool efficiency, 8 workers, 20 ms checks: %.1f checks/s of ideal %.0f/s = %.1f %% (goal ≥ 90 %%) %@",
                        delayedRate, ideal, efficiency * 100, efficiency >= 0.9 ? "PASS" : "BELOW GOAL"))
    lines.append(try measureFraming())
    return lines
}

/// Framing throughput: one 10 MB response fed in 64 KiB reads (linear scanning, no rescans).
private func measureFraming() throws -> String {
    let payload = "{\"env\": 0, \"messages\": [{\"severity\": \"info\", \"pos\": {\"line\": 1, \"column\": 0}, \"data\": \""
        + String(repeating: "z", count: 10_000_000) + "\"}]}\n\n"
    let bytes = Array(payload.utf8)
    var framer = REPLMessageFramer()
    var messages = 0
    let elapsed = try ContinuousClock().measure {
        var index = 0
        while index < bytes.count {
            let end = min(index + 65_536, bytes.count)
            messages += try framer.append(bytes[index..<end]).count
            index = end
        }
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return String(format: "framing a 10 MB response in 64 KiB reads: %.1f ms (%.0f MB/s, %d message)",
                  seconds * 1000, Double(bytes.count) / seconds / 1e6, messages)
}

private func measurePool(fakeREPL: URL, flags: [String], workers: Int, concurrency: Int, checks: Int) async throws -> (checks: Int, seconds: Double) {
    var configuration = REPLPoolConfiguration(launch: REPLLaunch(executable: fakeREPL, arguments: flags), workers: workers)
    configuration.warmSpare = false
    configuration.memoryCeilingBytes = nil
    configuration.maximumRequestsPerWorker = Int.max
    let pool = REPLWorkerPool(configuration: configuration)
    let header = "import Mathlib"
    // Warm up: start every worker and import the header once per process.
    try await withThrowingTaskGroup(of: Void.self) { group in
        for _ in 0..<workers {
            group.addTask { _ = try await pool.withSession(header: header) { try await $0.send(.command("def warm := 0", env: $0.headerEnvironment)) } }
        }
        try await group.waitForAll()
    }
    let clock = ContinuousClock()
    let perTask = checks / concurrency
    let elapsed = try await clock.measure {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<concurrency {
                group.addTask {
                    for index in 0..<perTask {
                        let response = try await pool.withSession(header: header) { session in
                            try await session.send(.command("theorem t\(task)_\(index) : 1 + 1 = 2 := by norm_num", env: session.headerEnvironment))
                        }
                        guard response.env != nil else { throw LeanREPLError(.protocolViolation, "benchmark check got no env") }
                    }
                }
            }
            try await group.waitForAll()
        }
    }
    await pool.shutdown()
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return (perTask * concurrency, seconds)
}
