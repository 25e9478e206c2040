import Foundation
import LeanPlayTestSupport
import LeanREPL
import LeanSource
@testable import LeanVerify
import Testing

/// Red-team findings against the verifier of issues 8 and 12 (scoped prefixes, the reference pin, native
/// auxiliary axioms, heartbeats, the verdict cache), each through the real verifier on `fake-lean-repl`
/// where the path matters. Nothing here may ever be accepted or served from the cache wrongly.
@Suite("Verifier red team: heartbeats, the reference, the cache", .enabled(if: FakeREPL.isBuilt))
struct VerifierRedTeamTests {
    static let statement = OracleVerifierFixture.statement
    static let heartbeatError = "(deterministic) timeout at `elaborator`, maximum number of heartbeats (200000) has been reached\nUse `set_option maxHeartbeats <num>` to set the limit."

    // MARK: - A limit that fires on the statement is a timeout, never a refusal of the statement

    /// A statement whose elaboration hits Lean's heartbeat limit (the reference command, on the header's
    /// environment) was called `rejected` (invalid statement) — a final verdict, cached forever for a
    /// check that only ran out of budget.
    @Test func heartbeatLimitOnTheReferenceIsTimeoutAndNotCached() async throws {
        let statement = "theorem costly (x : ℕ) : costly_statement x := by"
        let rules = OracleVerifierFixture.rules([
            #"{"statement_contains": "costly_statement", "result": "statement_error", "message": "\#(Self.heartbeatError.replacing("\n", with: "\\n"))"}"#,
        ])
        let cache = CountingVerdictCache()
        let (verdicts, _) = try await OracleVerifierFixture.withVerifier(rules: rules) { verifier in
            let cached = verifier.caching(in: cache)
            return [
                await cached.verify(header: "import Mathlib", statement: statement, proof: "rfl"),
                await cached.verify(header: "import Mathlib", statement: statement, proof: "rfl"),
            ]
        }
        #expect(verdicts.allSatisfy { $0.status == .timeout && $0.rule == "heartbeats" }, "\(verdicts.map(\.reason))")
        #expect(!verdicts[1].fromCache)
        #expect(await cache.stored.isEmpty, "a budget that ran out says nothing about the statement")
    }

    /// Issue 8's "each check carries a deterministic budget" held for the theorem only: a statement whose
    /// elaboration runs away (the reference command) hung until the wall clock killed the process and its
    /// imported header. The reference carries the heartbeat option too; its errors stay statement-relative.
    @Test func runawayStatementStopsAtTheHeartbeatLimitAndTheProcessSurvives() async throws {
        let runaway = "theorem runaway (x : ℕ) : spin_forever x := by"
        let policy = VerificationPolicy(requestTimeout: .seconds(3))
        let (verdicts, statistics) = try await OracleVerifierFixture.withVerifier(
            extraFlags: ["--runaway-marker", "spin_forever"], policy: policy) { verifier in
            [
                await verifier.verify(header: "import Mathlib", statement: runaway, proof: "rfl"),
                await verifier.verify(header: "import Mathlib", statement: Self.statement, proof: "omega"),
            ]
        }
        #expect(verdicts[0].status == .timeout && verdicts[0].rule == "heartbeats", "\(verdicts[0].reason)")
        #expect(verdicts[1].status == .accepted)
        #expect(statistics.processesStarted == 1, "the runaway statement did not cost the process")
        let command = try VerificationCommandBuilder.build(statement: runaway, proof: "rfl", maxHeartbeats: 400_000)
        #expect(command.referenceCommand.hasPrefix("set_option maxHeartbeats 400000 in\ntheorem leanplay_ref_"))
        let rejected = VerdictJudge.judgeReference(REPLResponse(env: 1, messages: [
            LeanMessage(severity: .error, pos: LeanPosition(line: 2, column: 30), data: "unknown identifier 'spin_forever'"),
        ]), command: command)
        guard case .decided(let verdict) = rejected else {
            Issue.record("an error in the reference decides the verdict")
            return
        }
        #expect(verdict.rule == "invalid-statement" && verdict.errors.first?.line == 1, "statement-relative, as without the option")
    }

