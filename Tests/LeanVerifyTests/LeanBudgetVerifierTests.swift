import Foundation
import LeanPlayTestSupport
import LeanREPL
import LeanVerify
import Testing

/// A verdict cache in memory that counts what passes through it.
actor CountingVerdictCache: VerdictCaching {
    private(set) var stored: [VerdictCacheKey: Verdict] = [:]
    private(set) var lookups = 0

    func cachedVerdict(for key: VerdictCacheKey) async -> Verdict? {
        lookups += 1
        return stored[key]
    }

    func store(_ verdict: Verdict, for key: VerdictCacheKey) async {
        stored[key] = verdict
    }
}

/// The levers of "Lean-seconds per verified proof" on the verifier: heartbeats before wall clocks, the
/// verdict cache, a crash retry of the whole check sequence, timeouts reported as timeouts. Through the
/// real pool and `fake-lean-repl` processes; no timing assertions.
@Suite("LeanVerifier spends Lean's time only where it can change a verdict", .enabled(if: FakeREPL.isBuilt))
struct LeanBudgetVerifierTests {
    static let statement = OracleVerifierFixture.statement

    @Test func theoremCommandCarriesTheHeartbeatOptionAndProofsStillPass() async throws {
        let command = try VerificationCommandBuilder.build(statement: Self.statement, proof: "omega", maxHeartbeats: 400_000)
        #expect(command.theoremCommand.hasPrefix("set_option maxHeartbeats 400000 in\ntheorem hostile_target"))
        #expect(!command.typeCheckCommand.contains("set_option") && !command.axiomsCommand.contains("set_option"))
        let plain = try VerificationCommandBuilder.build(statement: Self.statement, proof: "omega")
        #expect(!plain.theoremCommand.contains("maxHeartbeats"))
        #expect(command.positionMap.proofStartLine == plain.positionMap.proofStartLine + 1)
        let (verdict, _) = try await OracleVerifierFixture.withVerifier { verifier in
            #expect(verifier.policy.maxHeartbeats == VerificationPolicy.defaultMaxHeartbeats)
            return await verifier.verify(header: "", statement: Self.statement, proof: "omega")
        }
        #expect(verdict.status == .accepted, "\(verdict.reason)")
    }

    /// The verifier's budget is the one in effect: a statement prefix that sets `maxHeartbeats` (allowed
    /// by the policy) would otherwise sit inside the verifier's option and win (`0`: no limit at all).
    @Test(arguments: ["set_option maxHeartbeats 0 in\n", "set_option maxHeartbeats 1000000 in\nopen Nat in\n"])
    func heartbeatOptionIsPresentExactlyOnce(_ prefix: String) throws {
        let policy = VerificationPolicy(allowedOptions: ["maxHeartbeats", "maxRecDepth"])
        let statement = prefix + "set_option maxRecDepth 1000 in\ntheorem hb (n : ℕ) : n + 0 = n := by"
        let command = try VerificationCommandBuilder.build(statement: statement, proof: "omega", policy: policy, maxHeartbeats: 400_000)
        #expect(command.theoremCommand.components(separatedBy: "maxHeartbeats").count == 2, "\(command.theoremCommand)")
        #expect(command.theoremCommand.hasPrefix("set_option maxHeartbeats 400000 in\n"))
        #expect(command.theoremCommand.contains("set_option maxRecDepth 1000 in"))
        #expect(!prefix.contains("open Nat") || command.theoremCommand.contains("open Nat in"))
        // Without a verifier budget (`max_heartbeats = 0`) the statement's own option stays.
        let unlimited = try VerificationCommandBuilder.build(statement: statement, proof: "omega", policy: policy, maxHeartbeats: nil)
        #expect(unlimited.theoremCommand.contains(prefix.components(separatedBy: "\n")[0]))
    }

    @Test func proofTextStillMayNotSetHeartbeats() async throws {
        let (verdict, _) = try await OracleVerifierFixture.withVerifier { verifier in
            await verifier.verify(header: "", statement: Self.statement, proof: "set_option maxHeartbeats 0 in\nomega")
        }
        #expect(verdict.status == .tampered && verdict.rule == "set-option", "\(verdict.reason)")
    }

