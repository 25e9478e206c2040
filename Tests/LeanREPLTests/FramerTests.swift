import Foundation
import LeanREPL
import Testing

@Suite("REPL message framing")
struct FramerTests {
    private func strings(_ messages: [[UInt8]]) -> [String] { messages.map { String(decoding: $0, as: UTF8.self) } }

    @Test func splitsOnBlankLinesAcrossChunks() throws {
        var framer = REPLMessageFramer()
        var out = try framer.append(Array("{\"env\":\n 0}\n".utf8))
        #expect(out.isEmpty)
        out = try framer.append(Array("\n{\"env\": 1}\n\n{\"en".utf8))
        #expect(strings(out) == ["{\"env\":\n 0}\n", "{\"env\": 1}\n"])
        out = try framer.append(Array("v\": 2}\n\n".utf8))
        #expect(strings(out) == ["{\"env\": 2}\n"])
        #expect(framer.isAtMessageBoundary)
    }

    @Test func toleratesCRLFAndSkipsExtraBlankLines() throws {
        var framer = REPLMessageFramer()
        let out = try framer.append(Array("\r\n\n{\"env\": 0}\r\n\r\n\n\n{\"env\": 1}\n \n".utf8))
        #expect(out.count == 2)
        #expect(try JSONDecoder().decode(REPLResponse.self, from: Data(out[1])).env == 1)
    }

    @Test func lineSeparatorInsideJSONDoesNotSplit() throws {
        var framer = REPLMessageFramer()
        let text = "{\"messages\": [{\"severity\": \"info\", \"pos\": {\"line\": 1, \"column\": 0}, \"data\": \"a\u{2028}\u{2029}\u{85}b\"}],\n \"env\": 0}\n\n"
        let out = try framer.append(Array(text.utf8))
        #expect(out.count == 1)
        let response = try JSONDecoder().decode(REPLResponse.self, from: Data(out[0]))
        #expect(response.messages.first?.data == "a\u{2028}\u{2029}\u{85}b")
    }

    @Test func byteAtATimeFeedingWorks() throws {
        var framer = REPLMessageFramer()
        var all: [[UInt8]] = []
        for byte in Array("{\"env\": 0}\n\n{\"env\": 1}\n\n".utf8) { all += try framer.append([byte]) }
        #expect(all.count == 2)
    }

    @Test func messageOverTheMaximumThrowsResponseTooLarge() throws {
        var framer = REPLMessageFramer(maximumMessageBytes: 1000)
        #expect(throws: LeanREPLError.self) {
            _ = try framer.append(Array(repeating: UInt8(ascii: "x"), count: 1001))
        }
        var framer2 = REPLMessageFramer(maximumMessageBytes: 1000)
        do {
            _ = try framer2.append(Array(("{\"a\": \"" + String(repeating: "y", count: 995) + "\"}\n").utf8))
            _ = try framer2.append(Array("\n".utf8))
            Issue.record("expected responseTooLarge")
        } catch {
            #expect(error.code == .responseTooLarge)
        }
    }

    /// Correctness only: the throughput figure lives in `leanplay-bench pool` (speed targets are benchmarks,
    /// not timed unit tests).
    @Test func tenMegabyteResponseInSmallChunksFramesAsOneMessage() throws {
        let payload = "{\"env\": 0, \"messages\": [{\"severity\": \"info\", \"pos\": {\"line\": 1, \"column\": 0}, \"data\": \"" + String(repeating: "z", count: 10_000_000) + "\"}]}\n\n"
        let bytes = Array(payload.utf8)
        var framer = REPLMessageFramer()
        var messages: [[UInt8]] = []
        var index = 0
        while index < bytes.count {
            let end = min(index + 65_536, bytes.count)
            messages += try framer.append(bytes[index..<end])
            #expect(framer.pendingByteCount == (end == bytes.count ? 0 : end), "bytes kept until the blank line")
            index = end
        }
        #expect(messages.count == 1)
        #expect(messages[0].count == bytes.count - 1)
        #expect(messages[0].suffix(3) == Array("]}\n".utf8))
    }
}
