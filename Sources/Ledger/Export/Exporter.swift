import GRDB

/// Streams one export's rows from a read snapshot into a ``JSONLWriter`` through GRDB cursors.
struct Exporter {
    let db: Database
    let writer: JSONLWriter
    let options: ExportOptions

    private func excluded(_ row: Row, id: String) throws(LedgerError) -> Bool {
        guard !options.excludedFlags.isEmpty else { return false }
        return try !JSONColumn.decodeFlags(row["flags"], rowID: id).isDisjoint(with: options.excludedFlags)
    }

    func sft() throws {
        let sql: String
        switch options.proofSelection {
        case .allAccepted:
            sql = """
                SELECT a.formalization_id AS id, f.problem_id, f.header, f.statement, f.flags, a.proof,
                    MIN(a.id) AS first_attempt
                FROM attempts a JOIN formalizations f ON f.id = a.formalization_id
                WHERE a.verdict = 'accepted' AND a.kind IN ('prove', 'shorten') AND a.proof IS NOT NULL
                GROUP BY a.formalization_id, a.proof
                ORDER BY first_attempt
                """
        case .best:
            sql = """
                SELECT id, problem_id, header, statement, flags, best_proof AS proof FROM formalizations
                WHERE best_proof IS NOT NULL ORDER BY seq
                """
        }
        let cursor = try Row.fetchCursor(db, sql: sql)
        while let row = try cursor.next() {
            let id: String = row["id"]
            if try excluded(row, id: id) { continue }
            let proof: String = row["proof"]
            try writer.write(SFTLine(
                messages: [
                    .init(role: "system", content: options.systemPrompt),
                    .init(role: "user", content: row["statement"]),
                    .init(role: "assistant", content: proof),
                ],
                formalizationID: id, problemID: row["problem_id"], header: row["header"],
                proofLength: ProofLength.measure(proof)))
        }
    }

    func repair() throws {
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT f.id, f.statement, f.flags, failed.proof AS failed_proof, failed.error, fixed.proof AS fixed_proof
            FROM attempts fixed
            JOIN attempts failed ON failed.id = fixed.repaired_from_attempt_id
            JOIN formalizations f ON f.id = fixed.formalization_id
            WHERE fixed.repaired_from_attempt_id IS NOT NULL AND fixed.verdict = 'accepted' AND fixed.proof IS NOT NULL
            ORDER BY fixed.id
            """)
        while let row = try cursor.next() {
            if try excluded(row, id: row["id"]) { continue }
            try writer.write(RepairLine(
                statement: row["statement"], failedProof: row["failed_proof"], error: row["error"],
                fixedProof: row["fixed_proof"]))
        }
    }

    func pairs() throws {
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT f.problem_id, p.informal, f.statement, f.status
            FROM formalizations f JOIN problems p ON p.id = f.problem_id ORDER BY f.seq
            """)
        while let row = try cursor.next() {
            try writer.write(PairLine(
                problemID: row["problem_id"], informal: row["informal"], formalStatement: row["statement"],
                status: row["status"]))
        }
    }

    func steps() throws {
        let verdictFilter = options.includeStepsOfFailedAttempts ? "" : "WHERE a.verdict = 'accepted'"
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT s.state, s.tactic, a.formalization_id AS id, f.flags
            FROM proof_steps s
            JOIN attempts a ON a.id = s.attempt_id
            JOIN formalizations f ON f.id = a.formalization_id
            \(verdictFilter)
            ORDER BY s.attempt_id, s.step_index
            """)
        while let row = try cursor.next() {
            let id: String = row["id"]
            if try excluded(row, id: id) { continue }
            try writer.write(StepLine(state: row["state"], tactic: row["tactic"], formalizationID: id))
        }
    }

    func curriculum(shortenAttemptLimit: Int) throws {
        let queries: [(String, StatementArguments, QueueItem.Reason)] = [
            (QueueSQL.open, [], .open),
            (QueueSQL.shorten, [shortenAttemptLimit], .shorten),
        ]
        for (sql, arguments, reason) in queries {
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try cursor.next() {
                try writer.write(CurriculumLine(
                    formalizationID: row["id"], statement: row["statement"], budgetLevel: row["budget_level"],
                    priorityReason: reason.rawValue))
            }
        }
    }

    func formalizationReport() throws {
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT id, problem_id, statement, status, flags, best_proof_length, attempt_count, budget_level
            FROM formalizations ORDER BY seq
            """)
        while let row = try cursor.next() {
            let id: String = row["id"]
            try writer.write(FormalizationReportLine(
                formalizationID: id, problemID: row["problem_id"], statement: row["statement"], status: row["status"],
                flags: JSONColumn.decodeFlags(row["flags"], rowID: id).sorted().map(\.rawValue),
                bestProofLength: row["best_proof_length"], attempts: row["attempt_count"],
                budgetLevel: row["budget_level"]))
        }
    }
}
