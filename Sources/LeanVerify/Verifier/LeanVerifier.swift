public import LeanREPL
import LeanSource

/// Checks proofs against the Lean kernel through a REPL worker pool, in a way hostile proof text cannot
/// fool: static hygiene first, then the statement elaborated on its own as a reference (closed with
/// `sorry`) on the header's pristine environment, the theorem command on the environment that produced,
/// then a separate type pin against the reference and a separate `#print axioms` on the environment the
/// theorem produced (see ``VerificationCommandBuilder`` for why this proves exactly the given statement).
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
    private let clock: any Clock<Duration>

    /// Creates a verifier over `pool`; `clock` measures ``Verdict/elapsedMilliseconds``.
    public init(pool: REPLWorkerPool, policy: VerificationPolicy = .init(), clock: any Clock<Duration> = ContinuousClock()) {
        self.pool = pool
        self.policy = policy
        self.clock = clock
    }

    /// Checks `proof` of `statement` under `header`; always returns a verdict, never throws.
    public func verify(header: String, statement: String, proof: String) async -> Verdict {
        var (verdict, elapsed) = await Self.timed(clock) { await self.judge(header: header, statement: statement, proof: proof) }
        verdict.elapsedMilliseconds = elapsed
        return verdict
    }

    /// Checks that `statement` elaborates under `header` when closed with `sorry`; never throws.
    public func validate(header: String, statement: String) async -> StatementCheck {
        var (check, elapsed) = await Self.timed(clock) { await self.check(header: header, statement: statement) }
        check.elapsedMilliseconds = elapsed
        return check
    }

    private func judge(header: String, statement: String, proof: String) async -> Verdict {
        let command: VerificationCommand
        do throws(LeanVerifyError) {
            command = try VerificationCommandBuilder.build(
                statement: statement, proof: proof, policy: policy, headerImports: LeanParser.imports(ofHeader: header))
        } catch {
            return .decided(.rejected, by: .invalidStatement, error.message)
        }
        if let hygieneVerdict = StaticScreening.screen(command, policy: policy) { return hygieneVerdict }
        do {
            let timeout = policy.requestTimeout
            return try await pool.withSession(header: header) { session in
                // The reference (the statement as written, closed with sorry) goes on the header's pristine
                // environment, the theorem on the one it produced, the pin and the axioms on the theorem's.
                let reference = try await session.send(
                    .command(command.referenceCommand, env: session.headerEnvironment), timeout: timeout)
                let referenceEnv: Int
                switch VerdictJudge.judgeReference(reference, command: command) {
                case .decided(let verdict): return verdict
                case .clean(let cleanEnv): referenceEnv = cleanEnv
                }
                let theorem = try await session.send(
                    .command(command.theoremCommand, env: referenceEnv), timeout: timeout)
                let env: Int
                switch VerdictJudge.judgeTheorem(theorem, command: command) {
                case .decided(let verdict): return verdict
                case .clean(let cleanEnv): env = cleanEnv
                }
                let typeCheck = try await session.send(.command(command.typeCheckCommand, env: env), timeout: timeout)
                if let mismatch = VerdictJudge.judgeTypeCheck(typeCheck, command: command) { return mismatch }
                let axioms = try await session.send(.command(command.axiomsCommand, env: env), timeout: timeout)
                return VerdictJudge.judgeAxioms(axioms, command: command, policy: policy)
            }
        } catch let error as LeanREPLError {
            return Self.verdict(for: error)
        } catch {
            return .decided(.crashed, by: .crashed, "the check failed unexpectedly: \(error)")
        }
    }

    private func check(header: String, statement: String) async -> StatementCheck {
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
            let status: StatementCheck.Status = error.code == .timeout ? .timeout : .crashed
            return StatementCheck(status: status, reason: error.message, command: command)
        } catch {
            return StatementCheck(status: .crashed, reason: "the check failed unexpectedly: \(error)", command: command)
        }
    }

    /// The verdict for a pool failure: timeout → timeout, everything else → crashed with the reason.
    public static func verdict(for error: LeanREPLError) -> Verdict {
        if error.code == .timeout {
            return .decided(.timeout, by: .timeout, "Lean did not answer in time; the REPL was killed (\(error.message))")
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
