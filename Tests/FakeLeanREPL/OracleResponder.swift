import Foundation

/// `--oracle`: a scripted Lean driven by rules (format at the top of main.swift).
final class OracleResponder: FakeResponder {
    struct Constant { var type: String; var axioms: [String]; var axiomsReport: String? = nil }
    struct Environment { var header: String; var constants: [String: Constant] }

    private let rules: OracleRules
    private var environments: [Int: Environment] = [:]
    private var proofStates: [Int: [String]] = [:]
    private var nextEnvironment = 0
    private var nextProofState = 0

    init(rulesPath: String?) throws {
        rules = try OracleRules.load(rulesPath)
    }

    func reply(to request: String, index: Int) -> String {
        guard let object = FakeJSON.parse(request) as? [String: Any] else {
            return FakeJSON.render(["message": "Could not parse JSON:\n\(request.prefix(200))"])
        }
        if let command = object["cmd"] as? String {
            return FakeJSON.render(run(command: command, env: object["env"] as? Int, hasEnv: object["env"] != nil))
        }
        if let tactic = object["tactic"] as? String, let state = object["proofState"] as? Int {
            return FakeJSON.render(run(tactic: tactic, proofState: state))
        }
        return FakeJSON.render(["message": "fake-lean-repl oracle: unsupported request \(FakeJSON.brief(object))"])
    }

    private func newEnvironment(_ environment: Environment) -> Int {
        defer { nextEnvironment += 1 }
        environments[nextEnvironment] = environment
        return nextEnvironment
    }

    private func newProofState(_ goals: [String]) -> Int {
        defer { nextProofState += 1 }
        proofStates[nextProofState] = goals
        return nextProofState
    }

    private func run(command: String, env: Int?, hasEnv: Bool) -> [String: Any] {
        var environment: Environment
        var messages: [[String: Any]] = []
        var body = command
        if hasEnv {
            guard let env, let base = environments[env] else { return ["message": "Unknown environment."] }
            environment = base
        } else {
            let lines = command.split(separator: "\n", omittingEmptySubsequences: false)
            let headerLines = lines.prefix { $0.hasPrefix("import ") || $0.trimmingCharacters(in: .whitespaces).isEmpty }
            environment = Environment(header: headerLines.joined(separator: "\n"), constants: [:])
            body = String(repeating: "\n", count: headerLines.count) + lines.dropFirst(headerLines.count).joined(separator: "\n")
            if let rule = rules.headers.first(where: { $0.contains.map(command.contains) ?? true }), rule.result == "error" {
                messages.append(FakeJSON.message("error", rule.message ?? "unknown module prefix", line: 1, column: 0))
            }
        }
        var sorries: [[String: Any]] = []
        for chunk in Self.chunks(body) {
            if let outcome = elaborate(chunk.text, line: chunk.line, in: &environment) {
                messages += outcome.messages
                sorries += outcome.sorries
            }
        }
        var response: [String: Any] = ["env": newEnvironment(environment)]
        if !messages.isEmpty { response["messages"] = messages }
        if !sorries.isEmpty { response["sorries"] = sorries }
        return response
    }

