/// One response of the Lean REPL: the result of a command (`env`, `messages`, `sorries`, `tactics`,
/// `infotree`), of a tactic (`proofState`, `proofStatus`, `goals`, `traces`, `messages`), or a
/// protocol-level failure (`{"message": …}`, kept in ``protocolError``).
///
/// Empty lists are omitted by the REPL and decode as `[]`; fields this type does not model are kept in
/// ``additionalFields`` so re-encoding a response reproduces what the REPL sent.
public struct REPLResponse: Sendable, Hashable {
    /// The new environment id produced by a command (absent for tactics and protocol errors).
    public var env: Int?
    /// Errors, warnings and info messages.
    public var messages: [LeanMessage]
    /// `sorry`s found, each with a proof state for tactic mode.
    public var sorries: [REPLSorry]
    /// Tactic records (only with `"allTactics": true`).
    public var tactics: [REPLTacticRecord]
    /// The new proof state id after a tactic.
    public var proofState: Int?
    /// `"Completed"`, `"Incomplete: open goals remain"`, `"Incomplete: contains sorry"`, … (tactic mode).
    /// Empty `goals` alone never means proved: check this and the error messages.
    public var proofStatus: String?
    /// The goals after a tactic.
    public var goals: [String]?
    /// Trace output of a tactic.
    public var traces: [String]?
    /// The info tree, when requested with `"infotree"`.
    public var infotree: JSONValue?
    /// The REPL's protocol-level error (`{"message": "Unknown environment."}`).
    public var protocolError: String?
    /// Any other top-level fields, verbatim.
    public var additionalFields: [String: JSONValue]

    /// Creates a response.
    public init(
        env: Int? = nil, messages: [LeanMessage] = [], sorries: [REPLSorry] = [],
        tactics: [REPLTacticRecord] = [], proofState: Int? = nil, proofStatus: String? = nil,
        goals: [String]? = nil, traces: [String]? = nil, infotree: JSONValue? = nil,
        protocolError: String? = nil, additionalFields: [String: JSONValue] = [:]
    ) {
        self.env = env
        self.messages = messages
        self.sorries = sorries
        self.tactics = tactics
        self.proofState = proofState
        self.proofStatus = proofStatus
        self.goals = goals
        self.traces = traces
        self.infotree = infotree
        self.protocolError = protocolError
        self.additionalFields = additionalFields
    }

    /// The error messages.
    public var errors: [LeanMessage] { messages.filter(\.isError) }

    /// True when the protocol-level answer reports a timeout rather than a refusal: a REPL or a server in
    /// front of it answering `{"message": "command timed out"}`, "Lean process timeout", "time limit
    /// exceeded", "deadline exceeded", "took too long". Not Lean's own deterministic-timeout error (that
    /// is an ordinary error message).
    public var reportsTimeout: Bool { protocolError.map(Self.isTimeoutReport) ?? false }

    /// See ``reportsTimeout``: whether a protocol-level message text reports a timeout.
    public static func isTimeoutReport(_ text: String) -> Bool {
        let text = text.lowercased()
        return ["timed out", "timeout", "time out", "time-out", "time limit", "timelimit", "deadline exceeded", "took too long"]
            .contains { text.contains($0) }
    }

    /// True when there is no protocol error and no error message.
    public var hasNoErrors: Bool { protocolError == nil && !messages.contains(where: \.isError) }
}
