import Foundation
import LeanPlayTestSupport
import LeanREPL
import Testing

@Suite("REPL protocol types")
struct ProtocolTests {
    private func json(_ request: REPLRequest) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(request))
    }

    @Test func requestsEncodeToTheREPLKeys() throws {
        #expect(try json(.command("import Mathlib")) == .object(["cmd": .string("import Mathlib")]))
        #expect(try json(.command("example : True := trivial", env: 3, allTactics: true)) == .object([
            "cmd": .string("example : True := trivial"), "env": .integer(3), "allTactics": .bool(true),
        ]))
        #expect(try json(.tactic("simp", proofState: 2)) == .object(["tactic": .string("simp"), "proofState": .integer(2)]))
        #expect(try json(.file(path: "a.lean", env: 1)) == .object(["path": .string("a.lean"), "env": .integer(1)]))
        #expect(try json(.pickleEnvironment(to: "a.olean", env: 0)) == .object(["pickleTo": .string("a.olean"), "env": .integer(0)]))
        #expect(try json(.pickleProofState(to: "p.olean", proofState: 4)) == .object(["pickleTo": .string("p.olean"), "proofState": .integer(4)]))
        #expect(try json(.unpickleEnvironment(from: "a.olean")) == .object(["unpickleEnvFrom": .string("a.olean")]))
        #expect(try json(.unpickleProofState(from: "p.olean", env: 2)) == .object(["unpickleProofStateFrom": .string("p.olean"), "env": .integer(2)]))
    }

    @Test func encodedRequestIsOneLineEvenWithNewlinesAndLineSeparators() throws {
        let proof = "theorem t : 1 = 1 := by\n\n  rfl -- \u{2028} done\r\n"
        let data = try JSONEncoder().encode(REPLRequest.command(proof, env: 0))
        #expect(!data.contains(0x0A))
        #expect(!data.contains(0x0D))
        let decoded = try JSONDecoder().decode(REPLRequest.self, from: data)
        #expect(decoded == .command(proof, env: 0))
    }

    @Test func decodingANonRequestFails() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(REPLRequest.self, from: Data(#"{"hello": 1}"#.utf8))
        }
    }

    @Test func responseKeepsUnknownFieldsAndProtocolErrors() throws {
        let text = #"{"message": "Unknown environment.", "futureField": [1, 2.5, null, true]}"#
        let response = try JSONDecoder().decode(REPLResponse.self, from: Data(text.utf8))
        #expect(response.protocolError == "Unknown environment.")
        #expect(response.additionalFields["futureField"] == .array([.integer(1), .double(2.5), .null, .bool(true)]))
        let again = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(response))
        #expect(again == (try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))))
    }

    @Test func unknownSeverityIsKept() throws {
        let text = #"{"severity": "trace", "pos": {"line": 1, "column": 0}, "data": "x"}"#
        let message = try JSONDecoder().decode(LeanMessage.self, from: Data(text.utf8))
        #expect(message.severity.rawValue == "trace")
        #expect(!message.isError)
    }

    /// Every recorded response decodes into `REPLResponse` and re-encodes to the same JSON value.
    @Test(.enabled(if: SharedFixtures.hasTranscripts), arguments: TranscriptFixtures.complete)
    func transcriptResponsesRoundTrip(_ transcript: TranscriptFixtures.Transcript) throws {
        let texts = try transcript.responseTexts()
        #expect(!texts.isEmpty)
        for text in texts {
            let original = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
            let response = try JSONDecoder().decode(REPLResponse.self, from: Data(text.utf8))
            let reencoded = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(response))
            #expect(reencoded == original, "\(transcript.name): \(text.prefix(120))")
        }
    }

    /// Every recorded request decodes into `REPLRequest` and re-encodes to the same JSON value.
    @Test(.enabled(if: SharedFixtures.hasTranscripts), arguments: TranscriptFixtures.complete)
    func transcriptRequestsRoundTrip(_ transcript: TranscriptFixtures.Transcript) throws {
        for text in try transcript.requestTexts() {
            let original = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
            let request = try JSONDecoder().decode(REPLRequest.self, from: Data(text.utf8))
            #expect(try json(request) == original, "\(transcript.name): \(text.prefix(120))")
        }
    }
}
