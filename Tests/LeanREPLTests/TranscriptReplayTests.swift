import Foundation
import LeanPlayTestSupport
import LeanREPL
import Testing

/// Every recorded REPL session replayed through the real client (pool → worker → process → pipes) against
/// the fake in transcript mode: the fake checks each request equals the recorded one, the client decodes
/// each response, and the test compares it with the recorded response as JSON values.
@Suite("Transcript replay through the real client")
struct TranscriptReplayTests {
    @Test(.enabled(if: SharedFixtures.hasTranscripts && FakeREPL.isBuilt), arguments: TranscriptFixtures.complete)
    func replay(_ transcript: TranscriptFixtures.Transcript) async throws {
        let requests = try transcript.requests()
        let expected = try transcript.responseValues()
        #expect(requests.count == expected.count)
        let pool = REPLWorkerPool(configuration: try FakeREPL.poolConfiguration(["--transcript", transcript.basePath]))
        let responses = try await pool.withSession(header: "") { session in
            var responses: [REPLResponse] = []
            for request in requests { responses.append(try await session.send(request)) }
            return responses
        }
        await pool.shutdown()
        for (index, (response, expectedValue)) in zip(responses, expected).enumerated() {
            #expect(response.protocolError?.hasPrefix("fake-lean-repl") != true, "\(transcript.name) #\(index + 1): \(response.protocolError ?? "")")
            let actual = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(response))
            #expect(actual == expectedValue, "\(transcript.name) response #\(index + 1)")
        }
    }

    @Test(.enabled(if: SharedFixtures.hasTranscripts))
    func transcriptsWithoutExpectedOutputAreKnown() {
        // Recorded upstream without .expected.out: skipped by the replay above.
        #expect(Set(TranscriptFixtures.withoutExpectedOutput) == ["core/pickle_scoped_notation", "core/pickle_scoped_notation_2", "mathlib/H20231214"])
        #expect(TranscriptFixtures.complete.count >= 70)
    }
}
