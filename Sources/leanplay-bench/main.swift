// leanplay-bench: prints LeanPlay's speed and memory figures. Run it in release mode:
//
//     swift run -c release leanplay-bench                  # every benchmark
//     swift run -c release leanplay-bench pool extraction  # some of them
//     swift run -c release leanplay-bench leanbudget       # Lean-seconds per accepted proof, (a) vs (b)
//     swift run -c release leanplay-bench ledger --formalizations 100000 --attempts 500000
//     eval "$(Scripts/start-postgres)"; swift run -c release leanplay-bench peers   # SQLite and PostgreSQL
//
// Benchmarks measure LeanPlay's own overhead against stand-ins (the fake REPL process, a loopback HTTP
// server), so the figures are comparable between machines without Lean or a model. Goals are printed
// next to each figure; nothing here fails a build.
import Foundation
import LeanPlayTestSupport

let known = ["pool", "extraction", "model", "ledger", "leanbudget", "evaluation", "peers"]
var selected: [String] = []
var formalizations = 1_000_000
var attempts = 5_000_000
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--formalizations":
        guard let value = arguments.popFirst().flatMap(Int.init), value > 0 else {
            fatalError("--formalizations takes a positive whole number")
        }
        formalizations = value
    case "--attempts":
        guard let value = arguments.popFirst().flatMap(Int.init), value > 0 else {
            fatalError("--attempts takes a positive whole number")
        }
        attempts = value
    case "-h", "--help":
        print("usage: leanplay-bench [\(known.joined(separator: "|"))]... [--formalizations N] [--attempts N]")
        exit(0)
    case let name where known.contains(name):
        selected.append(name)
    default:
        FileHandle.standardError.write(Data("leanplay-bench: unknown argument \(argument); see --help\n".utf8))
        exit(64)
    }
}
if selected.isEmpty { selected = known }

#if DEBUG
print("note: this is a debug build; run `swift run -c release leanplay-bench` for meaningful figures")
#endif

for name in selected {
    print("== \(name)")
    do {
        let lines: [String]
        switch name {
        case "pool":
            lines = try await runPoolBenchmarks(fakeREPL: try FakeREPL.requireExecutable())
        case "extraction":
            lines = runExtractionBenchmark()
        case "model":
            lines = try await runModelClientBenchmark()
        case "ledger":
            lines = try runLedgerBenchmark(formalizations: formalizations, attempts: attempts)
        case "leanbudget":
            lines = try await runLeanBudgetBenchmark(fakeREPL: try FakeREPL.requireExecutable())
        case "peers":
            lines = try runPeersBenchmark()
        case "evaluation":
            lines = try await runEvaluationBenchmark(fakeREPL: try FakeREPL.requireExecutable())
        default:
            lines = []
        }
        lines.forEach { print($0) }
    } catch {
        print("\(name) benchmark failed: \(error)")
    }
}