    @Test func heartbeatLimitOnAValidatedStatementIsTimeoutNotIllFormed() async throws {
        let statement = "theorem costly (x : ℕ) : costly_statement x := by"
        let rules = OracleVerifierFixture.rules([
            #"{"statement_contains": "costly_statement", "result": "statement_error", "message": "\#(Self.heartbeatError.replacing("\n", with: "\\n"))"}"#,
        ])
        let (check, _) = try await OracleVerifierFixture.withVerifier(rules: rules) { verifier in
            await verifier.validate(header: "import Mathlib", statement: statement)
        }
        #expect(check.status == .timeout, "\(check.reason)")
    }

    // MARK: - The cache serves only what Lean would decide again

    /// Lean refuses a tab or an isolated carriage return anywhere outside comments and strings, and
    /// reads a no-break space as an unexpected character; the cache key trimmed all of them off the end
    /// of the proof, so `omega` accepted once made `omega<TAB>` (which Lean rejects) accepted too.
    @Test func cacheKeyKeepsTrailingCharactersLeanReads() {
        func key(_ proof: String) -> String {
            VerdictCacheKey(lean: "l", header: "h", statement: "s", proof: proof, policy: .init()).digest
        }
        for suffix in ["\t", "\r", "\u{A0}", "\u{3000}", "\u{2028}", "\u{85}", "\u{0B}", "\u{0C}", "\n\t"] {
            #expect(key("omega" + suffix) != key("omega"), "\(suffix.unicodeScalars.map(\.value))")
        }
        #expect(key("omega  \n\n ") == key("omega"), "spaces and line feeds at the end are nothing to Lean")
        #expect(key("omega\r\n") == key("omega"))
    }

    /// Through the verifier: once `omega` is accepted and cached, `omega<TAB>` and `omega<NBSP>` still go
    /// to Lean (the stand-in trims them and accepts; real Lean rejects both).
    @Test func acceptedProofIsNotServedForATextLeanReadsDifferently() async throws {
        let cache = CountingVerdictCache()
        let (verdicts, statistics) = try await OracleVerifierFixture.withVerifier { verifier in
            let cached = verifier.caching(in: cache)
            return [
                await cached.verify(header: "import Mathlib", statement: Self.statement, proof: "omega"),
                await cached.verify(header: "import Mathlib", statement: Self.statement, proof: "omega\t"),
                await cached.verify(header: "import Mathlib", statement: Self.statement, proof: "omega\u{A0}"),
                await cached.verify(header: "import Mathlib", statement: Self.statement, proof: "omega \n"),
            ]
        }
        #expect(verdicts.map(\.fromCache) == [false, false, false, true])
        #expect(await cache.stored.count == 3)
        #expect(statistics.processesStarted == 1)
    }

