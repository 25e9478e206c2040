extension Ledger {
    /// Adds model usage to `round` under `role` (`formalizer`, `variant_generator`, `prover`, …), in one
    /// transaction: call it as each response arrives, so a round killed half-way keeps what it spent.
    ///
    /// - Throws: ``LedgerError/Code/invalidRecord`` for negative counts or an empty role,
    ///   ``LedgerError/Code/unknownRound`` when the round was never started, ``LedgerError/Code/database``.
    public func addRoundTokens(_ round: Int, role: String, usage: RoundTokens) throws(LedgerError) {
        guard !role.isEmpty, usage.promptTokens >= 0, usage.completionTokens >= 0, usage.requests >= 0, usage.cacheHits >= 0 else {
            throw LedgerError(.invalidRecord, "token usage needs a role and non-negative counts", context: "round \(round)")
        }
        try write("add tokens to round \(round)") { db in
            guard try db.fetchOne("SELECT 1 FROM rounds WHERE number = ?", [round]) != nil else {
                throw LedgerError(.unknownRound, "round \(round) was never started; call startRound()", context: "round \(round)")
            }
            try db.execute(
                """
                    INSERT INTO round_tokens (round, role, prompt_tokens, completion_tokens, requests, cache_hits)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (round, role) DO UPDATE SET
                        prompt_tokens = round_tokens.prompt_tokens + excluded.prompt_tokens,
                        completion_tokens = round_tokens.completion_tokens + excluded.completion_tokens,
                        requests = round_tokens.requests + excluded.requests,
                        cache_hits = round_tokens.cache_hits + excluded.cache_hits
                    """,
                [round, role, usage.promptTokens, usage.completionTokens, usage.requests, usage.cacheHits])
        }
    }

    /// The model usage stored for `round`, by role (empty when no model was used, or for rounds run
    /// before migration "v3-round-tokens").
    ///
    /// - Throws: ``LedgerError/Code/database``.
    public func roundTokens(_ round: Int) throws(LedgerError) -> [String: RoundTokens] {
        try read("tokens of round \(round)") { db in
            var usage: [String: RoundTokens] = [:]
            for row in try db.fetchAll("SELECT * FROM round_tokens WHERE round = ? ORDER BY role", [round]) {
                usage[row["role"]] = RoundTokens(
                    promptTokens: row["prompt_tokens"], completionTokens: row["completion_tokens"],
                    requests: row["requests"], cacheHits: row["cache_hits"])
            }
            return usage
        }
    }
}
