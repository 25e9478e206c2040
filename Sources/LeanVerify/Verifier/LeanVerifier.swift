public import LeanREPL
import LeanSource

/// Checks proofs against the Lean kernel through a REPL worker pool, in a way hostile proof text cannot
/// fool: static hygiene first, then the statement elaborated on its own as a reference (closed with
/// `sorry`) on the header's pristine environment, the theorem command on the environment that produced,
/// then a separate type pin against the reference and a separate `#print axioms` on the environment the
/// theorem produced (see ``VerificationCommandBuilder`` for why this proves exactly the given statement).
///
/// Lean's time goes only where it can change a verdict: the reference and the theorem carry
/// `set_option maxHeartbeats` (``VerificationPolicy/maxHeartbeats``), final verdicts are served from ``cache`` when one is given,
/// and a REPL crash after the theorem was checked reruns the whole sequence once on a fresh process
/// (``Verdict/retry``).
///
/// ```swift
/// let pool = REPLWorkerPool(configuration: .init(launch: try .leanProject(projectURL)))
/// let verifier = LeanVerifier(pool: pool)
/// let verdict = await verifier.verify(
///     header: "import Mathlib", statement: "theorem t (a b : ℕ) : a + b = b + a := by", proof: "omega")
/// // verdict.status == .accepted, verdict.axioms == ["propext"] (for example)
/// ```
public struct LeanVerifier: ProofVerifying, StatementValidating {
    /// The pool whose workers run the checks.
    public let pool: REPLWorkerPool
    /// What the verifier tolerates.
    public let policy: VerificationPolicy
    /// Final verdicts decided earlier ("decided once, never again"); nil checks everything.
    public let cache: (any VerdictCaching)?
    /// The Lean the pool runs (`REPLLaunch.identity`), part of every cache key.
    public let lean: String
    private let clock: any Clock<Duration>

    /// Creates a verifier over `pool`; `clock` measures ``Verdict/elapsedMilliseconds``.
    ///
    /// - Parameters:
    ///   - cache: where final verdicts are looked up before a check and stored after one.
    ///   - lean: the identity of the Lean the pool runs (`pool.configuration.launch.identity` when nil).
    public init(
        pool: REPLWorkerPool, policy: VerificationPolicy = .init(), clock: any Clock<Duration> = ContinuousClock(),
        cache: (any VerdictCaching)? = nil, lean: String? = nil
    ) {
        self.pool = pool
        self.policy = policy
        self.clock = clock
        self.cache = cache
        if let lean {
            self.lean = lean
        } else {
            self.lean = pool.configuration.launch.identity
        }
    }

    /// The same verifier with another verdict cache (nil: no cache).
    public func caching(in cache: (any VerdictCaching)?) -> LeanVerifier {
        LeanVerifier(pool: pool, policy: policy, clock: clock, cache: cache, lean: lean)
    }

    /// The cache key of a check under this verifier's Lean and policy.
    public func cacheKey(header: String, statement: String, proof: String) -> VerdictCacheKey {
        VerdictCacheKey(lean: lean, header: header, statement: statement, proof: proof, policy: policy)
    }

    /// Checks `proof` of `statement` under `header`; always returns a verdict, never throws.
    ///
    /// A final verdict found in ``cache`` is returned with ``Verdict/fromCache`` set and no Lean check;
    /// a final verdict Lean decides is stored there. Message text is capped (``MessageCap``).
    public func verify(header: String, statement: String, proof: String) async -> Verdict {
        let key = cache.map { _ in cacheKey(header: header, statement: statement, proof: proof) }
        if let cache, let key, var cached = await cache.cachedVerdict(for: key) {
            cached.fromCache = true
            cached.elapsedMilliseconds = 0
            cached.retry = nil  // no check ran, so no retry happened
            return cached
        }
        var (verdict, elapsed) = await Self.timed(clock) { await self.judge(header: header, statement: statement, proof: proof) }
        verdict.elapsedMilliseconds = elapsed
        verdict = verdict.bounded()
        if let cache, let key, verdict.isFinal { await cache.store(verdict, for: key) }
        return verdict
    }

    /// Checks that `statement` elaborates under `header` when closed with `sorry`; never throws.
    public func validate(header: String, statement: String) async -> StatementCheck {
        var (check, elapsed) = await Self.timed(clock) { await self.check(header: header, statement: statement) }
        check.elapsedMilliseconds = elapsed
        return check.bounded()
    }

    /// Where a check sequence stopped when the REPL failed.
    private enum Stage: String {
        case reference = "the reference command"
        case theorem = "the theorem command"
        case typeCheck = "the type pin"
        case axioms = "the axioms report"
    }

