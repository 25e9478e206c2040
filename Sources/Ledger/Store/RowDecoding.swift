import Foundation

/// Turns rows into the ledger's value types, failing with ``LedgerError/Code/corruptRow`` on bad values.
enum RowDecoding {
    static func enumValue<T: RawRepresentable>(
        _ type: T.Type, _ row: SQLRow, _ column: String, rowID: String
    ) throws(LedgerError) -> T where T.RawValue == String {
        let raw: String? = row[column]
        guard let raw, let value = T(rawValue: raw) else {
            throw LedgerError(
                .corruptRow,
                "column \(column) holds \(String(reflecting: raw ?? "NULL")), not a known \(T.self); "
                    + "was the ledger written by a newer LeanPlay?",
                context: rowID
            )
        }
        return value
    }

    static func formalization(_ row: SQLRow) throws(LedgerError) -> Formalization {
        let id: String = row["id"]
        return Formalization(
            id: id,
            problemID: row["problem_id"],
            statement: row["statement"],
            header: row["header"],
            statementHash: row["statement_hash"],
            parentID: row["parent_id"],
            variantOperator: row["operator"],
            source: try enumValue(FormalizationSource.self, row, "source", rowID: id),
            provenance: try JSONColumn.decode([String: String].self, from: row["provenance"], column: "provenance", rowID: id),
            status: try enumValue(FormalizationStatus.self, row, "status", rowID: id),
            leanError: row["lean_error"],
            flags: try JSONColumn.decodeFlags(row["flags"], rowID: id),
            bestProof: row["best_proof"],
            bestProofLength: row["best_proof_length"],
            attemptCount: row["attempt_count"],
            budgetLevel: row["budget_level"],
            provedAtBudget: row["proved_at_budget"],
            createdRound: row["created_round"],
            settledRound: row["settled_round"],
            relatedProvedCount: row["related_proved_count"],
            createdAt: row["created_at"],
            updatedAt: row["updated_at"]
        )
    }

    /// The columns ``bookkeeping(_:rowID:)`` reads by position (the hot path of every recorded attempt).
    static let bookkeepingColumns = """
        status, flags, best_proof, best_proof_length, attempt_count, budget_level, proved_at_budget, \
        settled_round, parent_id
        """

    /// The bookkeeping of one formalization; one argument: its id.
    static let selectBookkeeping = "SELECT \(bookkeepingColumns) FROM formalizations WHERE id = ?"

    static func bookkeeping(_ row: SQLRow, rowID: String) throws(LedgerError) -> FormalizationBookkeeping {
        let rawStatus: String = row[0]
        guard let status = FormalizationStatus(rawValue: rawStatus) else {
            throw LedgerError(
                .corruptRow, "column status holds \(String(reflecting: rawStatus)), not a known status", context: rowID)
        }
        return FormalizationBookkeeping(
            status: status,
            flags: try JSONColumn.decodeFlags(row[1], rowID: rowID),
            bestProof: row[2],
            bestProofLength: row[3],
            attemptCount: row[4],
            budgetLevel: row[5],
            provedAtBudget: row[6],
            settledRound: row[7]
        )
    }

    static func attempt(_ row: SQLRow) throws(LedgerError) -> StoredAttempt {
        let key: String = row["idempotency_key"]
        let record = AttemptRecord(
            idempotencyKey: key,
            formalizationID: row["formalization_id"],
            round: row["round"],
            kind: try enumValue(AttemptKind.self, row, "kind", rowID: key),
            strategy: try enumValue(AttemptStrategy.self, row, "strategy", rowID: key),
            tacticOrModel: row["tactic_or_model"],
            budgetLevel: row["budget_level"],
            verdict: try enumValue(AttemptVerdict.self, row, "verdict", rowID: key),
            proof: row["proof"],
            error: row["error"],
            durationMilliseconds: row["duration_ms"],
            promptTokens: row["tokens_prompt"],
            completionTokens: row["tokens_completion"],
            repairedFromAttemptID: row["repaired_from_attempt_id"],
            peer: row["peer"]
        )
        return StoredAttempt(id: row["id"], record: record, createdAt: row["created_at"])
    }

    static func problem(_ row: SQLRow) throws(LedgerError) -> LedgerProblem {
        let id: String = row["id"]
        return LedgerProblem(
            id: id,
            informal: row["informal"],
            source: row["source"],
            tags: try JSONColumn.decode([String].self, from: row["tags"], column: "tags", rowID: id),
            createdAt: row["created_at"]
        )
    }

    static func round(_ row: SQLRow) -> RoundRecord {
        RoundRecord(
            number: row["number"], startedAt: row["started_at"], finishedAt: row["finished_at"],
            reportJSON: row["report"], kind: RoundKind(rawValue: row["kind"] ?? "") ?? .selfPlay)
    }
}
