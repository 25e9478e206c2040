extension REPLRequest: Codable {
    enum CodingKeys: String, CodingKey {
        case cmd, env, allTactics, rootGoals, infotree, tactic, proofState, path, pickleTo
        case unpickleEnvFrom, unpickleProofStateFrom
    }

    /// Decodes a request object the way the REPL dispatches it: by which key is present.
    /// - Throws: `DecodingError.dataCorrupted` when the object is none of the REPL's request kinds.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let text = try c.decodeIfPresent(String.self, forKey: .cmd) {
            self = .command(
                text,
                env: try c.decodeIfPresent(Int.self, forKey: .env),
                allTactics: try c.decodeIfPresent(Bool.self, forKey: .allTactics),
                rootGoals: try c.decodeIfPresent(Bool.self, forKey: .rootGoals),
                infotree: try c.decodeIfPresent(String.self, forKey: .infotree)
            )
        } else if let tactic = try c.decodeIfPresent(String.self, forKey: .tactic) {
            self = .tactic(tactic, proofState: try c.decode(Int.self, forKey: .proofState))
        } else if let path = try c.decodeIfPresent(String.self, forKey: .path) {
            self = .file(
                path: path,
                env: try c.decodeIfPresent(Int.self, forKey: .env),
                allTactics: try c.decodeIfPresent(Bool.self, forKey: .allTactics)
            )
        } else if let path = try c.decodeIfPresent(String.self, forKey: .pickleTo) {
            if let state = try c.decodeIfPresent(Int.self, forKey: .proofState) {
                self = .pickleProofState(to: path, proofState: state)
            } else {
                self = .pickleEnvironment(to: path, env: try c.decode(Int.self, forKey: .env))
            }
        } else if let path = try c.decodeIfPresent(String.self, forKey: .unpickleEnvFrom) {
            self = .unpickleEnvironment(from: path)
        } else if let path = try c.decodeIfPresent(String.self, forKey: .unpickleProofStateFrom) {
            self = .unpickleProofState(from: path, env: try c.decodeIfPresent(Int.self, forKey: .env))
        } else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "not a REPL request: expected one of cmd, tactic, path, pickleTo, unpickleEnvFrom, unpickleProofStateFrom"
            ))
        }
    }

    /// Encodes the request with the REPL's keys; absent optionals are omitted.
    /// - Throws: `EncodingError` only from the underlying encoder.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .command(let text, let env, let allTactics, let rootGoals, let infotree):
            try c.encode(text, forKey: .cmd)
            try c.encodeIfPresent(env, forKey: .env)
            try c.encodeIfPresent(allTactics, forKey: .allTactics)
            try c.encodeIfPresent(rootGoals, forKey: .rootGoals)
            try c.encodeIfPresent(infotree, forKey: .infotree)
        case .tactic(let tactic, let proofState):
            try c.encode(tactic, forKey: .tactic)
            try c.encode(proofState, forKey: .proofState)
        case .file(let path, let env, let allTactics):
            try c.encode(path, forKey: .path)
            try c.encodeIfPresent(env, forKey: .env)
            try c.encodeIfPresent(allTactics, forKey: .allTactics)
        case .pickleEnvironment(let path, let env):
            try c.encode(path, forKey: .pickleTo)
            try c.encode(env, forKey: .env)
        case .pickleProofState(let path, let proofState):
            try c.encode(path, forKey: .pickleTo)
            try c.encode(proofState, forKey: .proofState)
        case .unpickleEnvironment(let path):
            try c.encode(path, forKey: .unpickleEnvFrom)
        case .unpickleProofState(let path, let env):
            try c.encode(path, forKey: .unpickleProofStateFrom)
            try c.encodeIfPresent(env, forKey: .env)
        }
    }
}