    private func judge(header: String, statement: String, proof: String) async -> Verdict {
        if let refusal = HeaderScreening.refusal(of: header) { return .decided(.rejected, by: .invalidHeader, refusal) }
        let command: VerificationCommand
        do throws(LeanVerifyError) {
            command = try VerificationCommandBuilder.build(
                statement: statement, proof: proof, policy: policy, headerImports: LeanParser.imports(ofHeader: header),
                maxHeartbeats: policy.maxHeartbeats)
        } catch {
            return .decided(.rejected, by: .invalidStatement, error.message)
        }
        if let hygieneVerdict = StaticScreening.screen(command, policy: policy) { return hygieneVerdict }
        let first = await runChecks(command, header: header)
        guard case .failed(let error, let stage) = first else { return first.verdict }
        // The session already retried a crash of the reference command (on the header's env) on a fresh
        // process. A crash later (theorem, type pin, axioms report) cannot be retried request by request —
        // the env it runs on exists only on the dead process — so the whole sequence runs once more on a
        // fresh process.
        guard stage != .reference, error.code == .crashed || error.code == .writeFailed else { return Self.verdict(for: error) }
        let note = "the REPL crashed during \(stage.rawValue) (\(error.code): \(error.message)); the whole check was retried once on a fresh process"
        let second = await runChecks(command, header: header)
        var verdict: Verdict
        switch second {
        case .decided(let decided): verdict = decided
        case .failed(let again, _):
            verdict = Self.verdict(for: again)
            verdict.reason += " (after a retry on a fresh process; the REPL first crashed during \(stage.rawValue))"
        }
        if case .decided = second {
            verdict.reason += " (retried once on a fresh process: the REPL crashed during \(stage.rawValue))"
        }
        verdict.retry = note
        return verdict
    }

    private enum ChecksResult {
        case decided(Verdict)
        case failed(LeanREPLError, Stage)

        var verdict: Verdict {
            switch self {
            case .decided(let verdict): return verdict
            case .failed(let error, _): return LeanVerifier.verdict(for: error)
            }
        }
    }

    /// The theorem on the header's pristine environment, then the type pin and the axioms report on the
    /// environment the theorem produced, all in one session.
    private func runChecks(_ command: VerificationCommand, header: String) async -> ChecksResult {
        var stage = Stage.reference
        do {
            let timeout = policy.requestTimeout
            let policy = policy
            return .decided(try await pool.withSession(header: header) { session in
                // The reference (the statement as written, closed with sorry) goes on the header's pristine
                // environment, the theorem on the one it produced, the pin and the axioms on the theorem's.
                let reference = try await session.send(
                    .command(command.referenceCommand, env: session.headerEnvironment), timeout: timeout)
                let referenceEnv: Int
                switch VerdictJudge.judgeReference(reference, command: command) {
                case .decided(let verdict): return verdict
                case .clean(let cleanEnv): referenceEnv = cleanEnv
                }
                stage = .theorem
                let theorem = try await session.send(
                    .command(command.theoremCommand, env: referenceEnv), timeout: timeout)
                let env: Int
                switch VerdictJudge.judgeTheorem(theorem, command: command) {
                case .decided(let verdict): return verdict
                case .clean(let cleanEnv): env = cleanEnv
                }
                stage = .typeCheck
                let typeCheck = try await session.send(.command(command.typeCheckCommand, env: env), timeout: timeout)
                if let mismatch = VerdictJudge.judgeTypeCheck(typeCheck, command: command) { return mismatch }
                stage = .axioms
                let axioms = try await session.send(.command(command.axiomsCommand, env: env), timeout: timeout)
                return VerdictJudge.judgeAxioms(axioms, command: command, policy: policy)
            })
        } catch let error as LeanREPLError {
            return .failed(error, stage)
        } catch {
            return .decided(.decided(.crashed, by: .crashed, "the check failed unexpectedly: \(error)"))
        }
    }

    private func check(header: String, statement: String) async -> StatementCheck {
        if let refusal = HeaderScreening.refusal(of: header) { return StatementCheck(status: .illFormed, reason: refusal) }
        let command: String
        do throws(LeanVerifyError) {
            command = try VerificationCommandBuilder.validationCommand(
                statement: statement, policy: policy, headerImports: LeanParser.imports(ofHeader: header))
        } catch {
            return StatementCheck(status: .illFormed, reason: error.message)
        }
        do {
            let timeout = policy.requestTimeout
            let response = try await pool.withSession(header: header) { session in
                try await session.send(.command(command, env: session.headerEnvironment), timeout: timeout)
            }
            return StatementJudge.judge(response, command: command)
        } catch let error as LeanREPLError {
            let status: StatementCheck.Status = error.code == .timeout || error.code == .startupTimeout ? .timeout : .crashed
            return StatementCheck(status: status, reason: "\(error.code): \(error.message)", command: command)
        } catch {
            return StatementCheck(status: .crashed, reason: "the check failed unexpectedly: \(error)", command: command)
        }
    }

    /// The verdict for a pool failure: a request or header-import timeout → timeout by `wall-clock`,
    /// everything else → crashed with the reason.
    public static func verdict(for error: LeanREPLError) -> Verdict {
        if error.code == .timeout {
            return .decided(.timeout, by: .wallClock, "Lean did not answer in time; the REPL was killed (\(error.message))")
        }
        if error.code == .startupTimeout {
            return .decided(.timeout, by: .wallClock, "the header import did not finish in time; the REPL was killed (\(error.message))")
        }
        var reason = "the Lean REPL failed during the check: \(error.message)"
        if let tail = error.stderrTail?.split(separator: "\n").suffix(3).joined(separator: " | "), !tail.isEmpty {
            reason += "; its last stderr lines: \(tail)"
        }
        return .decided(.crashed, by: .crashed, reason)
    }

    private static func timed<C: Clock<Duration>, T>(
        _ clock: C, _ body: () async -> T
    ) async -> (T, Double) {
        let start = clock.now
        let value = await body()
        let elapsed = start.duration(to: clock.now)
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return (value, milliseconds)
    }
}
