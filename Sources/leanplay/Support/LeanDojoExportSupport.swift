import ArgumentParser
import Foundation
import LeanPlay

/// `leanplay export --kind steps --from-leandojo SPLIT.json`: SFT lines from LeanDojo Benchmark 4.
enum LeanDojoExportSupport {
    static func validate(kind: String, out: String, limit: Int?, val: Int) throws {
        guard kind == "steps" else { throw ValidationError("--from-leandojo exports --kind steps only (got --kind \(kind))") }
        guard out != "-" else { throw ValidationError("--from-leandojo writes files: give --out FILE.jsonl, not -") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        guard val >= 0 else { throw ValidationError("--val must not be negative") }
    }

    static func run(from path: String, out: String, limit: Int?, val: Int, config: ConfigurationOptions, prompts: PromptsOption) throws {
        let context = try CommandContext(config: config, prompts: prompts)
        let input = context.url(path)
        guard FileManager.default.fileExists(atPath: input.path) else {
            throw CLIError(.inputMissing, "--from-leandojo \(path): no such file")
        }
        let library = try context.configuration.promptLibrary(workingDirectory: context.workingDirectory)
        let export = LeanDojoStepExport(prompts: library, limit: limit, valSteps: val)
        let output = context.url(out)
        let counts: LeanDojoStepExport.Counts
        do {
            counts = try export.run(input: input, output: output)
        } catch let error as EvaluationError {
            throw CLIError(error.code == .unwritableDirectory ? .outputUnwritable : .inputMalformed, error.description)
        }
        print("\(counts.trainLines) steps lines written to \(out) from \(counts.theorems) theorem(s)"
              + (val > 0 ? "; \(counts.valLines) to \(LeanDojoStepExport.validationURL(for: output).lastPathComponent)" : "")
              + (counts.skippedSteps > 0 ? "; \(counts.skippedSteps) step(s) without a tactic or state skipped" : ""))
    }
}
