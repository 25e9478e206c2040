import Foundation

extension Ledger {
    /// Starts the next round of `kind` — or resumes the latest one if it never finished — unless the
    /// ledger already holds `finishedLimit` finished rounds of `kind`; then returns nil.
    ///
    /// Counting and starting happen in one write transaction, so peers running `selfplay --rounds N`
    /// together never start round N+1: the last peer to look sees N finished rounds and stops.
    ///
    /// - Throws: ``LedgerError/Code/database``.
    public func startRound(kind: RoundKind, unlessFinished finishedLimit: Int) throws(LedgerError) -> RoundRecord? {
        let now = configuration.now()
        return try write("start round") { conn -> RoundRecord? in
            let finished = try conn.fetchValue(
                Int.self, "SELECT COUNT(*) FROM rounds WHERE finished_at IS NOT NULL AND kind = ?", [kind.rawValue]) ?? 0
            let latest = try conn.fetchOne(
                "SELECT number, started_at, finished_at, report, kind FROM rounds ORDER BY number DESC LIMIT 1")
            if let latest, (latest["finished_at"] as Date?) == nil {
                let number: Int = latest["number"]
                let storedKind: String = latest["kind"]
                // An unfinished round of the other kind is still resumed (as `startRound(kind:)` does);
                // one of this kind is resumed even at the limit only if it is unfinished — it is not
                // counted yet.
                guard finished < finishedLimit else { return nil }
                if storedKind != kind.rawValue {
                    try conn.execute("UPDATE rounds SET kind = ? WHERE number = ?", [kind.rawValue, number])
                }
                return RoundRecord(number: number, startedAt: latest["started_at"], finishedAt: nil, reportJSON: nil, kind: kind)
            }
            guard finished < finishedLimit else { return nil }
            let number = ((latest?["number"] as Int?) ?? 0) + 1
            // Two peers starting the same round at once: on PostgreSQL the loser's conflict aborts its
            // transaction as a serialization failure, which the store retries (then it joins the round).
            let inserted = try conn.execute(
                "INSERT INTO rounds (number, started_at, kind) VALUES (?, ?, ?) ON CONFLICT (number) DO NOTHING",
                [number, now, kind.rawValue])
            guard inserted > 0 else {
                throw LedgerError(.database, "another peer started round \(number) at the same moment; retry", context: "round \(number)")
            }
            return RoundRecord(number: number, startedAt: now, finishedAt: nil, reportJSON: nil, kind: kind)
        }
    }

    /// The round numbered `number`, or nil when it was never started.
    ///
    /// - Throws: ``LedgerError/Code/database``.
    public func round(_ number: Int) throws(LedgerError) -> RoundRecord? {
        try read("round \(number)") { conn in
            try conn.fetchOne("SELECT number, started_at, finished_at, report, kind FROM rounds WHERE number = ?", [number]).map { row in
                RoundRecord(
                    number: row["number"], startedAt: row["started_at"], finishedAt: row["finished_at"],
                    reportJSON: row["report"], kind: RoundKind(rawValue: row["kind"]) ?? .selfPlay)
            }
        }
    }

    /// Claims `round`'s conjecture stage for `peer` for `leaseSeconds`, unless another peer holds an
    /// unexpired claim or the stage is done.
    ///
    /// Exactly one peer at a time gets ``ConjectureStageClaim/claimed``; the others get
    /// ``ConjectureStageClaim/held(by:until:)`` and ask again later (a claim whose peer died expires and is
    /// taken over), or ``ConjectureStageClaim/done(reportJSON:)`` once it is done. `peer` claiming again
    /// while it holds the claim renews it.
    ///
    /// - Throws: ``LedgerError/Code/unknownRound`` when the round was never started,
    ///   ``LedgerError/Code/database``.
    public func claimConjectureStage(round: Int, peer: String, leaseSeconds: Double) throws(LedgerError) -> ConjectureStageClaim {
        let now = configuration.now()
        let expires = now.addingTimeInterval(leaseSeconds)
        return try write("claim the conjecture stage of round \(round)") { conn in
            let changed = try conn.execute("""
                UPDATE rounds SET stage_owner = ?, stage_expires_at = ?
                WHERE number = ? AND conjectured_at IS NULL
                    AND (stage_owner IS NULL OR stage_owner = ? OR stage_expires_at <= ?)
                """, [peer, expires, round, peer, now])
            if changed > 0 { return .claimed }
            guard let row = try conn.fetchOne(
                "SELECT stage_owner, stage_expires_at, conjectured_at, conjecture_report FROM rounds WHERE number = ?", [round])
            else {
                throw LedgerError(.unknownRound, "round \(round) was never started; call startRound()", context: "round \(round)")
            }
            if (row["conjectured_at"] as Date?) != nil { return .done(reportJSON: row["conjecture_report"]) }
            return .held(by: row["stage_owner"] ?? "", until: row["stage_expires_at"] ?? now)
        }
    }