    /// Splits a command into chunks starting at lines that begin a new command.
    private static func chunks(_ text: String) -> [(text: String, line: Int)] {
        var result: [(text: String, line: Int)] = []
        var current: [Substring] = []
        var startLine = 1
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let starts = ["theorem ", "lemma ", "example ", "example:", "#print ", "@[", "def ", "open ", "set_option "]
                .contains { line.hasPrefix($0) }
            if starts, !current.isEmpty {
                result.append((current.joined(separator: "\n"), startLine))
                current = []
            }
            if current.isEmpty { startLine = offset + 1 }
            current.append(line)
        }
        if !current.isEmpty { result.append((current.joined(separator: "\n"), startLine)) }
        return result
    }

    private func position(of offset: Int, in chunk: String, line: Int) -> (line: Int, column: Int) {
        let prefix = chunk.prefix(offset)
        let newlines = prefix.filter { $0 == "\n" }.count
        // Lean counts columns in Unicode scalars (codepoints), not grapheme clusters.
        let column = prefix.split(separator: "\n", omittingEmptySubsequences: false).last?.unicodeScalars.count ?? 0
        return (line + newlines, column)
    }

    private func elaborate(_ chunk: String, line: Int, in environment: inout Environment) -> (messages: [[String: Any]], sorries: [[String: Any]])? {
        let trimmed = chunk.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("#print axioms") {
            let name = trimmed.dropFirst("#print axioms".count).trimmingCharacters(in: .whitespaces)
            guard let constant = environment.constants[name] else {
                return ([FakeJSON.message("error", "unknown constant '\(name)'", line: line, column: 14, endLine: line, endColumn: 14 + name.count)], [])
            }
            if constant.axiomsReport == "" { return ([], []) }
            let text = constant.axiomsReport ?? (constant.axioms.isEmpty
                ? "'\(name)' does not depend on any axioms"
                : "'\(name)' depends on axioms: [\(constant.axioms.joined(separator: ", "))]")
            return ([FakeJSON.message("info", text, line: line, column: 0, endLine: line, endColumn: 13)], [])
        }
        guard let declaration = OracleDeclaration(chunk) else { return nil }
        let namePosition = position(of: declaration.nameOffset, in: chunk, line: line)
        let statementPosition = position(of: declaration.statementOffset, in: chunk, line: line)
        let proofPosition = position(of: declaration.proofOffset, in: chunk, line: line)
        let rule = rules.rules.first { $0.matches(statement: declaration.statement, proof: declaration.proof) }

        if declaration.statement.contains("ILL_FORMED") || rule?.result == "statement_error" {
            let text = rule?.message ?? "unknown identifier 'ILL_FORMED'"
            return ([FakeJSON.message("error", text, line: statementPosition.line, column: statementPosition.column)], [])
        }
        if declaration.keyword == "example", !declaration.isTactic, let checked = typeCheck(declaration, in: environment) {
            return (checked ? [] : [FakeJSON.message("error", "type mismatch\n  \(declaration.proof)\nhas a type that differs from\n  \(declaration.statement)", line: proofPosition.line, column: proofPosition.column)], [])
        }
        switch rule?.result {
        case "hang": while true { sleep(milliseconds: 1_000_000) }
        case "crash": exit(1)
        case "garbage": ResponseWriter.write("<<< oracle garbage, not JSON\n\n")
        default: break
        }
        let typeText = rule?.type ?? declaration.closedType
        let placeholders = OracleSorries.placeholders(in: chunk, proofOffset: declaration.proofOffset, declaration: declaration)
        let literalSorry = !placeholders.isEmpty
        if literalSorry || rule?.result == "sorry" || rule?.result == "sorries_only" {
            if let name = declaration.name { environment.constants[name] = Constant(type: typeText, axioms: (rule?.axioms ?? []) + ["sorryAx"]) }
            // Like the REPL: one entry per `sorry`, in text order, each with a fresh proof state; a rule's
            // "sorry" without a literal placeholder reports the theorem's goal once.
            var entries = placeholders.map { (offset: $0.offset, goal: $0.goal) }
            if entries.isEmpty {
                let sorryOffset = chunk.range(of: "sorry").map { chunk.distance(from: chunk.startIndex, to: $0.lowerBound) } ?? declaration.proofOffset
                entries = [(sorryOffset, declaration.goal)]
            }
            let sorries: [[String: Any]] = entries.map { entry in
                let sorryPosition = position(of: entry.offset, in: chunk, line: line)
                return [
                    "proofState": newProofState([entry.goal]), "goal": entry.goal,
                    "pos": ["line": sorryPosition.line, "column": sorryPosition.column],
                    "endPos": ["line": sorryPosition.line, "column": sorryPosition.column + 5],
                ]
            }
            let nameLength = declaration.name?.unicodeScalars.count ?? declaration.keyword.count
            let warning = FakeJSON.message("warning", "declaration uses `sorry`", line: namePosition.line, column: namePosition.column, endLine: namePosition.line, endColumn: namePosition.column + nameLength)
            return (rule?.result == "sorries_only" && !literalSorry ? [] : [warning], sorries)
        }
        switch rule?.result {
        case "ok"?:
            if let name = declaration.name {
                environment.constants[name] = Constant(type: typeText, axioms: rule?.axioms ?? [], axiomsReport: rule?.axiomsReport)
            }
            guard let warning = rule?.warning else { return ([], []) }
            return ([FakeJSON.message("warning", warning, line: namePosition.line, column: namePosition.column)], [])
        case "error"?:
            // Like Lean, point at the offending text: the rule's proof_contains when given, else the proof start.
            var errorPosition = proofPosition
            if let needle = rule?.proofContains, let proofStart = chunk.index(chunk.startIndex, offsetBy: declaration.proofOffset, limitedBy: chunk.endIndex),
               let found = chunk[proofStart...].range(of: needle) {
                errorPosition = position(of: chunk.distance(from: chunk.startIndex, to: found.lowerBound), in: chunk, line: line)
            }
            return ([FakeJSON.message("error", rule?.message ?? "tactic failed", line: errorPosition.line, column: errorPosition.column)], [])
        default:
            let text = "unsolved goals\n\(declaration.goal)"
            return ([FakeJSON.message("error", text, line: proofPosition.line, column: proofPosition.column)], [])
        }
    }

    /// `example : T := @NAME`: nil when the proof is not a known constant (then it is a normal proof).
    private func typeCheck(_ declaration: OracleDeclaration, in environment: Environment) -> Bool? {
        var reference = declaration.proof
        if reference.hasPrefix("@") { reference.removeFirst() }
        guard let constant = environment.constants[reference] else { return nil }
        var expected = declaration.closedType
        if expected.hasPrefix("type_of%") {
            // `type_of% @REF` is REF's type, as Lean elaborates it.
            var referenced = expected.dropFirst("type_of%".count).trimmingCharacters(in: .whitespaces)
            if referenced.hasPrefix("@") { referenced.removeFirst() }
            guard let other = environment.constants[referenced] else { return false }
            expected = other.type
        }
        return OracleDeclaration.normalized(constant.type) == OracleDeclaration.normalized(expected)
    }

    private func run(tactic: String, proofState: Int) -> [String: Any] {
        guard let goals = proofStates[proofState] else { return ["message": "Unknown proof state."] }
        let trimmed = tactic.trimmingCharacters(in: .whitespacesAndNewlines)
        let rule = rules.tactics.first { rule in
            rule.tactic.trimmingCharacters(in: .whitespacesAndNewlines) == trimmed
                && (rule.goalContains.map { needle in goals.contains { $0.contains(needle) } } ?? true)
        }
        guard let rule, rule.error == nil, let newGoals = rule.goals else {
            let text = rule?.error ?? "tactic '\(trimmed)' failed (fake-lean-repl oracle has no rule for it)\n\(goals.joined(separator: "\n\n"))"
            return [
                "proofState": newProofState(goals), "goals": goals,
                "proofStatus": goals.isEmpty ? "Completed" : "Incomplete: open goals remain",
                "messages": [FakeJSON.message("error", text, line: 0, column: 0)],
            ]
        }
        return [
            "proofState": newProofState(newGoals), "goals": newGoals,
            "proofStatus": newGoals.isEmpty ? "Completed" : "Incomplete: open goals remain",
        ]
    }
}
