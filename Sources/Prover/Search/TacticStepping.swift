public import LeanREPL

/// The REPL operations the step-wise search needs, on one REPL process (proof states are per process).
///
/// `PoolTacticStepper` implements it inside `REPLWorkerPool.withSession`; tests may script it.
public protocol TacticStepping: Sendable {
    /// Elaborates `command` (a theorem whose proof holds `sorry` placeholders) on the header's pristine
    /// environment; the response's `sorries` carry one proof state per `sorry`.
    ///
    /// - Throws: `LeanREPLError` when the REPL fails.
    func start(_ command: String) async throws -> REPLResponse

    /// Applies `tactic` to `proofState` (`{"tactic", "proofState"}`).
    ///
    /// - Throws: `LeanREPLError` when the REPL fails.
    func apply(_ tactic: String, to proofState: Int) async throws -> REPLResponse
}

/// Opens a `TacticStepping` session on one REPL process for the duration of `body`.
public protocol TacticSteppingProvider: Sendable {
    /// Runs `body` with a stepper whose proof states live on one process that imported `header`.
    ///
    /// - Throws: `LeanREPLError` when no session can be opened, or what `body` throws.
    func withStepper<T: Sendable>(header: String, _ body: (any TacticStepping) async throws -> T) async throws -> T
}
