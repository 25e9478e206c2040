import Foundation
import Ledger
import Synchronization

/// Measures what sharing a ledger costs per work item: peers that lease an item, record one attempt on it
/// and complete it, as fast as they can (an instant prover: no Lean, no model), on one SQLite file and on
/// one PostgreSQL database.
///
/// Each peer is a thread with its own `Ledger` (its own SQLite connection pool, or its own PostgreSQL
/// connection), as a peer process would have. For 1, 4 and 8 peers it prints items per second over the
/// whole run, the overhead per item, wall time ÷ items (goal at 8 peers on PostgreSQL: < 2 ms), and what
/// one peer waits per item, wall time × peers ÷ items. PostgreSQL runs when `LEANPLAY_BENCH_POSTGRES_URL` or
/// `LEANPLAY_TEST_POSTGRES_URL` is set (`eval "$(Scripts/start-postgres)"`); the bench uses a schema of its
/// own and drops nothing else.
///
/// - Throws: `LedgerError` when a ledger cannot be opened or written.
func runPeersBenchmark(itemsPerRun: Int = 2_000) throws -> [String] {
    var lines = ["peers benchmark: lease → record one attempt → complete, \(itemsPerRun) items per run, instant prover"]
    let environment = ProcessInfo.processInfo.environment
    var targets: [(name: String, open: () throws -> (open: () throws -> Ledger, cleanup: () -> Void))] = [
        ("SQLite file", {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("leanplay-peers-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let path = directory.appendingPathComponent("ledger.sqlite").path
            return ({ try Ledger.open(path: path) }, { try? FileManager.default.removeItem(at: directory) })
        }),
    ]
    if let base = environment["LEANPLAY_BENCH_POSTGRES_URL"] ?? environment["LEANPLAY_TEST_POSTGRES_URL"] {
        targets.append(("PostgreSQL", {
            let schema = "bench_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
            let url = base + (base.contains("?") ? "&" : "?") + "schema=\(schema)"
            return ({ try Ledger.open(url: url) }, {})
        }))
    } else {
        lines.append("PostgreSQL: skipped (set LEANPLAY_BENCH_POSTGRES_URL, or run `eval \"$(Scripts/start-postgres)\"` first)")
    }
    for target in targets {
        for peers in [1, 4, 8] {
            let (open, cleanup) = try target.open()
            defer { cleanup() }
            let result: PeersRun
            do {
                result = try runPeers(peers, items: itemsPerRun, open: open)
            } catch {
                lines.append("\(target.name), \(peers) peers: failed: \(error)")
                continue
            }
            let perItem = result.wallSeconds * 1000 / Double(result.items)
            let goal = peers == 8 && target.name == "PostgreSQL" ? " (goal < 2 ms)" : ""
            lines.append(String(
                format: "%@, %d peer%@: %.0f items/s; %.3f ms per item%@; a peer waits %.2f ms per item; %d items, %d worked twice",
                target.name, peers, peers == 1 ? "" : "s", Double(result.items) / result.wallSeconds, perItem, goal,
                perItem * Double(peers), result.items, result.duplicates))
        }
    }
    return lines
}

private struct PeersRun {
    var items: Int
    var wallSeconds: Double
    var duplicates: Int
}

/// Sets up one round with `items` work items, then lets `peers` threads drain it.
private func runPeers(_ peers: Int, items: Int, open: () throws -> Ledger) throws -> PeersRun {
    let setup = try open()
    try setup.addProblem(LedgerProblem(id: "peers-bench", informal: "Peers benchmark"))
    try setup.addFormalizations((0..<items).map { index in
        NewFormalization(
            id: "peers-f\(index)", problemID: "peers-bench",
            statement: "theorem peers_\(index) (x : ℕ) (h : x = \(index)) : x + 0 = \(index)",
            header: "import Mathlib", statementHash: "peers-hash-\(index)", source: .corpus)
    })
    let round = try setup.startRound(kind: .prove).number
    let stored = try setup.roundWork(round, limit: items)
    precondition(stored.count == items, "the round's work list holds \(stored.count) items, not \(items)")
    let ledgers = try (0..<peers).map { _ in try open() }

    let done = Mutex<[Int]>(Array(repeating: 0, count: peers))
    let failures = Mutex<[String]>([])
    let group = DispatchGroup()
    let clock = ContinuousClock()
    let start = clock.now
    for index in 0..<peers {
        group.enter()
        let ledger = ledgers[index]
        let thread = Thread {
            defer { group.leave() }
            let peer = "bench-peer-\(index)"
            var count = 0
            do {
                while let lease = try ledger.leaseWork(round: round, peer: peer, limit: 1, leaseSeconds: 60).first {
                    try ledger.recordAttempt(AttemptRecord(
                        idempotencyKey: "peers-\(round)-\(lease.position)", formalizationID: lease.item.formalizationID,
                        round: round, kind: .prove, strategy: .automation, tacticOrModel: "rfl", budgetLevel: 0,
                        verdict: .rejected, proof: "rfl", error: "benchmark", durationMilliseconds: 1, peer: peer))
                    try ledger.completeWork(lease, peer: peer, resultJSON: "{}")
                    count += 1
                }
            } catch {
                failures.withLock { $0.append("\(peer): \(error)") }
            }
            done.withLock { $0[index] = count }
        }
        thread.start()
    }
    group.wait()
    let wall = start.duration(to: clock.now)
    if let failure = failures.withLock({ $0.first }) {
        throw BenchFailure(message: failure)
    }
    let total = done.withLock { $0.reduce(0, +) }
    // Every item done once, by one peer, with one attempt: anything more was worked twice.
    let attempts = try setup.roundSummaries().first { $0.round == round }?.attempts ?? 0
    let results = try setup.workResults(round: round).count
    precondition(results == items, "\(results) of \(items) items have a result")
    return PeersRun(items: total, wallSeconds: wall.seconds, duplicates: max(0, total - items) + max(0, attempts - items))
}

private struct BenchFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

extension Duration {
    fileprivate var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
