extension REPLResponse: Codable {
    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private static let modeledKeys: Set<String> = [
        "env", "messages", "sorries", "tactics", "proofState", "proofStatus", "goals", "traces", "infotree",
        "message",
    ]

    /// Decodes a REPL response object.
    /// - Throws: `DecodingError` when the value is not an object or a modeled field has the wrong type.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        env = try c.decodeIfPresent(Int.self, forKey: AnyKey("env"))
        messages = try c.decodeIfPresent([LeanMessage].self, forKey: AnyKey("messages")) ?? []
        sorries = try c.decodeIfPresent([REPLSorry].self, forKey: AnyKey("sorries")) ?? []
        tactics = try c.decodeIfPresent([REPLTacticRecord].self, forKey: AnyKey("tactics")) ?? []
        proofState = try c.decodeIfPresent(Int.self, forKey: AnyKey("proofState"))
        proofStatus = try c.decodeIfPresent(String.self, forKey: AnyKey("proofStatus"))
        goals = try c.decodeIfPresent([String].self, forKey: AnyKey("goals"))
        traces = try c.decodeIfPresent([String].self, forKey: AnyKey("traces"))
        infotree = try c.decodeIfPresent(JSONValue.self, forKey: AnyKey("infotree"))
        protocolError = try c.decodeIfPresent(String.self, forKey: AnyKey("message"))
        var extra: [String: JSONValue] = [:]
        for key in c.allKeys where !Self.modeledKeys.contains(key.stringValue) {
            extra[key.stringValue] = try c.decode(JSONValue.self, forKey: key)
        }
        additionalFields = extra
    }

    /// Encodes the response with the REPL's keys; empty lists and absent values are omitted, as the REPL does.
    /// - Throws: `EncodingError` only from the underlying encoder.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        if !sorries.isEmpty { try c.encode(sorries, forKey: AnyKey("sorries")) }
        if !tactics.isEmpty { try c.encode(tactics, forKey: AnyKey("tactics")) }
        try c.encodeIfPresent(traces, forKey: AnyKey("traces"))
        try c.encodeIfPresent(proofStatus, forKey: AnyKey("proofStatus"))
        try c.encodeIfPresent(proofState, forKey: AnyKey("proofState"))
        if !messages.isEmpty { try c.encode(messages, forKey: AnyKey("messages")) }
        try c.encodeIfPresent(goals, forKey: AnyKey("goals"))
        try c.encodeIfPresent(infotree, forKey: AnyKey("infotree"))
        try c.encodeIfPresent(env, forKey: AnyKey("env"))
        try c.encodeIfPresent(protocolError, forKey: AnyKey("message"))
        for (key, value) in additionalFields.sorted(by: { $0.key < $1.key }) {
            try c.encode(value, forKey: AnyKey(key))
        }
    }
}