    @Test func runawayTacticEndsAtTheHeartbeatLimitAndTheProcessSurvives() async throws {
        let flags = ["--runaway-marker", "spin_forever"]
        let (result, statistics) = try await OracleVerifierFixture.withVerifier(extraFlags: flags) { verifier in
            let runaway = await verifier.verify(header: "import Mathlib", statement: Self.statement, proof: "spin_forever")
            let pidAfterRunaway = await verifier.pool.statistics.processIDs
            let honest = await verifier.verify(header: "import Mathlib", statement: Self.statement, proof: "omega")
            return (runaway, honest, pidAfterRunaway)
        }
        #expect(result.0.status == .timeout && result.0.rule == "heartbeats", "\(result.0.reason)")
        #expect(result.0.reason.contains("maximum number of heartbeats (400000)"))
        #expect(result.1.status == .accepted)
        #expect(statistics.processesStarted == 1, "the runaway did not cost the process or its imported header")
        #expect(statistics.processIDs == result.2)
    }

    @Test func withoutHeartbeatsTheWallClockBackstopFires() async throws {
        let policy = VerificationPolicy(requestTimeout: .milliseconds(300), maxHeartbeats: nil)
        let (verdict, statistics) = try await OracleVerifierFixture.withVerifier(
            extraFlags: ["--runaway-marker", "spin_forever"], policy: policy) { verifier in
            await verifier.verify(header: "import Mathlib", statement: Self.statement, proof: "spin_forever")
        }
        #expect(verdict.status == .timeout && verdict.rule == "wall-clock", "\(verdict.reason)")
        #expect(statistics.processesStarted == 1)
    }

    @Test func cacheHitSkipsTheREPL() async throws {
        let cache = CountingVerdictCache()
        // One Lean identity for both pools (the fakes' flags differ, and so would their launch identities).
        let lean = "fake-lean-for-the-cache-test"
        let (first, _) = try await OracleVerifierFixture.withVerifier { verifier in
            await LeanVerifier(pool: verifier.pool, cache: cache, lean: lean)
                .verify(header: "import Mathlib", statement: Self.statement, proof: "omega\r\n")
        }
        #expect(first.status == .accepted && !first.fromCache)
        #expect(await cache.stored.count == 1)
        // Every REPL request now crashes: only a cache hit can give a verdict.
        let (second, statistics) = try await OracleVerifierFixture.withVerifier(extraFlags: ["--crash-after", "1"]) { verifier in
            await LeanVerifier(pool: verifier.pool, cache: cache, lean: lean)
                .verify(header: "import Mathlib", statement: Self.statement, proof: "omega  \n")
        }
        #expect(second.status == .accepted && second.fromCache, "\(second.reason)")
        #expect(statistics.processesStarted == 0, "a cache hit starts no Lean process")
    }

