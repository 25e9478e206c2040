import Foundation
import LeanPlay

/// `leanbudget`: simulated Lean-seconds per accepted proof, the reference design against LeanPlay, on
/// one candidate stream (issue "Lean-seconds per verified proof").
///
/// The stream: 200 statements, 2,000 candidate proofs in 4 rounds, about 25 % exact duplicates after
/// normalization (a candidate seen before for the same statement, in this or an earlier round, some with
/// CRLF or trailing blanks), 5 % runaway tactics, per-check costs from a heavy-tailed distribution
/// (log-normal, median 1 s, capped at 30 s), and a 16 s import on every process start. All of it is
/// simulated by `fake-lean-repl` (`--cost-comments`, `--import-ms`, `--runaway-marker`, `--delay-ms`) at
/// 1 simulated second = 10 real milliseconds, and every simulated cost is appended to an account file,
/// so Lean-seconds are summed from what the Lean stand-in actually spent (a hung check costs the whole
/// wall-clock timeout, then the re-import of its replacement).
///
/// (a) a header-cache-only pool (Kimina Lean Server's design): imports cached per process, a wall-clock
///     timeout that kills the process, no verdict cache, no warm spare.
/// (b) LeanPlay: the same pool and verifier with `set_option maxHeartbeats` on every theorem, the verdict
///     cache (the ledger's, as self-play uses it) and recycling onto a warm spare.
///
/// Both check candidates in stream order, `workers` at a time, skipping statements already proved (the
/// client stops at a statement's first accepted proof). Goal: ratio (a)/(b) ≥ 2 with the same accepted set.
func runLeanBudgetBenchmark(fakeREPL: URL) async throws -> [String] {
    let stream = CandidateStream.generate(statements: 200, candidates: 2_000, rounds: 4, seed: 8)
    let rules = FileManager.default.temporaryDirectory.appendingPathComponent("leanbudget-rules-\(UUID().uuidString).json")
    try Data(#"{"rules": [{"proof_contains": "bench_accept", "result": "ok", "axioms": ["propext"]}]}"#.utf8).write(to: rules)
    defer { try? FileManager.default.removeItem(at: rules) }
    let baseline = try await BudgetRun.run(.headerCacheOnly, stream: stream, fakeREPL: fakeREPL, rules: rules)
    let leanPlay = try await BudgetRun.run(.leanPlay, stream: stream, fakeREPL: fakeREPL, rules: rules)
    let ratio = baseline.leanSecondsPerAccepted / leanPlay.leanSecondsPerAccepted
    let sameSet = baseline.accepted == leanPlay.accepted
    return [
        "leanbudget: \(stream.statementCount) statements, \(stream.candidates.count) candidates (\(stream.duplicates) duplicates after normalization, \(stream.runaways) runaways), \(BudgetRun.workers) workers, 1 simulated s = \(BudgetRun.realMillisecondsPerSecond) real ms",
        baseline.line(name: "(a) header-cache-only pool"),
        leanPlay.line(name: "(b) LeanPlay"),
        String(format: "Lean-seconds per accepted proof, (a)/(b): %.2f× (goal ≥ 2×) %@; accepted sets %@",
               ratio, ratio >= 2 ? "PASS" : "BELOW GOAL", sameSet ? "identical" : "DIFFER"),
    ]
}

/// One candidate: a statement index and a proof text the fake REPL understands.
struct Candidate: Sendable {
    var statement: Int
    var proof: String
    var round: Int
}

/// The seeded candidate stream.
struct CandidateStream: Sendable {
    var statementCount: Int
    var candidates: [Candidate]
    var duplicates: Int
    var runaways: Int

    static func statement(_ index: Int) -> String {
        "theorem bench_\(index) (n : ℕ) (h : \(index) < n) : \(index) + 1 ≤ n := by"
    }

    static func generate(statements: Int, candidates count: Int, rounds: Int, seed: UInt64) -> CandidateStream {
        var random = SplitMix64(seed: seed)
        var seen: [Int: [String]] = [:]
        var stream = CandidateStream(statementCount: statements, candidates: [], duplicates: 0, runaways: 0)
        for index in 0..<count {
            let statement = Int.random(in: 0..<statements, using: &random)
            let round = index * rounds / count + 1
            let earlier = seen[statement] ?? []
            if !earlier.isEmpty, Double.random(in: 0..<1, using: &random) < 0.25 {
                var proof = earlier.randomElement(using: &random)!
                switch Int.random(in: 0..<3, using: &random) {
                case 0: proof = proof.replacingOccurrences(of: "\n", with: "\r\n")
                case 1: proof += "  \n"
                default: break
                }
                stream.duplicates += 1
                stream.candidates.append(Candidate(statement: statement, proof: proof, round: round))
                continue
            }
            let kind = Double.random(in: 0..<1, using: &random)
            // Heavy tail: log-normal cost, median 1 s, σ = 1.2, capped at 30 s (below the wall clock).
            let normal = (0..<12).reduce(0.0) { sum, _ in sum + Double.random(in: 0..<1, using: &random) } - 6
            let seconds = min(30, exp(1.2 * normal))
            let cost = max(1, Int(seconds * Double(BudgetRun.realMillisecondsPerSecond)))
            let proof: String
            if kind < 0.05 {
                proof = "bench_runaway_\(index)\nsimp"
                stream.runaways += 1
            } else if kind < 0.11 {
                proof = "exact bench_accept_\(index) /- cost \(cost) -/"
            } else {
                proof = "nlinarith [bench_reject_\(index)] /- cost \(cost) -/"
            }
            seen[statement, default: []].append(proof)
            stream.candidates.append(Candidate(statement: statement, proof: proof, round: round))
        }
        return stream
    }
}

/// One configuration run over the stream.
struct BudgetRun: Sendable {
    enum Design { case headerCacheOnly, leanPlay }

    static let workers = 4
    static let realMillisecondsPerSecond = 10
    static let importSeconds = 16
    static let wallClockSeconds = 60
    static let heartbeatSeconds = 12

    var accepted: Set<Int>
    var leanSeconds: Double
    var checks: Int
    var cacheHits: Int
    var timeouts: [String: Int]
    var processesStarted: Int
    var criticalPathImports: Int
    var wallSeconds: Double

    var leanSecondsPerAccepted: Double { leanSeconds / Double(max(1, accepted.count)) }

    func line(name: String) -> String {
        String(format: "%@: %.0f simulated Lean-s, %d accepted → %.1f Lean-s per accepted proof; %d Lean checks, %d cache hits, timeouts %@, %d processes started, %d imports on the critical path, %.1f s wall",
               name, leanSeconds, accepted.count, leanSecondsPerAccepted, checks, cacheHits,
               timeouts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ").isEmpty ? "none" : timeouts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "),
               processesStarted, criticalPathImports, wallSeconds)
    }

    static func run(_ design: Design, stream: CandidateStream, fakeREPL: URL, rules: URL) async throws -> BudgetRun {
        let account = FileManager.default.temporaryDirectory.appendingPathComponent("leanbudget-account-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: account) }
        let flags = [
            "--oracle", rules.path, "--cost-comments", "--delay-ms", "1",
            "--import-ms", "\(importSeconds * realMillisecondsPerSecond)",
            "--runaway-marker", "bench_runaway", "--heartbeat-ms", "\(heartbeatSeconds * realMillisecondsPerSecond)",
            "--account", account.path,
        ]
        var configuration = REPLPoolConfiguration(launch: REPLLaunch(executable: fakeREPL, arguments: flags), workers: workers)
        configuration.requestTimeout = .milliseconds(wallClockSeconds * realMillisecondsPerSecond)
        configuration.startupTimeout = .seconds(30)
        configuration.maximumRequestsPerWorker = 300
        configuration.memoryCeilingBytes = nil
        configuration.warmSpare = design == .leanPlay
        let pool = REPLWorkerPool(configuration: configuration)
        let policy = VerificationPolicy(axiomWhitelist: VerificationPolicy.standardAxioms, maxHeartbeats: design == .leanPlay ? 400_000 : nil)
        let cache: LedgerVerdictCache? = design == .leanPlay ? LedgerVerdictCache(ledger: try Ledger.inMemory()) : nil
        let verifier = LeanVerifier(pool: pool, policy: policy, cache: cache)
        let header = "import Mathlib"
        let tally = Tally()
        let clock = ContinuousClock()
        let started = clock.now
        for round in 1...(stream.candidates.last?.round ?? 1) {
            let work = stream.candidates.filter { $0.round == round }
            await withTaskGroup(of: Void.self) { group in
                var next = 0
                func launch() {
                    let candidate = work[next]
                    next += 1
                    group.addTask {
                        guard await !tally.isProved(candidate.statement) else { return }
                        let verdict = await verifier.verify(header: header, statement: CandidateStream.statement(candidate.statement), proof: candidate.proof)
                        await tally.add(verdict, statement: candidate.statement)
                    }
                }
                while next < min(workers, work.count) { launch() }
                while await group.next() != nil {
                    if next < work.count { launch() }
                }
            }
        }
        let wall = started.duration(to: clock.now)
        let statistics = await pool.statistics
        await pool.shutdown()
        let accountText = (try? String(contentsOf: account, encoding: .utf8)) ?? ""
        var realMilliseconds = 0
        var hangs = 0
        for line in accountText.split(separator: "\n") {
            if line == "hang" { hangs += 1 } else if line.hasPrefix("ms "), let value = Int(line.dropFirst(3)) { realMilliseconds += value }
        }
        let leanSeconds = Double(realMilliseconds) / Double(realMillisecondsPerSecond) + Double(hangs * wallClockSeconds)
        let result = await tally.snapshot()
        return BudgetRun(
            accepted: result.accepted, leanSeconds: leanSeconds, checks: result.checks, cacheHits: result.cacheHits,
            timeouts: result.timeouts, processesStarted: statistics.processesStarted,
            criticalPathImports: statistics.headerImportsOnCriticalPath,
            wallSeconds: Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18)
    }
}

/// What a run decided, shared by its concurrent checks.
actor Tally {
    private var accepted: Set<Int> = []
    private var checks = 0
    private var cacheHits = 0
    private var timeouts: [String: Int] = [:]

    func isProved(_ statement: Int) -> Bool { accepted.contains(statement) }

    func add(_ verdict: Verdict, statement: Int) {
        if verdict.fromCache { cacheHits += 1 } else { checks += 1 }
        if verdict.isAccepted { accepted.insert(statement) }
        if verdict.status == .timeout { timeouts[verdict.rule ?? "timeout", default: 0] += 1 }
    }

    func snapshot() -> (accepted: Set<Int>, checks: Int, cacheHits: Int, timeouts: [String: Int]) {
        (accepted, checks, cacheHits, timeouts)
    }
}
