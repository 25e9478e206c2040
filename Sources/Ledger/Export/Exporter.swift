/// Streams one export's rows from a read snapshot into a ``JSONLWriter``, row by row
/// (``SQLConnection/forEachRow(_:_:_:)``: a cursor, never the whole result in memory).
struct Exporter {
    let db: any SQLConnection
    let writer: JSONLWriter
    let options: ExportOptions

    private func excluded(_ row: SQLRow, id: String) throws(LedgerError) -> Bool {
        guard !options.excludedFlags.isEmpty else { return false }
        return try !JSONColumn.decodeFlags(row["flags"], rowID: id).isDisjoint(with: options.excludedFlags)
    }

    func sft() throws {
        let sql: String
        switch options.proofSelection {
        case .allAccepted:
            sql = """
                SELECT f.id AS id, f.problem_id, f.header, f.statement, f.flags, a.proof,
                    MIN(a.id) AS first_attempt
                FROM attempts a JOIN formalizations f ON f.id = a.formalization_id
                WHERE a.verdict = 'accepted' AND a.kind IN ('prove', 'shorten') AND a.proof IS NOT NULL
                GROUP BY f.id, a.proof
                ORDER BY first_attempt
                """
        case .best:
            sql = """
                SELECT id, problem_id, header, statement, flags, best_proof AS proof FROM formalizations
                WHERE best_proof IS NOT NULL ORDER BY seq
                """
        }
        try db.forEachRow(sql, []) { row in
            let id: String = row["id"]
            if try excluded(row, id: id) { return }
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

    /// Proof repairs (accepted fixes of failed proofs), then statement repairs (ill-formed statements
    /// and the well-formed statements the model repaired them into).
    func repair() throws {
        try db.forEachRow("""
            SELECT f.id, f.problem_id, f.statement, f.flags, failed.proof AS failed_proof, failed.error, fixed.proof AS fixed_proof
            FROM attempts fixed
            JOIN attempts failed ON failed.id = fixed.repaired_from_attempt_id
            JOIN formalizations f ON f.id = fixed.formalization_id
            WHERE fixed.repaired_from_attempt_id IS NOT NULL AND fixed.verdict = 'accepted' AND fixed.proof IS NOT NULL
            ORDER BY fixed.id
            """, []) { row in
            if try excluded(row, id: row["id"]) { return }
            try writer.write(RepairLine(
                kind: .proofRepair, problemID: row["problem_id"], statement: row["statement"],
                failedProof: row["failed_proof"], error: row["error"], fixedProof: row["fixed_proof"]))
        }
        try db.forEachRow("""
            SELECT bad.problem_id, p.informal, bad.statement AS ill_formed, bad.lean_error, good.statement AS repaired
            FROM statement_repairs r
            JOIN formalizations bad ON bad.id = r.ill_formed_id
            JOIN formalizations good ON good.id = r.repaired_id
            JOIN problems p ON p.id = bad.problem_id
            WHERE good.status != 'ill_formed' AND bad.status = 'ill_formed'
            ORDER BY good.seq, bad.seq
            """, []) { row in
            try writer.write(RepairLine(
                kind: .statementRepair, problemID: row["problem_id"], error: row["lean_error"], informal: row["informal"],
                illFormedStatement: row["ill_formed"], repairedStatement: row["repaired"]))
        }
    }

    /// Informal/formal pairs, only where the text states the statement: a corpus formal statement or a
    /// model formalization with its problem's text, a variant with the text its model wrote for it.
    /// Variants without such text (every symbolic variant) are left out.
    func pairs() throws {
        try db.forEachRow("""
            SELECT f.id, f.problem_id, p.informal, f.statement, f.status, f.source, f.parent_id, f.provenance
            FROM formalizations f JOIN problems p ON p.id = f.problem_id ORDER BY f.seq
            """, []) { row in
            let id: String = row["id"]
            let parentID: String? = row["parent_id"]
            let source: String = row["source"]
            let informal: String
            let kind: PairLine.Kind
            if parentID == nil {
                guard source != FormalizationSource.symbolic.rawValue else { return }
                informal = row["informal"]
                kind = source == FormalizationSource.corpus.rawValue ? .corpusStatement : .autoformalization
            } else {
                let provenance = try JSONColumn.decode([String: String].self, from: row["provenance"], column: "provenance", rowID: id)
                guard let text = provenance[NewFormalization.informalKey], !text.allSatisfy(\.isWhitespace) else { return }
                informal = text
                kind = .modelVariant
            }
            try writer.write(PairLine(
                problemID: row["problem_id"], formalizationID: id, informal: informal, formalStatement: row["statement"],
                status: row["status"], pairKind: kind))
        }
    }

    func steps() throws {
        let verdictFilter = options.includeStepsOfFailedAttempts ? "" : "WHERE a.verdict = 'accepted'"
        try db.forEachRow("""
            SELECT s.state, s.tactic, a.formalization_id AS id, f.flags
            FROM proof_steps s
            JOIN attempts a ON a.id = s.attempt_id
            JOIN formalizations f ON f.id = a.formalization_id
            \(verdictFilter)
            ORDER BY s.attempt_id, s.step_index
            """, []) { row in
            let id: String = row["id"]
            if try excluded(row, id: id) { return }
            try writer.write(StepLine(state: row["state"], tactic: row["tactic"], formalizationID: id))
        }
    }

    func curriculum(shortenAttemptLimit: Int) throws {
        let queries: [(String, SQLArguments, QueueItem.Reason)] = [
            (QueueSQL.open, [], .open),
            (QueueSQL.shorten, [shortenAttemptLimit], .shorten),
        ]
        for (sql, arguments, reason) in queries {
            try db.forEachRow(sql, arguments) { row in
                try writer.write(CurriculumLine(
                    formalizationID: row["id"], statement: row["statement"], budgetLevel: row["budget_level"],
                    priorityReason: reason.rawValue))
            }
        }
    }

    func formalizationReport() throws {
        try db.forEachRow("""
            SELECT f.id, f.problem_id, f.statement, f.status, f.flags, f.best_proof_length, f.attempt_count, f.budget_level,
                COALESCE(t.prompt, 0) AS tokens_prompt, COALESCE(t.completion, 0) AS tokens_completion
            FROM formalizations f
            LEFT JOIN (
                SELECT formalization_id, CAST(SUM(tokens_prompt) AS BIGINT) AS prompt,
                    CAST(SUM(tokens_completion) AS BIGINT) AS completion
                FROM attempts GROUP BY formalization_id
            ) t ON t.formalization_id = f.id
            ORDER BY f.seq
            """, []) { row in
            let id: String = row["id"]
            try writer.write(FormalizationReportLine(
                formalizationID: id, problemID: row["problem_id"], statement: row["statement"], status: row["status"],
                flags: JSONColumn.decodeFlags(row["flags"], rowID: id).sorted().map(\.rawValue),
                bestProofLength: row["best_proof_length"], attempts: row["attempt_count"],
                budgetLevel: row["budget_level"], promptTokens: row["tokens_prompt"], completionTokens: row["tokens_completion"]))
        }
    }
}