    /// Extends `peer`'s claim on `round`'s conjecture stage to `leaseSeconds` from now (the stage's
    /// heartbeat); false when the peer no longer holds it (taken over after it expired, or done).
    ///
    /// - Throws: ``LedgerError/Code/database``.
    @discardableResult
    public func renewConjectureStage(round: Int, peer: String, leaseSeconds: Double) throws(LedgerError) -> Bool {
        let now = configuration.now()
        return try write("renew the conjecture stage of round \(round)") { conn in
            try conn.execute("UPDATE peers SET last_seen_at = ? WHERE id = ?", [now, peer])
            return try conn.execute(
                "UPDATE rounds SET stage_expires_at = ? WHERE number = ? AND stage_owner = ? AND conjectured_at IS NULL",
                [now.addingTimeInterval(leaseSeconds), round, peer]) > 0
        }
    }

    /// Marks `round`'s conjecture stage done, storing `reportJSON` (what the stage added); returns false
    /// when it was already done (the stored report stays: read it with
    /// ``claimConjectureStage(round:peer:leaseSeconds:)``).
    ///
    /// The stage is idempotent (corpus intake and conjecturing skip what the ledger holds), so a peer
    /// whose claim was taken over may still complete it if it finishes first.
    ///
    /// - Throws: ``LedgerError/Code/invalidRecord`` when `reportJSON` is not JSON,
    ///   ``LedgerError/Code/unknownRound``, ``LedgerError/Code/database``.
    @discardableResult
    public func completeConjectureStage(round: Int, peer: String, reportJSON: String) throws(LedgerError) -> Bool {
        try WorkLeaseSQL.requireJSON(reportJSON, what: "conjecture report", context: "round \(round)")
        let now = configuration.now()
        return try write("complete the conjecture stage of round \(round)") { conn in
            let changed = try conn.execute("""
                UPDATE rounds SET conjectured_at = ?, conjecture_report = ?, stage_owner = ?, stage_expires_at = NULL
                WHERE number = ? AND conjectured_at IS NULL
                """, [now, reportJSON, peer, round])
            if changed > 0 { return true }
            guard try conn.fetchValue(Int.self, "SELECT number FROM rounds WHERE number = ?", [round]) != nil else {
                throw LedgerError(.unknownRound, "round \(round) was never started; call startRound()", context: "round \(round)")
            }
            return false
        }
    }

    /// Finishes `number` with `reportJSON` unless it is finished already; true when this call finished
    /// it. Exactly one of the peers racing to finish a round gets true; the others read the stored
    /// report (``round(_:)``).
    ///
    /// - Throws: ``LedgerError/Code/invalidRecord`` when `reportJSON` is not JSON,
    ///   ``LedgerError/Code/unknownRound``, ``LedgerError/Code/database``.
    public func finishRoundOnce(_ number: Int, reportJSON: String, peer: String) throws(LedgerError) -> Bool {
        try WorkLeaseSQL.requireJSON(reportJSON, what: "round report", context: "round \(number)")
        let now = configuration.now()
        return try write("finish round \(number)") { conn in
            let changed = try conn.execute(
                "UPDATE rounds SET finished_at = ?, report = ?, finished_by = ? WHERE number = ? AND finished_at IS NULL",
                [now, reportJSON, peer, number])
            if changed > 0 { return true }
            guard try conn.fetchValue(Int.self, "SELECT number FROM rounds WHERE number = ?", [number]) != nil else {
                throw LedgerError(.unknownRound, "round \(number) was never started; call startRound()", context: "round \(number)")
            }
            return false
        }
    }

    /// ``finishRoundOnce(_:reportJSON:peer:)`` with a report encoded as JSON (sorted keys).
    ///
    /// - Throws: ``LedgerError/Code/invalidRecord`` when the report cannot be encoded, otherwise as
    ///   ``finishRoundOnce(_:reportJSON:peer:)``.
    public func finishRoundOnce(_ number: Int, report: some Encodable, peer: String) throws(LedgerError) -> Bool {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(report), let text = String(data: data, encoding: .utf8) else {
            throw LedgerError(.invalidRecord, "the round report cannot be encoded as JSON", context: "round \(number)")
        }
        return try finishRoundOnce(number, reportJSON: text, peer: peer)
    }
}
