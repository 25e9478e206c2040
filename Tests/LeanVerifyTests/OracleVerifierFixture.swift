import Foundation
import LeanPlayTestSupport
import LeanREPL
import LeanVerify

/// A real ``LeanVerifier`` over a real ``REPLWorkerPool`` of `fake-lean-repl` processes in oracle mode.
enum OracleVerifierFixture {
    static let header = "import Mathlib\nimport Aesop\n\nset_option maxHeartbeats 400000\n\nopen BigOperators Real Nat Topology Rat"
    static let statement = "theorem hostile_target (x y : ℤ) (h₀ : 0 < y) (h₁ : y < x) : x + y = y + x := by\n"
    static let standardAxioms = #"["propext", "Classical.choice", "Quot.sound"]"#

    /// An oracle that says "ok" (with the standard axioms) to every proof after the given rules.
    static func rules(_ specific: [String] = []) -> String {
        let all = specific + [#"{"result": "ok", "axioms": \#(standardAxioms)}"#]
        return #"{"rules": [\#(all.joined(separator: ",\n"))]}"#
    }

    /// Runs `body` with a verifier whose pool runs the fake with `rules` and `extraFlags`; shuts the pool
    /// down afterwards and hands back the pool's statistics too.
    static func withVerifier<T: Sendable>(
        rules: String = rules(), extraFlags: [String] = [], requestTimeout: Duration = .seconds(10),
        policy: VerificationPolicy = .init(), workers: Int = 1,
        _ body: (LeanVerifier) async throws -> T
    ) async throws -> (result: T, statistics: REPLPoolStatistics) {
        var configuration = try FakeREPL.poolConfiguration(
            try FakeREPL.oracleFlags(rulesJSON: rules) + extraFlags, workers: workers)
        configuration.requestTimeout = requestTimeout
        let pool = REPLWorkerPool(configuration: configuration)
        let verifier = LeanVerifier(pool: pool, policy: policy)
        do {
            let result = try await body(verifier)
            let statistics = await pool.statistics
            await pool.shutdown()
            return (result, statistics)
        } catch {
            await pool.shutdown()
            throw error
        }
    }
}
