import Foundation

/// `--transcript PATH/NAME`: replays a recorded REPL session. The i-th request received must equal the
/// i-th recorded request (as JSON values, after the REPL's line joining); the reply is the i-th recorded
/// response verbatim.
struct TranscriptReplay {
    let name: String
    let requests: [String]
    let responses: [String]

    init(path: String) throws {
        name = (path as NSString).lastPathComponent
        let input = try String(contentsOfFile: path + ".in", encoding: .utf8)
        let output = try String(contentsOfFile: path + ".expected.out", encoding: .utf8)
        requests = RequestReader.requests(inFile: input)
        responses = Self.responseBlocks(output)
    }

    /// Splits recorded output on blank lines, keeping each response's own line breaks.
    static func responseBlocks(_ text: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty { blocks.append(current.joined(separator: "\n")) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { blocks.append(current.joined(separator: "\n")) }
        return blocks
    }

    /// The reply to the request with 1-based number `index`.
    func reply(to request: String, index: Int) -> String {
        guard index <= requests.count, index <= responses.count else {
            return FakeJSON.render(["message": "fake-lean-repl: request \(index) is beyond transcript \(name) (\(requests.count) requests)"])
        }
        let recorded = requests[index - 1]
        guard let expected = FakeJSON.parse(recorded) else {
            return FakeJSON.render(["message": "fake-lean-repl: recorded request \(index) of \(name) is not JSON"])
        }
        guard let received = FakeJSON.parse(request), FakeJSON.equal(expected, received) else {
            let got = FakeJSON.parse(request).map { FakeJSON.brief($0) } ?? String(request.prefix(200))
            return FakeJSON.render([
                "message": "fake-lean-repl: request \(index) differs from transcript \(name): expected \(FakeJSON.brief(expected)), got \(got)"
            ])
        }
        return responses[index - 1]
    }
}
