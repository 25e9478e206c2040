public import Conjecturer
public import Foundation
import ProblemCorpus
import ModelClient

/// Writes chat-format supervised fine-tuning lines from a LeanDojo Benchmark 4 split file: one line per
/// traced step, `{"messages":[{"role":"system",…},{"role":"user",…},{"role":"assistant",…}]}`.
///
/// The system and user messages are the `prove/next_tactic` prompt rendered for the step (theorem =
/// its full name, tactics so far = the theorem's earlier steps, goals = `state_before`), so a model
/// trained on these lines is asked exactly what LeanPlay's step-wise search asks it. The assistant
/// message is the human tactic in the fenced ```lean4 block that prompt asks for.
///
/// The input is streamed. The first theorems of the file (LeanDojo's split files are shuffled) go to a
/// validation file until it holds at least `valSteps` lines; whole theorems go there, so no theorem is
/// in both files. Steps with an empty
/// tactic or state are skipped and counted.
public struct LeanDojoStepExport: Sendable {
    /// What an export wrote.
    public struct Counts: Sendable, Hashable {
        /// Theorems read.
        public var theorems = 0
        /// Lines written to the training file.
        public var trainLines = 0
        /// Lines written to the validation file.
        public var valLines = 0
        /// Steps skipped (empty tactic or proof state).
        public var skippedSteps = 0
    }

    /// The prompts (must hold `template`).
    public var prompts: PromptLibrary
    /// The prompt template id.
    public var template: String
    /// The most training lines written (nil: all).
    public var limit: Int?
    /// Validation lines wanted (whole theorems: the file may hold a few more).
    public var valSteps: Int

    /// Creates an export.
    public init(prompts: PromptLibrary, template: String = "prove/next_tactic", limit: Int? = nil, valSteps: Int = 0) {
        self.prompts = prompts
        self.template = template
        self.limit = limit
        self.valSteps = valSteps
    }

    /// `FILE.jsonl` → `FILE.val.jsonl` (the validation file beside the training file).
    public static func validationURL(for url: URL) -> URL {
        let ext = url.pathExtension
        let base = url.deletingPathExtension()
        return base.appendingPathExtension("val").appendingPathExtension(ext.isEmpty ? "jsonl" : ext)
    }

    /// Reads `input` and writes `output` (and its validation file when `valSteps > 0`).
    ///
    /// - Throws: `CorpusError` for an unreadable or malformed input (naming the theorem's index),
    ///   `ConjecturerError` when the template does not render, `EvaluationError` `.unwritableDirectory`
    ///   when an output cannot be written.
    public func run(input: URL, output: URL) throws -> Counts {
        var reader = try LeanDojoReader(url: input)
        defer { reader.close() }
        let train = try LineSink(output)
        defer { train.close() }
        let val = valSteps > 0 ? try LineSink(Self.validationURL(for: output)) : nil
        defer { val?.close() }
        var counts = Counts()
        while let theorem = try reader.next() {
            counts.theorems += 1
            let toVal = counts.valLines < valSteps
            if !toVal, let limit, counts.trainLines >= limit { break }
            var earlier: [String] = []
            for step in theorem.tracedTactics {
                let tactic = step.tactic.trimmingCharacters(in: .whitespacesAndNewlines)
                let state = step.stateBefore.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !tactic.isEmpty, !state.isEmpty, state != "no goals" else {
                    counts.skippedSteps += 1
                    continue
                }
                if !toVal, let limit, counts.trainLines >= limit { break }
                let line = try self.line(theorem: theorem, state: state, tactic: tactic, earlier: earlier)
                if toVal, let val {
                    try val.write(line)
                    counts.valLines += 1
                } else {
                    try train.write(line)
                    counts.trainLines += 1
                }
                earlier.append(tactic)
            }
        }
        return counts
    }

    func line(theorem: LeanDojoTheorem, state: String, tactic: String, earlier: [String]) throws -> Data {
        let context: PromptContext = [
            "statement": .text(theorem.fullName),
            "header": .text(""),
            "informal": .text(""),
            "theorem_name": .text(theorem.fullName),
            "proof": .text(""),
            "lean_error": .text(""),
            "goals": .text(state),
            "tactics": .list(earlier.map { ["tactic": .text($0)] }),
            "failed_tactics": .list([]),
        ]
        var messages = try prompts.render(template, context: context).map { Message(role: $0.role, content: $0.content) }
        messages.append(Message(role: "assistant", content: "```lean4\n\(tactic)\n```"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(["messages": messages])
        data.append(0x0A)
        return data
    }

    struct Message: Encodable {
        var role: String
        var content: String
    }
}

/// An output file written line by line: a regular file is created or cut to empty; anything else that
/// exists there (`/dev/null`, a pipe) is written in place, never replaced by a regular file.
final class LineSink {
    private let handle: FileHandle
    private let url: URL

    init(_ url: URL) throws(EvaluationError) {
        self.url = url
        let manager = FileManager.default
        // Not createFile(atPath:): it writes through a temporary file and a rename, which would replace a
        // device, and its failures carry no reason.
        let exists = manager.fileExists(atPath: url.path)
        let handle: FileHandle
        do {
            if !exists { try Data().write(to: url) }
            handle = try FileHandle(forWritingTo: url)
        } catch {
            throw EvaluationError(.unwritableDirectory, "cannot create the file (\(error.fileSystemReason))", context: url.path)
        }
        if exists, (try? manager.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType == .typeRegular {
            do {
                try handle.truncate(atOffset: 0)
            } catch {
                throw EvaluationError(.unwritableDirectory, "cannot empty the file (\(error.localizedDescription))", context: url.path)
            }
        }
        self.handle = handle
    }

    func write(_ data: Data) throws(EvaluationError) {
        do {
            try handle.write(contentsOf: data)
        } catch {
            throw EvaluationError(.unwritableDirectory, "write failed (\(error.localizedDescription))", context: url.path)
        }
    }

    func close() { try? handle.close() }
}
