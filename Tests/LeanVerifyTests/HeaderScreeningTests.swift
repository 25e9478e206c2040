import LeanPlayTestSupport
import LeanREPL
@testable import LeanVerify
import Testing

/// A header that turns Lean's checking off (`set_option debug.skipKernelTC true`) would make every
/// verdict under it meaningless with no trace in `#print axioms`: it is refused before Lean is called.
@Suite("Header screening", .enabled(if: FakeREPL.isBuilt))
struct HeaderScreeningTests {
    static let statement = "theorem t (n : Nat) : n + 0 = n := by"

    @Test(arguments: [
        "import Mathlib\nset_option debug.skipKernelTC true",
        "import Mathlib\n/- harmless -/ set_option   debug.skipKernelTC true\nopen Real",
        "import Mathlib\nset_option debug.byAsSorry true",
    ])
    func checkDisablingHeadersAreRefusedWithoutLean(header: String) async throws {
        let (results, statistics) = try await OracleVerifierFixture.withVerifier { verifier in
            (await verifier.verify(header: header, statement: Self.statement, proof: "omega"),
             await verifier.validate(header: header, statement: Self.statement))
        }
        #expect(results.0.status == .rejected && results.0.rule == "invalid-header", "\(results.0.reason)")
        #expect(results.0.reason.contains("debug."))
        #expect(!results.1.isWellFormed && results.1.reason.contains("debug."))
        #expect(statistics.processesStarted == 0, "Lean was never called")
    }

    @Test func ordinaryHeadersPass() {
        for header in [
            "import Mathlib\nimport Aesop\n\nset_option maxHeartbeats 0\n\nopen BigOperators Real Nat Topology Rat\n",
            "import Mathlib\n-- set_option debug.skipKernelTC true (a comment)\n",
            "",
        ] {
            #expect(HeaderScreening.refusal(of: header) == nil, "\(header)")
        }
    }
}
