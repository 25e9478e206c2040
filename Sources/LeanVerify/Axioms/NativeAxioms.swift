/// The axioms native computation adds to a proof, in every shape Lean reports them.
///
/// - `Lean.ofReduceBool` (`native_decide`, `decide +native` before Lean 4.2x; `bv_decide`) and
///   `Lean.trustCompiler`: fixed names, in ``VerificationPolicy/nativeComputationAxioms``.
/// - Recent Lean declares one auxiliary axiom per native computation, named under the declaration
///   being elaborated: `NAME._native.native_decide.ax_1_1` (also under an auxiliary lemma of it,
///   `NAME.proof_1._native.…`).
///
/// An auxiliary axiom is recognised only under the checked theorem's own name, with a `_native`
/// component and an `ax_…` last component. Only Lean's native computation creates such a constant
/// there: a proof cannot declare an `axiom` (static hygiene refuses every command in proof text, and
/// the statement is rendered by the verifier), so no user axiom passes by its name.
enum NativeAxioms {
    /// True when `axiom` is a native-computation auxiliary axiom of `constant` (as `#print axioms` named it).
    static func isAuxiliary(_ axiom: String, of constant: String) -> Bool {
        let name = LeanName.canonical(axiom)
        let owner = LeanName.canonical(constant)
        guard name.hasPrefix(owner + ".") else { return false }
        let components = name.dropFirst(owner.count + 1).split(separator: ".", omittingEmptySubsequences: false)
        guard components.contains("_native"), let last = components.last, last.hasPrefix("ax_") else { return false }
        let digits = last.dropFirst(3).split(separator: "_", omittingEmptySubsequences: false)
        return !digits.isEmpty && digits.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }
}
