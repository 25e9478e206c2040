import Foundation

extension Ledger {
    /// Registers an evaluation shared by peers and its problem list, once, and returns the run as stored.
    ///
    /// The first peer to register a run stores it and one item per problem (position = index in
    /// `problemIDs`, in benchmark order); a later call with the same id stores nothing and returns the
    /// stored run, so every peer works the same list.
    ///
    /// ```swift
    /// let run = try ledger.registerEvaluationRun(id: sha256(configJSON), configuration: configJSON,
    ///                                            problemIDs: problems.map(\.id))
    /// ```
    ///
    /// - Parameters:
    ///   - id: the run's id: the SHA-256 (hex) of `configuration`.
    ///   - configuration: the evaluation's `config.json` text.
    ///   - problemIDs: the problems to evaluate, in benchmark order.
    /// - Throws: ``LedgerError/Code/evaluationRunMismatch`` when `id` is registered with another
    ///   configuration or problem list (naming the first difference), ``LedgerError/Code/invalidRecord``
    ///   for an empty id, ``LedgerError/Code/database``.
    @discardableResult
    public func registerEvaluationRun(id: String, configuration: String, problemIDs: [String]) throws(LedgerError) -> EvaluationRun {
        guard !id.isEmpty else {
            throw LedgerError(.invalidRecord, "an evaluation run needs an id (the SHA-256 of its config.json)")
        }
        let now = self.configuration.now()
        return try write("register evaluation \(id)") { conn in
            let inserted = try conn.fetchAll(
                """
                INSERT INTO evaluation_runs (id, config, problem_count, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING RETURNING id
                """,
                [id, configuration, problemIDs.count, now])
            if !inserted.isEmpty { try EvaluationRunSQL.insertItems(conn, id: id, problemIDs: problemIDs) }
            guard let run = try EvaluationRunSQL.run(conn, id: id) else {
                throw LedgerError(.database, "the evaluation run vanished while it was registered; retry", context: id)
            }
            if let difference = EvaluationRunSQL.difference(run, configuration: configuration, problemIDs: problemIDs) {
                throw LedgerError(
                    .evaluationRunMismatch,
                    "this ledger already holds this evaluation with \(difference); start every peer with the same "
                        + "benchmark file and the same --split/--ids/--limit, or use another --db",
                    context: "evaluation \(id)")
            }
            return run
        }
    }

    /// The evaluation run registered under `id`, or `nil`.
    ///
    /// - Throws: ``LedgerError/Code/database``.
    public func evaluationRun(_ id: String) throws(LedgerError) -> EvaluationRun? {
        try read("evaluation \(id)") { conn in try EvaluationRunSQL.run(conn, id: id) }
    }

    /// The completed items of run `id`, by position (benchmark order).
    ///
    /// - Throws: ``LedgerError/Code/database``.
    public func evaluationResults(run id: String) throws(LedgerError) -> [EvaluationItemResult] {
        try read("results of evaluation \(id)") { conn in
            try conn.fetchAll(
                """
                SELECT position, problem_id, result, done_by, done_at FROM evaluation_items
                WHERE run_id = ? AND done_at IS NOT NULL ORDER BY position
                """,
                [id]
            ).map { row in
                EvaluationItemResult(
                    position: row["position"], problemID: row["problem_id"], resultJSON: row["result"],
                    doneBy: row["done_by"], doneAt: row["done_at"])
            }
        }
    }

    /// How far run `id` has come: problems in it, completed, and under an unexpired lease now.
    ///
    /// - Throws: ``LedgerError/Code/database``.
    public func evaluationProgress(run id: String) throws(LedgerError) -> EvaluationRunProgress {
        let now = configuration.now()
        return try read("progress of evaluation \(id)") { conn in
            let row = try conn.fetchOne(
                """
                SELECT COUNT(*) AS total,
                    CAST(COALESCE(SUM(CASE WHEN done_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS BIGINT) AS done,
                    CAST(COALESCE(SUM(CASE WHEN done_at IS NULL AND lease_owner IS NOT NULL AND lease_expires_at > ? THEN 1 ELSE 0 END), 0) AS BIGINT) AS leased
                FROM evaluation_items WHERE run_id = ?
                """,
                [now, id])
            return EvaluationRunProgress(total: row?["total"] ?? 0, done: row?["done"] ?? 0, leased: row?["leased"] ?? 0)
        }
    }

