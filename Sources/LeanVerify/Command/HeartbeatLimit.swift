public import LeanSource

/// The one place the verifier adds Lean's deterministic budget to a command.
///
/// `set_option maxHeartbeats H in` scopes the option to the command that follows it, so a runaway tactic
/// ends in Lean's "(deterministic) timeout … maximum number of heartbeats (H) has been reached" error —
/// an ordinary message — and the REPL process, with its imported header, survives. The option is added
/// by the verifier, never taken from proof text (hygiene still refuses `set_option` in proofs outside
/// the allow-list).
///
/// ```swift
/// HeartbeatLimit.wrap("theorem t : 1 = 1 := by\n  rfl", maxHeartbeats: 400_000)
/// // "set_option maxHeartbeats 400000 in\ntheorem t : 1 = 1 := by\n  rfl"
/// ```
public enum HeartbeatLimit {
    /// `command` prefixed with `set_option maxHeartbeats H in` on its own line; unchanged for nil.
    /// The prefix adds exactly ``addedLines`` lines in front of the command.
    public static func wrap(_ command: String, maxHeartbeats: Int?) -> String {
        guard let maxHeartbeats else { return command }
        return "set_option maxHeartbeats \(maxHeartbeats) in\n" + command
    }

    /// True for a statement prefix `set_option maxHeartbeats N in`: the verifier's own option replaces it.
    public static func setsHeartbeats(_ prefix: ScopedPrefix) -> Bool {
        prefix.kind == .setOption && prefix.optionName == "maxHeartbeats"
    }

    /// Lines ``wrap(_:maxHeartbeats:)`` adds in front of a command (for position mapping).
    public static func addedLines(maxHeartbeats: Int?) -> Int { maxHeartbeats == nil ? 0 : 1 }
}
