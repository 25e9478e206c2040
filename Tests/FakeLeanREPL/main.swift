// fake-lean-repl — a TEST STAND-IN for the Lean REPL (leanprover-community/repl). It speaks the real
// protocol on stdin/stdout: requests are read line by line until a blank line and the lines are joined
// without their newlines (exactly like the real REPL's `getLines`); every response is a (pretty-printed,
// multi-line) JSON object followed by a blank line. It depends on Foundation only.
//
// MODES
//   --transcript PATH/NAME   Replay PATH/NAME.in + PATH/NAME.expected.out: the i-th request must equal
//                            the i-th recorded one (as JSON values); the reply is the i-th recorded
//                            response verbatim. On mismatch: {"message": "fake-lean-repl: request N
//                            differs from transcript NAME: expected …, got …"}.
//   --oracle FILE.json       A scripted Lean (the default, with no rules, when no mode is given).
//   --instant                Answer every request at once with {"env": k} (k = 0, 1, 2, …): benchmarks.
//   --echo-env               Answer every request with {"env": k, "messages": [info "NAME\nNAME…"
//                            (the sorted environment variable NAMES this process sees), info
//                            "TMPDIR=<value>"]}: for the secret-scrubbing test.
//
// FAULT FLAGS (N counts requests from 1)
//   --crash-after N          After reading request N: exit(1) without answering.
//   --crash-once-marker PATH With --crash-after: crash only if PATH does not exist yet (and create it),
//                            so a respawned process succeeds.
//   --exit-silently-after N  After reading request N: exit(0) without answering.
//   --hang-after N           After reading request N: never answer (sleep forever).
//   --garbage-after N        Answer request N (and later ones) with non-JSON text + blank line.
//   --partial-after N        Answer request N with the first half of a JSON object, then exit(0).
//   --huge-response-bytes B  Every answer is one valid JSON message of exactly B bytes (an info message
//                            padded with "x"), still carrying the right "env".
//   --stderr-noise           Write 256 KiB to stderr on every request (before any fault) and 16 KiB
//                            every 10 ms.
//   --slow-start-ms MS       Sleep MS before reading the first request.
//   --delay-ms MS            Sleep MS before every answer.
//
// LEAN-TIME SIMULATION (leanplay-bench leanbudget; every sleep below is appended as "ms N" to --account)
//   --import-ms MS           A header import ({"cmd"} without "env") takes MS more.
//   --cost-comments          A command containing `/- cost N -/` takes N ms more (the proof's own cost).
//   --runaway-marker TEXT    A command containing TEXT is a runaway tactic: when the command carries
//                            `set_option maxHeartbeats H` it answers, after --heartbeat-ms MS, Lean's
//                            deterministic-timeout error "(deterministic) timeout at `whnf`, maximum
//                            number of heartbeats (H) has been reached…"; otherwise it hangs (and
//                            appends "hang" to --account) until killed.
//   --heartbeat-ms MS        How long a runaway runs before its heartbeat limit stops it.
//   --account PATH           Append one line per simulated cost ("ms N", "hang") to PATH.
//
// ORACLE RULES FILE (--oracle FILE.json); every key is optional:
// {
//   "headers": [ {"contains": "import Mathlib", "result": "ok" | "error", "message": "…"} ],
//       A {"cmd"} without "env" is a header import: it creates a new env that records the header text.
//       By default every header imports fine; a matching rule with "result": "error" answers an error
//       message (e.g. "unknown module prefix 'Foo'") and still an env, as Lean does.
//   "rules": [ {
//       "statement_contains": "x + 0 = x",   // substring of the statement (text before ":=")
//       "proof_contains": "simp",            // substring of the proof (text after ":= by" or ":=")
//       "proof_equals": "simp",              // exact proof text (trimmed)
//       "result": "ok" | "error" | "sorry" | "sorries_only" | "hang" | "crash" | "statement_error" | "garbage",
//       "message": "…",                      // error text for "error"/"statement_error" ("error" is
//                                            // positioned at proof_contains' text when given)
//       "axioms": ["propext", "Classical.choice", "Quot.sound"],   // for #print axioms
//       "type": "∀ (x : ℕ), x + 0 = x",      // the theorem's type for `example : T := @NAME` checks
//       "warning": "declaration uses 'sorry'", // an extra warning added to an "ok" answer
//       "axioms_report": "…"                 // `#print axioms NAME` answers this text verbatim; "" → no message
//   } ],
//       A command holding `theorem|lemma|example NAME BINDERS : STATEMENT := PROOF` on an env is matched
//       against the rules in order (a rule with no conditions matches everything); the first match
//       decides. No match → error "unsolved goals\n⊢ STATEMENT" positioned at the proof. Any `sorry`
//       in the proof (a whole identifier outside comments, strings and char literals) → the real warning
//       "declaration uses `sorry`" plus, like the REPL, ONE sorries entry PER `sorry` in text order, each
//       with a fresh proofState, pos/endPos (1-based line, 0-based column in Unicode scalars) and a goal
//       (approximating Lean, see OracleSorries.swift): `have NAME : T := by sorry` / `:= sorry` (also
//       `obtain PAT : T := …`) → the binders, the haves in scope before it, then "⊢ T"; a calc-style
//       step `A = B := by sorry` → "⊢ A = B"; any other `sorry` → the binders, the haves in scope, then
//       "⊢ STATEMENT". "result": "sorry" without a literal `sorry` gives one entry with the statement's
//       goal; "sorries_only" gives the sorries entries without the warning.
//       A statement containing "ILL_FORMED" → an elaboration error. "ok"/"sorry"
//       add NAME to the new env (with its axioms, sorryAx for sorry).
//       `#print axioms NAME` → info "'NAME' depends on axioms: [a, b]" or "'NAME' does not depend on any
//       axioms"; an unknown NAME → error "unknown constant 'NAME'".
//       `example : T := @NAME` (or `:= NAME`) → ok when T equals NAME's recorded type (whitespace
//       normalized: comments and whitespace dropped; default: the declared statement with its binders as
//       `∀ BINDERS, STATEMENT`), else error "type mismatch". `example : type_of% @REF := @NAME` compares
//       NAME's recorded type with REF's.
//   "tactics": [ {"goal_contains": "⊢ x + 0 = x", "tactic": "simp", "goals": []} ],
//       {"tactic", "proofState"} on a known proof state: the first rule whose goal_contains is in one of
//       the state's goals and whose tactic equals the tactic (trimmed) gives the new goals → a new
//       proofState with proofStatus "Completed" (no goals) or "Incomplete: open goals remain". With
//       "error": "…" instead of goals → that error message, goals unchanged. No rule → error
//       "unknown tactic" style message and the goals unchanged. Unknown proofState → {"message":
//       "Unknown proof state."}; unknown env → {"message": "Unknown environment."}.
// }
import Foundation

signal(SIGPIPE, SIG_IGN)

let options: FakeOptions
do {
    options = try FakeOptions(arguments: Array(CommandLine.arguments.dropFirst()))
} catch let error as FakeUsageError {
    ResponseWriter.writeError("fake-lean-repl: \(error.text)\n")
    exit(2)
}

let responder: any FakeResponder
do {
    if let transcript = options.transcript {
        responder = try TranscriptResponder(replay: TranscriptReplay(path: transcript))
    } else if options.instant {
        responder = InstantResponder()
    } else if options.echoEnvironment {
        responder = EchoEnvironmentResponder()
    } else {
        responder = try OracleResponder(rulesPath: options.oracle)
    }
} catch {
    ResponseWriter.writeError("fake-lean-repl: cannot start: \(error)\n")
    exit(2)
}

FakeSession(options: options, responder: responder).run()
