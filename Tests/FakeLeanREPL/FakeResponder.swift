import Foundation

/// Produces the reply text (one JSON object, possibly multi-line) for one request.
protocol FakeResponder: AnyObject {
    func reply(to request: String, index: Int) -> String
}

final class TranscriptResponder: FakeResponder {
    let replay: TranscriptReplay
    init(replay: TranscriptReplay) { self.replay = replay }
    func reply(to request: String, index: Int) -> String { replay.reply(to: request, index: index) }
}

/// `--instant`: `{"env": k}` for everything, without parsing.
final class InstantResponder: FakeResponder {
    private var next = 0
    func reply(to request: String, index: Int) -> String {
        defer { next += 1 }
        return "{\"env\": \(next)}"
    }
}

/// `--echo-env`: the environment variable names this process sees.
final class EchoEnvironmentResponder: FakeResponder {
    private var next = 0
    func reply(to request: String, index: Int) -> String {
        defer { next += 1 }
        let environment = ProcessInfo.processInfo.environment
        let names = environment.keys.sorted().joined(separator: "\n")
        return FakeJSON.render([
            "env": next,
            "messages": [
                FakeJSON.message("info", names),
                FakeJSON.message("info", "TMPDIR=\(environment["TMPDIR"] ?? "")"),
            ],
        ])
    }
}