    @Test func timeoutsAndCrashesAreNotCached() async throws {
        let cache = CountingVerdictCache()
        let rules = OracleVerifierFixture.rules([#"{"proof_contains": "crash_it", "result": "crash"}"#])
        let (verdicts, _) = try await OracleVerifierFixture.withVerifier(rules: rules, extraFlags: ["--runaway-marker", "spin_forever"]) { verifier in
            let cached = verifier.caching(in: cache)
            return [
                await cached.verify(header: "", statement: Self.statement, proof: "spin_forever"),
                await cached.verify(header: "", statement: Self.statement, proof: "spin_forever"),
                await cached.verify(header: "", statement: Self.statement, proof: "exact crash_it"),
                await cached.verify(header: "", statement: Self.statement, proof: "bogus"),
            ]
        }
        #expect(verdicts.map(\.status) == [.timeout, .timeout, .crashed, .accepted])
        #expect(!verdicts[1].fromCache, "a timeout is checked again, never served from the cache")
        #expect(await cache.stored.values.map(\.status) == [.accepted])
    }

    @Test func directoryCacheRoundTripsAndKeysSeparatePolicies() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verdict-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = DirectoryVerdictCache(directory: folder)
        let key = VerdictCacheKey(lean: "lean-a", header: "", statement: Self.statement, proof: "omega", policy: .init())
        let verdict = Verdict(status: .rejected, reason: "lean-error: no", rule: "lean-error")
        await cache.store(verdict, for: key)
        #expect(await cache.cachedVerdict(for: key) == verdict)
        await cache.store(Verdict(status: .timeout, reason: "t"), for: VerdictCacheKey(lean: "lean-a", header: "", statement: Self.statement, proof: "x", policy: .init()))
        #expect(await cache.cachedVerdict(for: VerdictCacheKey(lean: "lean-a", header: "", statement: Self.statement, proof: "x", policy: .init())) == nil)
        let otherHeartbeats = VerdictCacheKey(lean: "lean-a", header: "", statement: Self.statement, proof: "omega", policy: .init(maxHeartbeats: 200_000))
        let otherLean = VerdictCacheKey(lean: "lean-b", header: "", statement: Self.statement, proof: "omega", policy: .init())
        #expect(otherHeartbeats.digest != key.digest && otherLean.digest != key.digest)
        #expect(await cache.cachedVerdict(for: otherHeartbeats) == nil)
    }

    @Test func cacheKeyNormalizesOnlyWhatCannotChangeTheVerdict() {
        func key(_ proof: String) -> String {
            VerdictCacheKey(lean: "l", header: "h", statement: "s", proof: proof, policy: .init()).digest
        }
        #expect(key("simp\r\nomega\n\n") == key("simp\nomega"))
        #expect(key("simp\n  omega") != key("simp\nomega"), "indentation is layout in a tactic block")
        #expect(key("by\nsimp") != key("simp"))
    }

    /// issue 12.5: a stand-in REPL that dies on a fixed request of every process. Without the retry every
    /// second proof came back `crashed`. With it every honest proof is accepted, and the retried ones say
    /// so: a process answers the import (request 1) and one whole check (2–5: reference, theorem, type
    /// pin, axioms), so from the second proof on each check's type pin is request 8 of its process and is
    /// retried on a fresh one. (The issue's stand-in died on every 6th request, which with the reference
    /// command first is now the reference — retried by the session itself, see the next test.)
    @Test func crashDuringTheTypePinRetriesTheWholeCheckOnce() async throws {
        let (verdicts, _) = try await OracleVerifierFixture.withVerifier(extraFlags: ["--crash-after", "8"]) { verifier in
            var verdicts: [Verdict] = []
            for index in 0..<10 {
                verdicts.append(await verifier.verify(header: "import Mathlib", statement: Self.statement, proof: "omega -- \(index)"))
            }
            return verdicts
        }
        #expect(verdicts.allSatisfy { $0.status == .accepted }, "\(verdicts.map(\.reason))")
        let retried = verdicts.filter { $0.retry != nil }
        #expect(retried.count == 9 && verdicts[0].retry == nil)
        #expect(retried.allSatisfy { $0.retry!.contains("the type pin") && $0.reason.contains("retried once on a fresh process") })
    }

    /// The issue's own input: a REPL dying on every 6th request. Each check's first request (the
    /// reference, on the header's environment) is then the one that dies, and the session retries it on
    /// a fresh process; every honest proof is accepted.
    @Test func replDyingOnEverySixthRequestLosesNoHonestProof() async throws {
        let (verdicts, _) = try await OracleVerifierFixture.withVerifier(extraFlags: ["--crash-after", "6"]) { verifier in
            var verdicts: [Verdict] = []
            for index in 0..<10 {
                verdicts.append(await verifier.verify(header: "import Mathlib", statement: Self.statement, proof: "omega -- \(index)"))
            }
            return verdicts
        }
        #expect(verdicts.allSatisfy { $0.status == .accepted }, "\(verdicts.map(\.reason))")
    }

    @Test func timedOutHeaderImportIsTimeoutNotCrashed() async throws {
        var configuration = try FakeREPL.poolConfiguration(try FakeREPL.oracleFlags(rulesJSON: OracleVerifierFixture.rules()) + ["--import-ms", "5000"])
        configuration.startupTimeout = .milliseconds(300)
        let pool = REPLWorkerPool(configuration: configuration)
        let verifier = LeanVerifier(pool: pool)
        let verdict = await verifier.verify(header: "import Mathlib", statement: Self.statement, proof: "omega")
        let check = await verifier.validate(header: "import Mathlib", statement: Self.statement)
        await pool.shutdown()
        #expect(verdict.status == .timeout && verdict.rule == "wall-clock", "\(verdict.reason)")
        #expect(verdict.reason.contains("header import"))
        #expect(check.status == .timeout, "\(check.reason)")
    }

    /// issue 11.4: a 3,000,000-character Lean message is capped (head and tail kept, the cut named).
    @Test func runawayMessageIsCappedInTheVerdict() async throws {
        let huge = "BEGIN" + String(repeating: "x", count: 3_000_000) + "END"
        let rules = OracleVerifierFixture.rules([#"{"proof_contains": "noisy", "result": "error", "message": "\#(huge)"}"#])
        let (verdict, _) = try await OracleVerifierFixture.withVerifier(rules: rules) { verifier in
            await verifier.verify(header: "", statement: Self.statement, proof: "noisy")
        }
        #expect(verdict.status == .rejected)
        let encoded = try JSONEncoder().encode(verdict)
        #expect(encoded.count < 20_000, "one verdict stays small: \(encoded.count) bytes")
        let message = try #require(verdict.errors.first?.message)
        #expect(message.hasPrefix("BEGIN") && message.hasSuffix("END"))
        #expect(message.contains("characters cut by LeanPlay") && verdict.reason.contains("characters cut by LeanPlay"))
    }
}
