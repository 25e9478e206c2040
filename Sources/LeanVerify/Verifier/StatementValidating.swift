/// Anything that can check that a statement is well-formed Lean before anyone tries to prove it.
public protocol StatementValidating: Sendable {
    /// Checks that `statement` elaborates under `header` (closed with `sorry`). Never throws.
    func validate(header: String, statement: String) async -> StatementCheck
}