    /// Each part of the key, changed alone, misses: a verdict decided under `--allow-native` is never
    /// served without it, nor under another heartbeat budget, header, statement or Lean.
    @Test func verdictCachedUnderAllowNativeIsNotServedWithoutIt() async throws {
        let rules = OracleVerifierFixture.rules([
            #"{"proof_contains": "native_decide", "result": "ok", "axioms": ["propext", "hostile_target._native.native_decide.ax_1_1"]}"#,
        ])
        let cache = CountingVerdictCache()
        let header = "import Mathlib"
        let (verdicts, _) = try await OracleVerifierFixture.withVerifier(rules: rules) { base in
            let pool = base.pool
            func verifier(_ policy: VerificationPolicy) -> LeanVerifier {
                LeanVerifier(pool: pool, policy: policy, cache: cache, lean: "fake")
            }
            let native = VerificationPolicy(allowNativeComputation: true)
            return [
                await verifier(native).verify(header: header, statement: Self.statement, proof: "native_decide"),
                await verifier(native).verify(header: header, statement: Self.statement, proof: "native_decide"),
                await verifier(.init()).verify(header: header, statement: Self.statement, proof: "native_decide"),
                await verifier(VerificationPolicy(allowNativeComputation: true, maxHeartbeats: 1))
                    .verify(header: header, statement: Self.statement, proof: "native_decide"),
            ]
        }
        #expect(verdicts[0].status == .accepted && !verdicts[0].fromCache, "\(verdicts[0].reason)")
        #expect(verdicts[1].status == .accepted && verdicts[1].fromCache)
        #expect(verdicts[2].status == .tampered && verdicts[2].rule == "native-computation" && !verdicts[2].fromCache)
        #expect(!verdicts[3].fromCache)
        let base = VerdictCacheKey(lean: "fake", header: header, statement: Self.statement, proof: "native_decide",
                                   policy: VerificationPolicy(allowNativeComputation: true))
        let variants = [
            VerdictCacheKey(lean: "fake", header: header, statement: Self.statement, proof: "native_decide", policy: .init()),
            VerdictCacheKey(lean: "other", header: header, statement: Self.statement, proof: "native_decide",
                            policy: VerificationPolicy(allowNativeComputation: true)),
            VerdictCacheKey(lean: "fake", header: header + "\n", statement: Self.statement, proof: "native_decide",
                            policy: VerificationPolicy(allowNativeComputation: true)),
            VerdictCacheKey(lean: "fake", header: header, statement: Self.statement + " ", proof: "native_decide",
                            policy: VerificationPolicy(allowNativeComputation: true)),
            VerdictCacheKey(lean: "fake", header: header, statement: Self.statement, proof: "native_decide",
                            policy: VerificationPolicy(allowedOptions: ["maxRecDepth"], allowNativeComputation: true)),
            VerdictCacheKey(lean: "fake", header: header, statement: Self.statement, proof: "native_decide",
                            policy: VerificationPolicy(axiomWhitelist: ["propext"], allowNativeComputation: true)),
        ]
        #expect(Set(variants.map(\.digest)).count == variants.count && !variants.map(\.digest).contains(base.digest))
    }

    /// A REPL that answers the type pin or `#print axioms` with a protocol-level error (`{"message": …}`,
    /// e.g. "Unknown environment.") judged nothing about the proof: the verdict must not be final, so it
    /// is never cached (it was `tampered`/`rejected`, stored forever for a transient REPL failure).
    @Test func protocolErrorsOfThePinAndTheAxiomsReportAreNotFinal() throws {
        let command = try VerificationCommandBuilder.build(statement: Self.statement, proof: "omega")
        let refused = REPLResponse(protocolError: "Unknown environment.")
        let pin = try #require(VerdictJudge.judgeTypeCheck(refused, command: command))
        #expect(pin.status == .crashed && pin.rule == "protocol-error" && !pin.isFinal, "\(pin.reason)")
        let axioms = VerdictJudge.judgeAxioms(refused, command: command, policy: .init())
        #expect(axioms.status == .crashed && axioms.rule == "protocol-error" && !axioms.isFinal, "\(axioms.reason)")
        let reference = VerdictJudge.judgeReference(REPLResponse(protocolError: "Lean REPL command timed out"), command: command)
        guard case .decided(let verdict) = reference else {
            Issue.record("a timed-out reference must decide the verdict")
            return
        }
        #expect(verdict.status == .timeout && verdict.rule == "wall-clock", "\(verdict.reason)")
    }

    /// A verdict served from the cache ran no check, so it cannot say a retry happened.
    @Test func cachedVerdictClaimsNoRetry() async throws {
        let cache = CountingVerdictCache()
        let key = VerdictCacheKey(lean: "fake", header: "", statement: Self.statement, proof: "omega", policy: .init())
        await cache.store(Verdict(status: .accepted, reason: "kernel-checked", retry: "the REPL crashed during the type pin"), for: key)
        let (verdict, _) = try await OracleVerifierFixture.withVerifier(extraFlags: ["--crash-after", "1"]) { verifier in
            await LeanVerifier(pool: verifier.pool, cache: cache, lean: "fake").verify(header: "", statement: Self.statement, proof: "omega")
        }
        #expect(verdict.fromCache && verdict.retry == nil)
    }

    // MARK: - The reserved reference name

    @Test(arguments: [
        "theorem «leanplay_ref_x» : True := by",
        "theorem _root_.leanplay_ref_x : True := by",
        "theorem «leanplay_ref_x».{u} (α : Sort u) : α = α := by",
    ])
    func reservedReferenceNameCannotBeSpelledAnotherWay(_ statement: String) {
        #expect(throws: LeanVerifyError.self) { try VerificationCommandBuilder.build(statement: statement, proof: "trivial") }
    }
}

