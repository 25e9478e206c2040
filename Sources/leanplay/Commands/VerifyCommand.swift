import ArgumentParser
import Foundation
import LeanPlay

/// `leanplay verify`: checks proofs with Lean, one or a JSONL batch.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a proof of a statement with Lean (or a JSONL batch of them).",
        discussion: """
            Single check: --header, --statement and --proof (files, or - for standard input); exits 0 when the
            proof is accepted and 1 otherwise. Batch: --batch IN.jsonl with objects {"id","header","statement",
            "proof"}; prints one JSON verdict per line {"id","status","reason","rule","axioms","errors","elapsed_ms"}
            in input order and exits 0 when every item got a verdict.
            """
    )

    @Option(help: "File with the header (imports, opens, options); - for standard input.")
    var header: String?
    @Option(help: "File with the statement: a declaration ending in `:= by` or `:=`.")
    var statement: String?
    @Option(help: "File with the proof text that follows the statement.")
    var proof: String?
    @Option(help: "A JSONL file of {\"id\",\"header\",\"statement\",\"proof\"} objects.")
    var batch: String?
    @Flag(help: "Print the verdict of a single check as JSON.")
    var json = false
    @Flag(help: "Neither read nor write the verdict cache ([cache] directory): ask Lean for every proof.")
    var noCache = false

    @OptionGroup var config: ConfigurationOptions
    @OptionGroup var lean: LeanOptions

    func validate() throws {
        if batch != nil {
            guard header == nil, statement == nil, proof == nil else {
                throw ValidationError("--batch cannot be combined with --header/--statement/--proof")
            }
        } else {
            guard statement != nil, proof != nil else {
                throw ValidationError("give --statement and --proof (and usually --header), or --batch IN.jsonl")
            }
            if [header, statement, proof].filter({ $0 == "-" }).count > 1 {
                throw ValidationError("only one of --header/--statement/--proof can read standard input (-)")
            }
        }
    }

    func run() async throws {
        try await CommandContext.reportingErrors("verify") {
            var configuration = try config.load()
            lean.apply(to: &configuration)
            if noCache { configuration.cache.enabled = false }
            try configuration.requireWritableCache(workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            if let batch {
                try await runBatch(path: batch, configuration: configuration)
            } else {
                try await runSingle(configuration: configuration)
            }
        }
    }

    private func runSingle(configuration: LeanPlayConfiguration) async throws {
        let headerText = try header.map { try InputFiles.text($0, flag: "--header") } ?? configuration.lean.defaultHeader
        let statementText = try InputFiles.text(statement!, flag: "--statement")
        let proofText = try InputFiles.text(proof!, flag: "--proof")
        let cache = configuration.verdictCache(workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let verdict = try await LeanPlayRuntime.withLean(configuration) { lean in
            await lean.verifier.caching(in: cache).verify(header: headerText, statement: statementText, proof: proofText)
        }
        if json {
            try JSONLines.print(VerdictLine(id: nil, verdict: verdict))
        } else {
            print(VerdictFormatting.human(verdict))
        }
        if verdict.status != .accepted { throw ExitCode(1) }
    }

    private func runBatch(path: String, configuration: LeanPlayConfiguration) async throws {
        let data = try InputFiles.data(path, flag: "--batch")
        let parsed = BatchInput.parse(data, origin: path == "-" ? "<stdin>" : path)
        for problem in parsed.errors { printError("verify: \(problem)") }
        let defaultHeader = configuration.lean.defaultHeader
        let window = max(1, (configuration.lean.workers ?? ProcessInfo.processInfo.activeProcessorCount) * 4)
        let progress = ProgressBar(label: "verify", total: parsed.items.count)
        let cache = configuration.verdictCache(workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        try await LeanPlayRuntime.withLean(configuration) { lean in
            let verifier = lean.verifier.caching(in: cache)
            var done = 0
            for chunkStart in stride(from: 0, to: parsed.items.count, by: window) {
                let chunk = Array(parsed.items[chunkStart..<min(chunkStart + window, parsed.items.count)])
                let verdicts = await withTaskGroup(of: (Int, Verdict).self) { group in
                    for (offset, item) in chunk.enumerated() {
                        group.addTask {
                            (offset, await verifier.verify(
                                header: item.header ?? defaultHeader, statement: item.statement, proof: item.proof))
                        }
                    }
                    var results = [Verdict?](repeating: nil, count: chunk.count)
                    for await (offset, verdict) in group { results[offset] = verdict }
                    return results.compactMap { $0 }
                }
                for (item, verdict) in zip(chunk, verdicts) {
                    try JSONLines.print(VerdictLine(id: item.id, verdict: verdict))
                }
                done += chunk.count
                progress.update(done: done)
            }
        }
        progress.finish()
        if !parsed.errors.isEmpty {
            printError("verify: \(parsed.errors.count) input line(s) were malformed and got no verdict")
            throw ExitCode(1)
        }
    }
}
