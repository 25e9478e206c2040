/// Anything that can check a proof of a statement and answer with a ``Verdict``.
public protocol ProofVerifying: Sendable {
    /// Checks `proof` of `statement` under `header`. Never throws: every failure is a verdict.
    func verify(header: String, statement: String, proof: String) async -> Verdict
}