/// Statements whose declaration name changes what the proof may name: Lean elaborates the body of
/// `theorem Lean.t` inside namespace `Lean`, so `Elab.…`/`Meta.…` there are the meta-programming names
/// static hygiene refuses as `Lean.Elab.…` — the same exposure as `open Lean in`, which is refused.
@Suite("Verifier red team: statement names and prefixes")
struct StatementNameRedTeamTests {
    @Test(arguments: [
        "theorem Lean.t : True := by",
        "theorem IO.t : True := by",
        "theorem System.Platform.t : True := by",
        "theorem _root_.Lean.t : True := by",
        "theorem «Lean».t : True := by",
        "theorem Lean.Elab.t.{u} (α : Sort u) : α = α := by",
    ])
    func nameInsideAMetaNamespaceIsRefusedLikeOpeningIt(_ statement: String) {
        #expect(throws: LeanVerifyError.self) { try VerificationCommandBuilder.build(statement: statement, proof: "trivial") }
    }

    @Test(arguments: [
        "theorem Lean.Omega.t : True := by",
        "theorem LeanTheorem.t : True := by",
        "theorem IOTA.t : True := by",
        "theorem mathd_algebra_10 : True := by",
    ])
    func ordinaryNamesStayAllowed(_ statement: String) throws {
        _ = try VerificationCommandBuilder.build(statement: statement, proof: "trivial")
    }

    /// `open Foo renaming a → b, c → d in` is Lean's syntax for several renamings.
    @Test func severalRenamingsInAnOpenPrefixAreKept() throws {
        let command = try VerificationCommandBuilder.build(
            statement: "open Nat renaming succ → s, pred → p in\ntheorem t (n : ℕ) : s n = n + 1 := by", proof: "rfl")
        #expect(command.referenceCommand.hasPrefix("open Nat renaming succ → s , pred → p in\n"))
        #expect(command.theoremCommand.contains("open Nat renaming succ → s , pred → p in theorem t"))
    }
}

/// Options that switch off the very checks a verdict stands on are never allowed, even when a
/// configuration lists them: `debug.skipKernelTC` as a statement prefix would let the theorem into the
/// environment without the kernel ever checking it (no axiom records that), `debug.byAsSorry` turns
/// proofs into `sorry`.
@Suite("Verifier red team: options that disable checking")
struct CheckDisablingOptionTests {
    static let careless = VerificationPolicy(allowedOptions: ["debug.skipKernelTC", "debug.byAsSorry", "maxRecDepth"])

    @Test func statementPrefixCannotSkipTheKernelEvenWhenAllowed() {
        #expect(throws: LeanVerifyError.self) {
            try VerificationCommandBuilder.build(
                statement: "set_option debug.skipKernelTC true in\ntheorem t : 1 = 1 := by", proof: "rfl", policy: Self.careless)
        }
        #expect(throws: LeanVerifyError.self) {
            try VerificationCommandBuilder.build(
                statement: "set_option debug.skipKernelTC true\ntheorem t : 1 = 1 := by", proof: "rfl", policy: Self.careless)
        }
        #expect(throws: Never.self) {
            try VerificationCommandBuilder.build(
                statement: "set_option maxRecDepth 2000 in\ntheorem t : 1 = 1 := by", proof: "rfl", policy: Self.careless)
        }
    }

    @Test func proofCannotSetThemEvenWhenAllowed() {
        let rules = ProofHygiene.violations(in: "set_option debug.skipKernelTC true in\nrfl", policy: Self.careless.hygienePolicy).map(\.rule)
        #expect(rules == [.setOption])
        let sorry = ProofHygiene.violations(in: "set_option debug.byAsSorry true in\nrfl", policy: Self.careless.hygienePolicy).map(\.rule)
        #expect(sorry == [.setOption])
        #expect(ProofHygiene.isClean("set_option maxRecDepth 2000 in\nrfl", policy: Self.careless.hygienePolicy))
    }
}
