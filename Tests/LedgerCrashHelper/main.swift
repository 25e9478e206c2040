// ledger-crash-helper: writes a deterministic self-play workload into a ledger (an SQLite file, or a
// postgres:// URL with the password, if any, in PGPASSWORD), one attempt per
// transaction, printing "recorded N" after each commit. The crash-safety test SIGKILLs it mid-way, runs it
// again to completion with the same idempotency keys, and compares the result with a clean run.
//
// Usage: ledger-crash-helper LEDGER_PATH_OR_URL ATTEMPTS
import Foundation
import Ledger

/// Writes a line straight to the pipe (no buffering), so the parent sees every commit as it happens.
func report(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

let arguments = CommandLine.arguments
guard arguments.count == 3, let attemptTotal = Int(arguments[2]), attemptTotal >= 0 else {
    FileHandle.standardError.write(Data("usage: ledger-crash-helper LEDGER_PATH_OR_URL ATTEMPTS\n".utf8))
    exit(64)
}

do {
    let ledger = try Ledger.open(
        location: LedgerLocation.parse(arguments[1]), configuration: LedgerConfiguration(budget: BudgetSchedule(base: 1, cap: 16)))
    try ledger.addProblems((0..<5).map { LedgerProblem(id: "p\($0)", informal: "Problem \($0)", tags: ["crash"]) })
    var formalizationIDs: [String] = []
    for index in 0..<50 {
        let parent = index < 10 ? nil : formalizationIDs[index % 10]
        let statement = "theorem t\(index) (x : ℕ) (h : x > \(index)) : x ≥ \(index)"
        let added = try ledger.addFormalization(NewFormalization(
            problemID: "p\(index % 5)", statement: statement, header: "import Mathlib",
            statementHash: "crash-\(index)", parentID: parent, source: parent == nil ? .model : .symbolic))
        formalizationIDs.append(added.id)
    }
    for index in 0..<attemptTotal {
        let formalizationID = formalizationIDs[(index * 7) % formalizationIDs.count]
        let round = 1 + index / 500
        let kind: AttemptKind = index % 13 == 5 ? .disprove : (index % 17 == 3 ? .vacuity : .prove)
        let verdict: AttemptVerdict = (index % 9 == 4 || index % 23 == 0) ? .accepted : .rejected
        let strategy: AttemptStrategy = index % 3 == 0 ? .automation : .wholeProof
        try ledger.recordAttempt(AttemptRecord(
            idempotencyKey: "round\(round)/\(formalizationID)/\(kind.rawValue)/\(index)",
            formalizationID: formalizationID, round: round, kind: kind, strategy: strategy,
            tacticOrModel: strategy == .automation ? "omega" : "model-a", budgetLevel: (index / 50) % 3,
            verdict: verdict, proof: String(repeating: "simp ", count: 1 + (index * 31) % 11),
            error: verdict == .accepted ? nil : "error at \(index)", durationMilliseconds: Double(index % 100),
            promptTokens: index % 50, completionTokens: index % 70))
        report("recorded \(index + 1)")
    }
    report("done")
} catch {
    FileHandle.standardError.write(Data("ledger-crash-helper: \(error)\n".utf8))
    exit(1)
}
