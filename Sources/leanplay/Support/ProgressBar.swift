import Foundation
import Synchronization

/// A one-line progress bar on standard error, drawn only when standard error is a terminal.
///
/// Redraws are throttled so that a fast job does not spend its time printing.
final class ProgressBar: Sendable {
    private struct State {
        var done = 0
        var total: Int
        var detail = ""
        var lastDraw = ContinuousClock.now - .seconds(1)
    }

    private let label: String
    private let enabled: Bool
    private let state: Mutex<State>

    init(label: String, total: Int) {
        self.label = label
        self.enabled = isatty(STDERR_FILENO) == 1
        self.state = Mutex(State(total: total))
    }

    /// Records progress and redraws at most ten times a second.
    func update(done: Int, total: Int? = nil, detail: String = "") {
        guard enabled else { return }
        let line: String? = state.withLock { state in
            state.done = done
            if let total { state.total = total }
            state.detail = detail
            let now = ContinuousClock.now
            guard now - state.lastDraw >= .milliseconds(100) || done == state.total else { return nil }
            state.lastDraw = now
            return Self.render(label: label, done: state.done, total: state.total, detail: state.detail)
        }
        if let line { FileHandle.standardError.write(Data(("\r\u{1B}[2K" + line).utf8)) }
    }

    /// Ends the bar's line.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }

    static func render(label: String, done: Int, total: Int, detail: String) -> String {
        let width = 30
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 0
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let percent = Int(fraction * 100)
        return "\(label) \(bar) \(done)/\(total) (\(percent)%) \(detail)"
    }
}
