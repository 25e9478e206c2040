import Foundation
import ProblemCorpus
import Testing

@Suite struct CorpusErrorTests {
    private let good = #"{"id":"ok1","informal":"fine"}"# + "\n" + #"{"id":"ok2","informal":"fine too"}"# + "\n"

    @Test func malformedJSONNamesFileAndLineAndKeepsEarlierProblems() throws {
        let text = good + "\n" + #"{"id":"bad","informal": "unterminated}"# + "\n" + #"{"id":"later","informal":"x"}"#
        try withTemporaryCorpus(text, name: "broken.jsonl") { url in
            let (problems, partialError) = CorpusLoader.loadPartial(url)
            #expect(problems.map(\.id) == ["ok1", "ok2"])
            let error = try #require(partialError)
            #expect(error.code == .malformedJSON)
            #expect(error.line == 4)
            #expect(error.description.hasPrefix(url.path + ":4: malformed JSON"))
            #expect(throws: CorpusError.self) { try CorpusLoader.load(url) }
        }
    }

    @Test func invalidUTF8IsATypedErrorWithTheByteOffset() throws {
        var bytes = Array(good.utf8)
        bytes += Array(#"{"id":"x","informal":"caf"#.utf8) + [0xC3, 0x28] + Array("\"}\n".utf8)
        try withTemporaryCorpus(bytes) { url in
            let (problems, error) = CorpusLoader.loadPartial(url)
            #expect(problems.count == 2)
            #expect(error?.code == .invalidUTF8)
            #expect(error?.line == 3)
            #expect(error?.message.contains("byte 25") == true)
        }
    }

    @Test func wrongTypesAndMissingKeys() throws {
        let cases: [(String, CorpusError.Code, String)] = [
            (#"{"id":7,"informal":"x"}"#, .wrongType, "\"id\" must be a string, found a number"),
            (#"{"id":"t","informal":"x","tags":"algebra"}"#, .wrongType, "array of strings, found a string"),
            (#"{"id":"t","informal":"x","tags":["a",1]}"#, .wrongType, "array of strings"),
            (#"{"name":"t","split":"test"}"#, .missingKey, "\"formal_statement\""),
            (#"{"title":"t"}"#, .unrecognizedFormat, "fit no known format"),
            ("[1,2,3]", .malformedJSON, "not an object"),
        ]
        for (line, code, fragment) in cases {
            try withTemporaryCorpus(line) { url in
                let (_, error) = CorpusLoader.loadPartial(url)
                #expect(error?.code == code, "\(line)")
                #expect(error?.message.contains(fragment) == true, "\(line): \(error?.message ?? "no error")")
            }
        }
    }

    @Test func nullOptionalsAreAbsent() throws {
        let text = #"{"id":"n","informal":"x","formal_statement":null,"tags":null}"#
        let problems = try withTemporaryCorpus(text) { try CorpusLoader.load($0) }
        #expect(problems == [Problem(id: "n", informal: "x")])
    }

    @Test func duplicateIDsAreAnErrorNamingBothLines() throws {
        let text = good + #"{"id":"ok1","informal":"again"}"#
        try withTemporaryCorpus(text) { url in
            let (problems, error) = CorpusLoader.loadPartial(url)
            #expect(problems.count == 2)
            #expect(error?.code == .duplicateID)
            #expect(error?.line == 3)
            #expect(error?.message.contains("line 1") == true)
        }
    }

    @Test func missingFileIsUnreadable() {
        let url = URL(fileURLWithPath: "/nonexistent/leanplay/\(UUID().uuidString).jsonl")
        let (problems, error) = CorpusLoader.loadPartial(url)
        #expect(problems.isEmpty)
        #expect(error?.code == .unreadableFile)
        #expect(error?.line == nil)
    }

    @Test func linesSpanningReadChunksAreReassembled() throws {
        // Lines longer than the reader's 1 MiB chunk must come back whole.
        let long = String(repeating: "ab ", count: 600_000)
        let text = good + #"{"id":"long","informal":""# + long + "\"}\n"
        let problems = try withTemporaryCorpus(text) { try CorpusLoader.load($0) }
        #expect(problems.last?.informal.utf8.count == long.utf8.count)
    }
}
