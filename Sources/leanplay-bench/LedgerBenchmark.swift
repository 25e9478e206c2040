import Foundation
import Ledger

/// Measures the ledger at self-play scale on a real file (WAL) in a temporary directory.
///
/// Reports the batch insert rate of formalizations and attempts, `nextWork` latency (p50/p99 over 10,000
/// calls; goal < 1 ms p99), the per-attempt bookkeeping cost of single-attempt transactions (goal
/// < 0.5 ms), and resident memory from `/proc/self/statm` (goal < 300 MB). The default scale is
/// 1,000,000 formalizations and 5,000,000 attempts; smaller sizes make a quick run.
///
/// - Throws: `LedgerError` when the ledger cannot be written, or a file-system error for the temporary directory.
func runLedgerBenchmark(formalizations: Int, attempts: Int) throws -> [String] {
    precondition(formalizations >= 10 && attempts >= 0, "the ledger benchmark needs at least 10 formalizations")
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("leanplay-ledger-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("ledger.sqlite").path
    let ledger = try Ledger.open(path: path, configuration: LedgerConfiguration(budget: BudgetSchedule(base: 1, cap: 64)))
    var lines = ["ledger benchmark: \(formalizations) formalizations, \(attempts) attempts, file \(path)"]
    let clock = ContinuousClock()

    // Formalizations: one problem per 10; one in five is a root, the others are variants of a root.
    let problemCount = max(1, formalizations / 10)
    let problemTime = try measure {
        for start in stride(from: 0, to: problemCount, by: 10_000) {
            try ledger.addProblems((start..<min(problemCount, start + 10_000)).map {
                LedgerProblem(id: "bench-p\($0)", informal: "Benchmark problem \($0)", source: "bench", tags: ["bench"])
            })
        }
    }
    lines.append(rate("problems inserted", problemCount, problemTime))
    let rootCount = max(1, formalizations / 5)
    let formalizationTime = try measure {
        for start in stride(from: 0, to: formalizations, by: 10_000) {
            try ledger.addFormalizations((start..<min(formalizations, start + 10_000)).map(benchmarkFormalization(rootCount: rootCount)))
        }
    }
    lines.append(rate("formalizations inserted", formalizations, formalizationTime))

    // Attempts, in batches of 10,000 per transaction, with the status rules applied to each; 5 attempts
    // per queue item in a row, items in queue order.
    let attemptTime = try measure {
        for start in stride(from: 0, to: attempts, by: 10_000) {
            try ledger.recordAttempts((start..<min(attempts, start + 10_000)).map {
                benchmarkAttempt($0, formalizations: formalizations)
            })
        }
    }
    lines.append(rate("attempts recorded (batched)", attempts, attemptTime))

    // Queue latency.
    var queueSamples: [Duration] = []
    queueSamples.reserveCapacity(10_000)
    for _ in 0..<10_000 {
        let start = clock.now
        _ = try ledger.nextWork(limit: 1)
        queueSamples.append(start.duration(to: clock.now))
    }
    lines.append(latency("nextWork(limit: 1) over 10,000 calls", queueSamples, goal: "p99 < 1 ms"))

    // Bookkeeping of single-attempt transactions (what a prover pays per verdict).
    var bookkeepingSamples: [Duration] = []
    let singleCount = 10_000
    bookkeepingSamples.reserveCapacity(singleCount)
    for index in 0..<singleCount {
        let record = benchmarkAttempt(attempts + index, formalizations: formalizations)
        let start = clock.now
        try ledger.recordAttempt(record)
        bookkeepingSamples.append(start.duration(to: clock.now))
    }
    lines.append(latency("recordAttempt, one transaction each, over \(singleCount) calls", bookkeepingSamples, goal: "mean < 0.5 ms"))

    let counts = try ledger.statusCounts()
    lines.append("statuses: " + FormalizationStatus.allCases.map { "\($0.rawValue)=\(counts[$0] ?? 0)" }.joined(separator: " "))
    if let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int {
        lines.append("ledger file: \(size / 1_048_576) MiB (plus WAL)")
    }
    lines.append("process CPU time: \(String(format: "%.1f s", processCPUSeconds())) (wall times above include waiting for the CPU)")
    lines.append("resident memory: \(residentMegabytes().map { "\($0) MB" } ?? "unavailable") (goal < 300 MB)")
    return lines
}

private func benchmarkFormalization(rootCount: Int) -> (Int) -> NewFormalization {
    { index in
        let isRoot = index < rootCount
        return NewFormalization(
            id: "bench-f\(index)", problemID: "bench-p\(index / 10)",
            statement: "theorem bench_\(index) (x y : ℕ) (h₀ : x + y = \(index)) : y + x = \(index)",
            header: "import Mathlib", statementHash: "bench-hash-\(index)",
            parentID: isRoot ? nil : "bench-f\(index % rootCount)", variantOperator: isRoot ? nil : "shift_constant",
            source: isRoot ? .model : .symbolic, provenance: ["model": "bench"], createdRound: 1)
    }
}

private func benchmarkAttempt(_ index: Int, formalizations: Int) -> AttemptRecord {
    // Self-play works item by item through the queue: each item gets several attempts in a row (here 5),
    // and one pass over the queue visits formalizations in queue order.
    let slot = index / 5
    let formalization = slot % formalizations
    let kind: AttemptKind = index % 97 == 0 ? .disprove : (index % 89 == 0 ? .vacuity : .prove)
    let verdict: AttemptVerdict = index % 31 == 0 ? .accepted : (index % 7 == 0 ? .timeout : .rejected)
    let strategy: AttemptStrategy = index % 4 == 0 ? .automation : .wholeProof
    let round = 1 + index / 1_000_000
    return AttemptRecord(
        idempotencyKey: "round\(round)/bench-f\(formalization)/\(kind.rawValue)/\(strategy.rawValue)/\(index)",
        formalizationID: "bench-f\(formalization)", round: round, kind: kind, strategy: strategy,
        tacticOrModel: strategy == .automation ? "omega" : "bench-model", budgetLevel: (slot / formalizations) % 4,
        verdict: verdict, proof: "rw [Nat.add_comm]\n  exact h₀",
        error: verdict == .accepted ? nil : "unsolved goals", durationMilliseconds: 120,
        promptTokens: 300, completionTokens: 200)
}

/// Wall time and process CPU time of `body`: on a shared machine the wall time includes waiting for a core.
private func measure(_ body: () throws -> Void) rethrows -> (wall: Duration, cpu: Double) {
    let cpuStart = processCPUSeconds()
    let wall = try ContinuousClock().measure(body)
    return (wall, processCPUSeconds() - cpuStart)
}

private func format(_ duration: Duration) -> String {
    String(format: "%.2f s", seconds(duration))
}

private func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

private func rate(_ label: String, _ count: Int, _ time: (wall: Duration, cpu: Double)) -> String {
    let perSecond = seconds(time.wall) > 0 ? Double(count) / seconds(time.wall) : 0
    let perCPUSecond = time.cpu > 0 ? Double(count) / time.cpu : 0
    return "\(label): \(count) in \(format(time.wall)) wall (\(Int(perSecond))/s), "
        + String(format: "%.2f s CPU (%d/CPU-s)", time.cpu, Int(perCPUSecond))
}

private func latency(_ label: String, _ samples: [Duration], goal: String) -> String {
    guard !samples.isEmpty else { return "\(label): no samples" }
    let sorted = samples.map(seconds).sorted()
    let milliseconds = { (value: Double) in String(format: "%.3f ms", value * 1000) }
    let mean = sorted.reduce(0, +) / Double(sorted.count)
    let p50 = sorted[sorted.count / 2]
    let p99 = sorted[min(sorted.count - 1, sorted.count * 99 / 100)]
    return "\(label): mean \(milliseconds(mean)), p50 \(milliseconds(p50)), p99 \(milliseconds(p99)), "
        + "max \(milliseconds(sorted.last ?? 0)) (goal \(goal))"
}

private func residentMegabytes() -> Int? {
    guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
    let fields = statm.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_000_000
}

private func processCPUSeconds() -> Double {
    Double(clock()) / Double(CLOCKS_PER_SEC)
}