    /// Marks run `id` finished by `peer` with its summary, exactly once: returns `true` for the one call
    /// that finished it, `false` when another peer (or an earlier call) already had.
    ///
    /// - Parameter summary: the evaluation's `summary.json` text.
    /// - Throws: ``LedgerError/Code/invalidRecord`` when no such run is registered or `summary` is not JSON,
    ///   ``LedgerError/Code/invalidTransition`` while some of its problems are not done,
    ///   ``LedgerError/Code/database``.
    @discardableResult
    public func finishEvaluationRun(_ id: String, peer: String, summary: String) throws(LedgerError) -> Bool {
        try WorkLeaseSQL.requireJSON(summary, what: "evaluation summary", context: "evaluation \(id)")
        let now = configuration.now()
        return try write("finish evaluation \(id)") { conn in
            guard try conn.fetchOne("SELECT 1 FROM evaluation_runs WHERE id = ?", [id]) != nil else {
                throw LedgerError(.invalidRecord, "no evaluation run with this id; register it first", context: "evaluation \(id)")
            }
            let open = try conn.fetchValue(
                Int.self, "SELECT COUNT(*) FROM evaluation_items WHERE run_id = ? AND done_at IS NULL", [id]) ?? 0
            guard open == 0 else {
                throw LedgerError(
                    .invalidTransition, "\(open) problem(s) of this evaluation are not done yet; finish them first",
                    context: "evaluation \(id)")
            }
            return try conn.execute(
                "UPDATE evaluation_runs SET finished_at = ?, finished_by = ?, summary = ? WHERE id = ? AND finished_at IS NULL",
                [now, peer, summary, id]) == 1
        }
    }
}

/// Reads the `evaluation_runs` and `evaluation_items` tables (migration "v6-evaluation-runs").
enum EvaluationRunSQL {
    /// The lease statements on `evaluation_items`.
    static let items = LeaseSQL(table: "evaluation_items", scope: "run_id", returning: ["problem_id"])

    static func run(_ conn: any SQLConnection, id: String) throws -> EvaluationRun? {
        guard let row = try conn.fetchOne(
            "SELECT config, created_at, finished_at, finished_by, summary FROM evaluation_runs WHERE id = ?", [id])
        else { return nil }
        let problemIDs: [String] = try conn.fetchAll(
            "SELECT problem_id FROM evaluation_items WHERE run_id = ? ORDER BY position", [id]
        ).map { $0["problem_id"] }
        return EvaluationRun(
            id: id, configuration: row["config"], problemIDs: problemIDs, createdAt: row["created_at"],
            finishedAt: row["finished_at"], finishedBy: row["finished_by"], summary: row["summary"])
    }

    /// Stores the items of a new run, a few hundred rows per statement.
    static func insertItems(_ conn: any SQLConnection, id: String, problemIDs: [String]) throws {
        let chunk = 300
        for start in stride(from: 0, to: problemIDs.count, by: chunk) {
            let positions = start..<min(start + chunk, problemIDs.count)
            var arguments: SQLArguments = []
            for position in positions { arguments += [id, position, problemIDs[position]] }
            let rows = Array(repeating: "(?, ?, ?)", count: positions.count).joined(separator: ", ")
            try conn.execute("INSERT INTO evaluation_items (run_id, position, problem_id) VALUES \(rows)", arguments)
        }
    }

    /// How `run` differs from what a peer registers (`nil`: not at all), for the mismatch message.
    static func difference(_ run: EvaluationRun, configuration: String, problemIDs: [String]) -> String? {
        if run.configuration != configuration { return "another configuration (a hash collision or an edited ledger)" }
        if run.problemIDs == problemIDs { return nil }
        guard run.problemIDs.count == problemIDs.count else {
            return "\(run.problemIDs.count) problems, not the \(problemIDs.count) given"
        }
        let index = problemIDs.indices.first { run.problemIDs[$0] != problemIDs[$0] } ?? 0
        return "another problem list (problem \(index + 1) is \(run.problemIDs[index]), not \(problemIDs[index]))"
    }
}
