import Foundation

extension Ledger {
    /// Starts or joins the round a `leanplay prove` peer works, without disturbing self-play peers.
    ///
    /// In one write transaction, on the latest round:
    /// - none, or finished: a new round of kind `prove` → ``ProvePassStart/work(_:)``;
    /// - an unfinished `prove` round: joined → ``ProvePassStart/work(_:)``;
    /// - an unfinished self-play round whose conjecture stage is done: joined as it is (it stays a self-play
    ///   round and counts towards `selfplay --rounds N`) → ``ProvePassStart/work(_:)``;
    /// - an unfinished self-play round whose conjecture stage a peer holds now, or that was started less than
    ///   `leaseSeconds` ago and whose stage nobody claimed yet: its work list is not fixed, so
    ///   ``ProvePassStart/waitForConjectureStage(round:until:)``;
    /// - an unfinished self-play round abandoned before its conjecture stage finished (the claim expired, or
    ///   nobody claimed it for `leaseSeconds`): taken over as a `prove` round, as ``startRound(kind:)`` does.
    ///
    /// - Throws: ``LedgerError/Code/database``.
    public func startProvePass(leaseSeconds: Double) throws(LedgerError) -> ProvePassStart {
        precondition(leaseSeconds > 0, "a lease must last a positive number of seconds")
        let now = configuration.now()
        return try write("start a prove pass") { conn -> ProvePassStart in
            let latest = try conn.fetchOne("""
                SELECT number, started_at, finished_at, kind, stage_owner, stage_expires_at, conjectured_at
                FROM rounds ORDER BY number DESC LIMIT 1
                """)
            guard let latest, (latest["finished_at"] as Date?) == nil else {
                let number = ((latest?["number"] as Int?) ?? 0) + 1
                try conn.execute("INSERT INTO rounds (number, started_at, kind) VALUES (?, ?, ?)",
                                 [number, now, RoundKind.prove.rawValue])
                return .work(RoundRecord(number: number, startedAt: now, finishedAt: nil, reportJSON: nil, kind: .prove))
            }
            let number: Int = latest["number"]
            let startedAt: Date = latest["started_at"]
            let kind = RoundKind(rawValue: latest["kind"] ?? "") ?? .selfPlay
            if kind == .selfPlay {
                if (latest["conjectured_at"] as Date?) != nil {
                    return .work(RoundRecord(number: number, startedAt: startedAt, finishedAt: nil, reportJSON: nil, kind: .selfPlay))
                }
                let owner: String? = latest["stage_owner"]
                let expires: Date? = latest["stage_expires_at"]
                if owner != nil, let expires, expires > now {
                    return .waitForConjectureStage(round: number, until: expires)
                }
                let claimDeadline = startedAt.addingTimeInterval(leaseSeconds)
                if owner == nil, claimDeadline > now {
                    return .waitForConjectureStage(round: number, until: claimDeadline)
                }
                try conn.execute("UPDATE rounds SET kind = ? WHERE number = ?", [RoundKind.prove.rawValue, number])
            }
            return .work(RoundRecord(number: number, startedAt: startedAt, finishedAt: nil, reportJSON: nil, kind: .prove))
        }
    }

    /// ``startRound(kind:unlessFinished:)`` for a `selfplay` peer that shares the ledger with `prove` peers:
    /// an unfinished `prove` pass whose peers are alive — an unexpired lease on one of its items, or a
    /// `prove` peer seen less than `leaseSeconds` ago — is not taken over (it would become a self-play
    /// round that counts towards `--rounds N` without its conjecture stage's statements in its work list):
    /// ``SelfPlayRoundStart/waitForProvePass(round:until:)``. An abandoned pass is resumed as a self-play
    /// round, as ``startRound(kind:)`` does.
    ///
    /// - Throws: ``LedgerError/Code/database``.
    public func startSelfPlayRound(unlessFinished finishedLimit: Int, leaseSeconds: Double) throws(LedgerError) -> SelfPlayRoundStart {
        precondition(leaseSeconds > 0, "a lease must last a positive number of seconds")
        let now = configuration.now()
        let live = try read("live prove pass") { conn -> (round: Int, until: Date)? in
            guard let latest = try conn.fetchOne("SELECT number, finished_at, kind FROM rounds ORDER BY number DESC LIMIT 1"),
                (latest["finished_at"] as Date?) == nil, (latest["kind"] as String?) == RoundKind.prove.rawValue
            else { return nil }
            let number: Int = latest["number"]
            let leaseUntil = try conn.fetchValue(Date.self, """
                SELECT MAX(lease_expires_at) FROM round_work
                WHERE round = ? AND done_at IS NULL AND lease_owner IS NOT NULL AND lease_expires_at > ?
                """, [number, now])
            let seen = try conn.fetchValue(Date.self, "SELECT MAX(last_seen_at) FROM peers WHERE command = 'prove' AND last_seen_at > ?",
                                           [now.addingTimeInterval(-leaseSeconds)])
            let until = [leaseUntil, seen.map { $0.addingTimeInterval(leaseSeconds) }].compactMap { $0 }.max()
            return until.map { (number, $0) }
        }
        if let live { return .waitForProvePass(round: live.round, until: live.until) }
        guard let round = try startRound(kind: .selfPlay, unlessFinished: finishedLimit) else { return .limitReached }
        return .run(round)
    }
}
