import LeanREPL
import LeanSource
import Prover

/// Asks Lean which binders are propositions when their type alone does not tell
/// (`HypothesisHeuristic.Kind.undetermined`, e.g. `(hx : MyPred x)` or `(x : Foo)`).
///
/// One REPL command on the header's pristine environment holds one line per such binder,
/// `example <earlier binders> (_ : (T : Prop)) : True := trivial`: it elaborates exactly when `T` is a
/// proposition in the statement's own context (auto-bound implicits behave as in the statement). A line
/// with no error makes the binder a hypothesis; a line whose error is a type mismatch makes it a
/// variable; any other error (an unknown name, a header problem) leaves the heuristic's answer.
enum BinderPropositionQuery {
    /// The binder indices Lean is asked about.
    static func undeterminedIndices(of declaration: LeanDeclaration) -> [Int] {
        HypothesisHeuristic.kinds(of: declaration.binders).enumerated()
            .filter { $0.element == .undetermined }.map(\.offset)
    }

    /// The command: line k (1-based) asks about `indices[k - 1]`.
    static func command(for declaration: LeanDeclaration, indices: [Int]) -> String {
        indices.map { index in
            let earlier = declaration.binders[..<index].map { oneLine($0.rendered) }
            let type = oneLine(declaration.binders[index].type)
            return (["example"] + earlier + ["(_ : (\(type) : Prop)) : True := trivial"]).joined(separator: " ")
        }.joined(separator: "\n")
    }

    /// Binder index → whether it is a proposition, for the lines Lean answered clearly.
    static func answers(from response: REPLResponse, indices: [Int]) -> [Int: Bool] {
        guard response.protocolError == nil else { return [:] }
        var result: [Int: Bool] = [:]
        for (offset, index) in indices.enumerated() {
            let errors = response.errors.filter { $0.pos.line == offset + 1 }
            if errors.isEmpty {
                result[index] = true
            } else if errors.allSatisfy({ $0.data.contains("type mismatch") || $0.data.contains("but is expected to have type") }) {
                result[index] = false
            }
        }
        return result
    }

    /// `declaration` with every undetermined binder decided by Lean where Lean answered; unchanged when
    /// nothing is undetermined or the REPL cannot be reached.
    static func resolve(_ declaration: LeanDeclaration, header: String, stepping: any TacticSteppingProvider) async -> LeanDeclaration {
        let indices = undeterminedIndices(of: declaration)
        guard !indices.isEmpty else { return declaration }
        let command = command(for: declaration, indices: indices)
        guard let response = try? await stepping.withStepper(header: header, { stepper in try await stepper.start(command) }) else {
            return declaration
        }
        var resolved = declaration
        for (index, isProposition) in answers(from: response, indices: indices) {
            resolved.binders[index].isHypothesis = isProposition
        }
        return resolved
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
