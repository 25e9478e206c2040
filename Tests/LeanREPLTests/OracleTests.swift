import Foundation
import LeanPlayTestSupport
import LeanREPL
import Testing

/// The fake's scripted-Lean mode, exercised the way LeanVerify and the prover will use it.
@Suite("Fake REPL oracle mode", .enabled(if: FakeREPL.isBuilt))
struct OracleTests {
    static let rules = #"""
    {
      "headers": [{"contains": "import Nonexistent", "result": "error", "message": "unknown module prefix 'Nonexistent'"}],
      "rules": [
        {"statement_contains": "x + 0 = x", "proof_contains": "simp", "result": "ok", "axioms": ["propext"]},
        {"statement_contains": "classical", "result": "ok", "axioms": ["propext", "Classical.choice", "Quot.sound"]},
        {"proof_equals": "decide", "result": "error", "message": "failed to reduce to true/false"}
      ],
      "tactics": [
        {"goal_contains": "⊢ x + 0 = x", "tactic": "simp", "goals": []},
        {"goal_contains": "⊢ a ∧ b", "tactic": "constructor", "goals": ["a b : Prop\n⊢ a", "a b : Prop\n⊢ b"]}
      ]
    }
    """#

    private func withOracle<T: Sendable>(header: String = "import Mathlib", _ body: (REPLSession) async throws -> T) async throws -> T {
        let pool = REPLWorkerPool(configuration: try FakeREPL.poolConfiguration(try FakeREPL.oracleFlags(rulesJSON: Self.rules)))
        do {
            let result = try await pool.withSession(header: header, body)
            await pool.shutdown()
            return result
        } catch {
            await pool.shutdown()
            throw error
        }
    }

    @Test func acceptedProofPrintsItsAxiomsAndTypeChecks() async throws {
        try await withOracle { session in
            let env = session.headerEnvironment
            #expect(env == 0)
            let checked = try await session.send(.command("theorem add_zero' (x : ℕ) : x + 0 = x := by simp", env: env))
            #expect(checked.hasNoErrors)
            let axioms = try await session.send(.command("#print axioms add_zero'", env: checked.env))
            #expect(axioms.messages.map(\.data) == ["'add_zero'' depends on axioms: [propext]"])
            #expect(axioms.messages.first?.severity == .info)
            let same = try await session.send(.command("example : ∀ (x : ℕ), x + 0 = x := @add_zero'", env: checked.env))
            #expect(same.hasNoErrors)
            let other = try await session.send(.command("example : ∀ (x : ℕ), 0 + x = x := @add_zero'", env: checked.env))
            #expect(other.errors.first?.data.hasPrefix("type mismatch") == true)
            let unknown = try await session.send(.command("#print axioms nope", env: checked.env))
            #expect(unknown.errors.first?.data == "unknown constant 'nope'")
        }
    }

    @Test func headerEnvironmentStaysPristine() async throws {
        try await withOracle { session in
            let env = try #require(session.headerEnvironment)
            let first = try await session.send(.command("theorem a1 (x : ℕ) : x + 0 = x := by simp", env: env))
            let second = try await session.send(.command("#print axioms a1", env: env))
            #expect(first.env != env)
            #expect(second.errors.first?.data == "unknown constant 'a1'")
        }
    }

    @Test func unmatchedProofIsUnsolvedGoalsAndSorryIsReported() async throws {
        try await withOracle { session in
            let env = session.headerEnvironment
            let unsolved = try await session.send(.command("theorem t (x : ℕ) (h : 0 < x) : x * 1 = x := by ring", env: env))
            #expect(unsolved.errors.first?.data == "unsolved goals\nx : ℕ\nh : 0 < x\n⊢ x * 1 = x")
            let sorried = try await session.send(.command("theorem s (x : ℕ) : x + 0 = x := by sorry", env: env))
            #expect(sorried.messages.first?.data == "declaration uses `sorry`")
            #expect(sorried.sorries.first?.goal == "x : ℕ\n⊢ x + 0 = x")
            let axioms = try await session.send(.command("#print axioms s", env: sorried.env))
            #expect(axioms.messages.first?.data.contains("sorryAx") == true)
            let scripted = try await session.send(.command("theorem d : 2 + 2 = 4 := by decide", env: env))
            #expect(scripted.errors.first?.data == "failed to reduce to true/false")
            let illFormed = try await session.send(.command("theorem i : ILL_FORMED := by simp", env: env))
            #expect(illFormed.errors.count == 1)
        }
    }

    @Test func tacticModeFollowsTheRules() async throws {
        try await withOracle { session in
            let opened = try await session.send(.command("theorem p (x : ℕ) : x + 0 = x := by sorry", env: session.headerEnvironment))
            let state = try #require(opened.sorries.first?.proofState)
            let wrong = try await session.send(.tactic("omega", proofState: state))
            #expect(wrong.errors.count == 1)
            #expect(wrong.goals == ["x : ℕ\n⊢ x + 0 = x"])
            let done = try await session.send(.tactic("simp", proofState: state))
            #expect(done.goals == [])
            #expect(done.proofStatus == "Completed")
            let unknown = try await session.send(.tactic("simp", proofState: 999))
            #expect(unknown.protocolError == "Unknown proof state.")
        }
    }

    @Test func headerErrorsThrowHeaderFailed() async throws {
        do {
            _ = try await withOracle(header: "import Nonexistent") { $0.headerEnvironment }
            Issue.record("expected headerFailed")
        } catch let error as LeanREPLError {
            #expect(error.code == .headerFailed)
            #expect(error.message.contains("unknown module prefix"))
        }
    }

    @Test func headerIsImportedOncePerWorker() async throws {
        let pool = REPLWorkerPool(configuration: try FakeREPL.poolConfiguration(try FakeREPL.oracleFlags(rulesJSON: Self.rules)))
        let first = try await pool.withSession(header: "import Mathlib") { session in
            _ = try await session.send(.command("theorem a (x : ℕ) : x + 0 = x := by simp", env: session.headerEnvironment))
            return session.headerEnvironment
        }
        let second = try await pool.withSession(header: "import Mathlib") { $0.headerEnvironment }
        let other = try await pool.withSession(header: "import Lean") { $0.headerEnvironment }
        #expect(first == 0)
        #expect(second == 0)
        #expect(other == 2)
        await pool.shutdown()
    }
}
