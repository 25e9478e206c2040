extension Ledger {
    /// Per-round counts: every started round, plus any round number that appears in the data.
    ///
    /// - Throws: ``LedgerError/Code/database``.
    public func roundSummaries() throws(LedgerError) -> [RoundSummary] {
        try read("round summaries") { db in try Self.roundSummaries(in: db) }
    }

    static func roundSummaries(in db: any SQLConnection) throws -> [RoundSummary] {
        var summaries: [Int: RoundSummary] = [:]
        func update(_ round: Int, _ change: (inout RoundSummary) -> Void) {
            var summary = summaries[round] ?? RoundSummary(round: round)
            change(&summary)
            summaries[round] = summary
        }
        for row in try db.fetchAll("SELECT * FROM rounds ORDER BY number") {
            let record = RowDecoding.round(row)
            update(record.number) {
                $0.startedAt = record.startedAt
                $0.finishedAt = record.finishedAt
                $0.kind = record.kind
            }
        }
        let attemptSQL = """
            SELECT round, COUNT(*) AS attempts,
                CAST(SUM(CASE WHEN verdict = 'accepted' THEN 1 ELSE 0 END) AS BIGINT) AS accepted,
                CAST(SUM(tokens_prompt) AS BIGINT) AS prompt, CAST(SUM(tokens_completion) AS BIGINT) AS completion
            FROM attempts GROUP BY round ORDER BY round
            """
        for row in try db.fetchAll(attemptSQL) {
            update(row["round"]) {
                $0.attempts = row["attempts"]
                $0.accepted = row["accepted"]
                $0.promptTokens = row["prompt"]
                $0.completionTokens = row["completion"]
            }
        }
        let settledSQL = """
            SELECT settled_round,
                CAST(SUM(CASE WHEN status = 'proved' THEN 1 ELSE 0 END) AS BIGINT) AS proved,
                CAST(SUM(CASE WHEN status = 'disproved' THEN 1 ELSE 0 END) AS BIGINT) AS disproved
            FROM formalizations WHERE settled_round IS NOT NULL GROUP BY settled_round ORDER BY settled_round
            """
        for row in try db.fetchAll(settledSQL) {
            update(row["settled_round"]) {
                $0.proved = row["proved"]
                $0.disproved = row["disproved"]
            }
        }
        for row in try db.fetchAll("SELECT created_round, COUNT(*) AS n FROM formalizations GROUP BY created_round ORDER BY created_round") {
            update(row["created_round"]) { $0.formalizationsCreated = row["n"] }
        }
        for row in try db.fetchAll("SELECT * FROM round_tokens ORDER BY round, role") {
            let role: String = row["role"]
            update(row["round"]) {
                $0.tokensByRole[role] = RoundTokens(
                    promptTokens: row["prompt_tokens"], completionTokens: row["completion_tokens"],
                    requests: row["requests"], cacheHits: row["cache_hits"])
            }
        }
        for (round, summary) in summaries where !summary.tokensByRole.isEmpty {
            let total = summary.tokensByRole.values.reduce(RoundTokens(), +)
            summaries[round]?.promptTokens = total.promptTokens
            summaries[round]?.completionTokens = total.completionTokens
        }
        return summaries.values.sorted { $0.round < $1.round }
    }
}
