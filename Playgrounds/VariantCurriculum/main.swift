// variant-curriculum — a test-time curriculum: N distinct, Lean-validated variants of one theorem.
//
// Symbolic mutations need no model (perturb a constant, drop a hypothesis, specialize a variable, swap
// < and ≤, strengthen or weaken a bound). With --llm-base-url/--llm-model the variant prompt templates
// (special case, generalization, weaker conclusion, …) take turns with them. Every candidate is deduped
// by statement hash and elaborated by Lean; ill-formed ones are kept with Lean's error.
// `leanplay variants` does the same and writes JSONL.
//
//   swift run variant-curriculum --lean-project ~/lean/workspace [--statement FILE] [--count 8]
import Foundation
import LeanPlay

let usage = """
    usage: variant-curriculum (--lean-project DIR | --lean-repl CMD) [--statement FILE] [--count N]
           [--llm-base-url URL --llm-model NAME [--api-key-env VAR]]
    """

/// The theorem varied when no --statement file is given (a file may start with imports/opens: its header).
let defaultStatement = "theorem curriculum_demo (a b : Nat) (h₀ : a < b) (h₁ : 2 ≤ a) : a + 3 < b + 3 := by"

/// What to print for `error`: LeanPlay's errors describe themselves (what happened, what to do);
/// Foundation's file errors get their readable sentence instead of the raw domain and code.
func describe(_ error: any Error) -> String {
    if let error = error as? CocoaError { return error.localizedDescription }
    let bridged = error as NSError
    if bridged.domain == NSCocoaErrorDomain || bridged.domain == NSPOSIXErrorDomain { return bridged.localizedDescription }
    return "\(error)"
}

/// Prints `message` to standard error and exits with `code`.
func fail(_ code: Int32, _ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(code)
}

// 1. Flags: every flag takes one value.
var flags: [String: String] = [:]
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
    guard flag.hasPrefix("--"), let value = arguments.popFirst() else { fail(2, usage) }
    flags[flag] = value
}
guard let count = Int(flags["--count"] ?? "8"), count >= 1 else { fail(2, "--count takes a positive whole number\n" + usage) }

do {
    // 2. Configuration: ./leanplay.toml when present, then the flags on top (flags win).
    let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    var configuration = try LeanPlayConfiguration.resolve(explicit: nil, workingDirectory: workingDirectory)
    configuration.apply(LeanPlayConfiguration.Overrides(flags: flags))   // flags win over the file
    _ = try configuration.replLaunch()   // fail fast: LeanREPLError(.leanNotFound) with install guidance

    // 3. The parent theorem: exactly one declaration; whatever precedes it (imports, opens) is its header.
    var text = defaultStatement
    if let path = flags["--statement"] {
        guard let data = FileManager.default.contents(atPath: path), let contents = String(data: data, encoding: .utf8) else {
            fail(2, "--statement \(path): no such readable UTF-8 file; check the path\n" + usage)
        }
        text = contents
    }
    let file = try LeanParser.parseFile(text, origin: flags["--statement"] ?? "default statement")
    guard file.declarations.count == 1, let declaration = file.declarations.first else {
        fail(2, "expected exactly one theorem, found \(file.declarations.count) declarations")
    }
    let parent = VariantParent(
        id: declaration.name ?? "theorem", header: file.preamble.text,
        statement: declaration.rendered(ending: .tacticBlock))

    // 4. The model is optional: nil means symbolic mutations only.
    let model = try configuration.modelRoster(workingDirectory: workingDirectory).model(for: .variantGenerator)
    let prompts = try configuration.promptLibrary(workingDirectory: workingDirectory)
    var settings = VariantSettings()
    settings.targetCount = count
    settings.seed = configuration.search.seed
    settings.maxValidations = max(settings.maxValidations, count * 8)
    print("parent \(parent.id): \(parent.statement)")
    print(model == nil ? "no model configured: symbolic mutations only" : "model and symbolic variants")

    // 5. Lean lives exactly as long as this closure; every REPL worker is shut down afterwards.
    let records = try await LeanPlayRuntime.withLean(configuration) { lean in
        let generator = try VariantGenerator(model: model, validator: lean.verifier, prompts: prompts, settings: settings)
        return try await generator.variants(of: parent)
    }

    // 6. Every candidate Lean saw, in the order tried.
    for record in records {
        print("[\(record.status.rawValue)] \(record.operator) (\(record.source.rawValue))")
        print("    \(record.statement)")
        if let error = record.leanError { print("    lean: \(error.prefix(160))") }
    }
    let wellFormed = records.filter { $0.status == .wellFormed }.count
    print("\(wellFormed) well-formed of \(records.count) candidates (wanted \(count))")
} catch let error as LeanREPLError where error.code == .leanNotFound {
    fail(1, "variant-curriculum: \(error.message)\n\n" + usage)
} catch {
    fail(1, "variant-curriculum: \(describe(error))")
}
