import LeanREPL
import Prover
import Synchronization

/// A scripted REPL session for the step-wise search: `start` answers a sketch command with one proof
/// state per `sorry` (goals from `sketchGoals`), `apply` answers from `(goal fragment, tactic) → goals`.
/// The responses have the shapes of the real transcripts (core/have_by_sorry, core/proof_step).
final class ScriptedStepper: TacticStepping, TacticSteppingProvider {
    struct Rule: Sendable {
        var goalContains: String
        var tactic: String
        var goals: [String]
    }

    private let sketchGoals: @Sendable (String) -> [String]?
    private let rules: [Rule]
    private let states = Mutex<[Int: [String]]>([:])
    private let log = Mutex<[String]>([])

    init(rules: [Rule], sketchGoals: @escaping @Sendable (String) -> [String]?) {
        self.rules = rules
        self.sketchGoals = sketchGoals
    }

    var requests: [String] { log.withLock { $0 } }

    func withStepper<T: Sendable>(header: String, _ body: (any TacticStepping) async throws -> T) async throws -> T {
        try await body(self)
    }

    private func newState(_ goals: [String]) -> Int {
        states.withLock { table in
            let id = table.count
            table[id] = goals
            return id
        }
    }

    func start(_ command: String) async throws -> REPLResponse {
        log.withLock { $0.append("cmd " + command) }
        guard let goals = sketchGoals(command) else {
            return REPLResponse(env: 1, messages: [LeanMessage(severity: .error, pos: LeanPosition(line: 1, column: 0), endPos: nil, data: "unknown identifier")])
        }
        let sorries = goals.enumerated().map { offset, goal in
            REPLSorry(proofState: newState([goal]), pos: LeanPosition(line: 2 + offset, column: 20), endPos: nil, goal: goal)
        }
        let warning = LeanMessage(severity: .warning, pos: LeanPosition(line: 1, column: 8), endPos: nil, data: "declaration uses `sorry`")
        return REPLResponse(env: 1, messages: [warning], sorries: sorries)
    }

    func apply(_ tactic: String, to proofState: Int) async throws -> REPLResponse {
        log.withLock { $0.append("tactic \(tactic) @\(proofState)") }
        let goals = states.withLock { $0[proofState] } ?? []
        guard let rule = rules.first(where: { rule in rule.tactic == tactic && goals.contains { $0.contains(rule.goalContains) } }) else {
            return REPLResponse(
                messages: [LeanMessage(severity: .error, pos: LeanPosition(line: 0, column: 0), endPos: nil, data: "tactic '\(tactic)' failed")],
                proofState: newState(goals), proofStatus: "Incomplete: open goals remain", goals: goals)
        }
        let remaining = rule.goals + goals.dropFirst()
        return REPLResponse(proofState: newState(remaining),
                            proofStatus: remaining.isEmpty ? "Completed" : "Incomplete: open goals remain", goals: remaining)
    }
}
