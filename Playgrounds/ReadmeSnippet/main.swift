// The README's library snippet ("Using the library"), verbatim: it builds with the package, and
// READMESnippetTests checks that this file still holds exactly the README's code and runs it without Lean.
import LeanPlay

var configuration = LeanPlayConfiguration()
configuration.lean.project = "/home/me/lean/leanplay-workspace"

do {
    let verdict = try await LeanPlayRuntime.withLean(configuration) { lean in
        await lean.verifier.verify(
            header: "import Mathlib",
            statement: "theorem two_mul_le (a b : ℝ) : 2 * a * b ≤ a ^ 2 + b ^ 2 := by",
            proof: "nlinarith [sq_nonneg (a - b)]")
    }
    print(verdict.status, verdict.axioms)   // accepted ["propext", "Classical.choice", "Quot.sound"]
} catch let error as LeanREPLError {
    print("Lean is not ready: \(error.message)")   // what is missing and how to install it, as `leanplay doctor` says
} catch {
    print("error: \(error)")
}
