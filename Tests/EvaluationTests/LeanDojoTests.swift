import Conjecturer
import Foundation
import LeanPlayTestSupport
import ProblemCorpus
import Testing
@testable import Evaluation
@testable import ProblemCorpus

struct LeanDojoTests {
    static func write(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("leandojo-\(UUID().uuidString).json")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test(arguments: [1, 7, 1 << 20])
    func readerStreamsTheoremsAcrossChunkBoundaries(chunkSize: Int) throws {
        var reader = try LeanDojoReader(url: try Self.write(LeanDojoFixture.json), chunkSize: chunkSize)
        var theorems: [LeanDojoTheorem] = []
        while let theorem = try reader.next() { theorems.append(theorem) }
        #expect(theorems.map(\.fullName) == ["Fixture.add_zero'", "Fixture.list_head", "Fixture.term_mode", "Fixture.quoted"])
        #expect(theorems[0].filePath == "Fixture/Basic.lean" && theorems[0].commit == "0123abcd")
        #expect(theorems[0].tracedTactics.map(\.tactic) == ["intro n", "simp"])
        #expect(theorems[1].tracedTactics[0].stateBefore == "l : List ℕ\nh : l ≠ []\n⊢ l.head? = some (l.head h)")
        #expect(theorems[3].tracedTactics[0].tactic == #"show "a" ++ "b" = "ab""#)
        #expect(theorems[2].tracedTactics.isEmpty)
    }

    @Test func aBadElementIsNamedByIndex() throws {
        let text = #"[{"full_name": "A", "file_path": "A.lean", "traced_tactics": []}, {"full_name": "B", "traced_tactics": []}]"#
        var reader = try LeanDojoReader(url: try Self.write(text))
        #expect(try reader.next()?.fullName == "A")
        #expect(throws: CorpusError.self) { _ = try reader.next() }
        var cut = try LeanDojoReader(url: try Self.write(#"[{"full_name": "A", "file_path": "#))
        do {
            _ = try cut.next()
            Issue.record("a cut-short file must fail")
        } catch {
            #expect(error.message.contains("cut short"))
        }
        var notArray = try LeanDojoReader(url: try Self.write(#"{"full_name": "A"}"#))
        #expect(throws: CorpusError.self) { _ = try notArray.next() }
    }

    /// Two files pasted together, or elements without a separating comma, are not a LeanDojo split file:
    /// named, not half-read as if the file ended at the first `]`.
    @Test(arguments: [
        #"[{"full_name": "A", "file_path": "A.lean", "traced_tactics": []}] [{"full_name": "B", "file_path": "B.lean", "traced_tactics": []}]"#,
        #"[{"full_name": "A", "file_path": "A.lean", "traced_tactics": []} {"full_name": "B", "file_path": "B.lean", "traced_tactics": []}]"#,
    ])
    func textAfterTheArrayOrAMissingCommaIsMalformed(_ text: String) throws {
        var reader = try LeanDojoReader(url: try Self.write(text), chunkSize: 5)
        #expect(try reader.next()?.fullName == "A")
        do {
            while try reader.next() != nil {}
            Issue.record("malformed input must be named")
        } catch {
            #expect(error.code == .malformedJSON, "\(error.message)")
        }
        var fine = try LeanDojoReader(url: try Self.write(#"[{"full_name": "A", "file_path": "A.lean", "traced_tactics": []}]"# + "\n  \n"))
        #expect(try fine.next()?.fullName == "A")
        #expect(try fine.next() == nil)
    }

    @Test func exportWritesOneChatLinePerStepWithAValidationSplit() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let prompts = try PromptLibrary.load(from: root.appendingPathComponent("Prompts"))
        let input = try Self.write(LeanDojoFixture.json)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("steps-\(UUID().uuidString).jsonl")
        let counts = try LeanDojoStepExport(prompts: prompts, valSteps: 1).run(input: input, output: output)
        // The first theorem (2 steps) fills the validation file; the other 3 steps are training lines.
        #expect(counts.theorems == 4 && counts.valLines == 2 && counts.trainLines == 3)
        let train = try String(contentsOf: output, encoding: .utf8).split(separator: "\n")
        let val = try String(contentsOf: LeanDojoStepExport.validationURL(for: output), encoding: .utf8).split(separator: "\n")
        #expect(train.count == 3 && val.count == 2)
        let first = try #require(JSONSerialization.jsonObject(with: Data(val[1].utf8)) as? [String: Any])
        let messages = try #require(first["messages"] as? [[String: String]])
        #expect(messages.map { $0["role"] } == ["system", "user", "assistant"])
        #expect(messages[1]["content"]?.contains("n : ℕ\n⊢ n + 0 = n") == true)
        #expect(messages[1]["content"]?.contains("Tactics applied so far:\n  intro n") == true)
        #expect(messages[2]["content"] == "```lean4\nsimp\n```")

        let limited = try LeanDojoStepExport(prompts: prompts, limit: 2).run(input: input, output: output)
        #expect(limited.trainLines == 2 && limited.valLines == 0)
    }

    /// `--out /dev/null` (or a pipe) replaced the device with a regular file: an existing output that is
    /// not a regular file is written in place. A FIFO stands in for the device; an existing regular file
    /// is still cut to the new export.
    @Test func anOutputThatIsNotARegularFileIsWrittenInPlace() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let prompts = try PromptLibrary.load(from: root.appendingPathComponent("Prompts"))
        let input = try Self.write(LeanDojoFixture.json)
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("steps-\(UUID().uuidString).fifo")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        defer { try? FileManager.default.removeItem(at: fifo) }
        let reader = open(fifo.path, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }

        let counts = try LeanDojoStepExport(prompts: prompts, limit: 1).run(input: input, output: fifo)

        #expect(counts.trainLines == 1)
        #expect(try FileManager.default.attributesOfItem(atPath: fifo.path)[.type] as? FileAttributeType != .typeRegular)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = read(reader, &buffer, buffer.count)
        #expect(String(decoding: buffer.prefix(max(0, count)), as: UTF8.self).contains("\"messages\""))

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("steps-\(UUID().uuidString).jsonl")
        try Data(repeating: 0x41, count: 100_000).write(to: file)
        _ = try LeanDojoStepExport(prompts: prompts, limit: 1).run(input: input, output: file)
        #expect(try String(contentsOf: file, encoding: .utf8).split(separator: "\n").count == 1)
    }
}
