import Foundation
extension Ledger {
    /// Starts the next round, or resumes the latest one if it never finished (after a crash).
    ///
    /// A resumed round takes `kind`: a `prove` pass killed and then resumed by `selfplay` becomes a
    /// self-play round (its stored work list is worked first), and the reverse.
    ///
    /// - Parameter kind: which command the round belongs to (``RoundKind``); only self-play rounds count
    ///   towards `selfplay --rounds N` (``finishedRoundCount(kind:)``).
    /// - Returns: the round to run; its `number` starts at 1 and is shared by both kinds.
    /// - Throws: ``LedgerError/Code/database``.
    public func startRound(kind: RoundKind = .selfPlay) throws(LedgerError) -> RoundRecord {
        let now = configuration.now()
        return try write("start round") { db in
            if let latest = try db.fetchOne("SELECT * FROM rounds ORDER BY number DESC LIMIT 1") {
                var round = RowDecoding.round(latest)
                if !round.isFinished {
                    if round.kind != kind {
                        try db.execute("UPDATE rounds SET kind = ? WHERE number = ?", [kind.rawValue, round.number])
                        round.kind = kind
                    }
                    return round
                }
                return try Self.insertRound(round.number + 1, kind: kind, now: now, in: db)
            }
            return try Self.insertRound(1, kind: kind, now: now, in: db)
        }
    }

    /// The number of finished rounds of `kind`.
    ///
    /// - Throws: ``LedgerError/Code/database``.
    public func finishedRoundCount(kind: RoundKind) throws(LedgerError) -> Int {
        try read("finished \(kind.rawValue) rounds") { db in
            try db.fetchValue(Int.self, "SELECT COUNT(*) FROM rounds WHERE finished_at IS NOT NULL AND kind = ?",
                              [kind.rawValue]) ?? 0
        }
    }

    /// Finishes a round and stores its JSON report (finishing again replaces the report).
    ///
    /// - Throws: ``LedgerError/Code/invalidRecord`` when `reportJSON` is not valid JSON,
    ///   ``LedgerError/Code/unknownRound`` when the round was never started, ``LedgerError/Code/database``.
    public func finishRound(_ number: Int, reportJSON: String) throws(LedgerError) {
        guard (try? JSONSerialization.jsonObject(with: Data(reportJSON.utf8), options: [.fragmentsAllowed])) != nil else {
            throw LedgerError(.invalidRecord, "the round report is not valid JSON", context: "round \(number)")
        }
        let now = configuration.now()
        try write("finish round \(number)") { db in
            let changed = try db.execute(
                "UPDATE rounds SET finished_at = ?, report = ? WHERE number = ?", [now, reportJSON, number])
            if changed == 0 {
                throw LedgerError(.unknownRound, "round \(number) was never started; call startRound()", context: "round \(number)")
            }
        }
    }

    /// Finishes a round with a report encoded as JSON (sorted keys).
    ///
    /// - Throws: ``LedgerError/Code/invalidRecord`` when the report cannot be encoded, otherwise as
    ///   ``finishRound(_:reportJSON:)``.
    public func finishRound(_ number: Int, report: some Encodable) throws(LedgerError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(report), let text = String(data: data, encoding: .utf8) else {
            throw LedgerError(.invalidRecord, "the round report cannot be encoded as JSON", context: "round \(number)")
        }
        try finishRound(number, reportJSON: text)
    }

    /// The latest round, finished or not, or `nil` before the first.
    ///
    /// - Throws: ``LedgerError/Code/database``.
    public func latestRound() throws(LedgerError) -> RoundRecord? {
        try read("latest round") { db in
            try db.fetchOne("SELECT * FROM rounds ORDER BY number DESC LIMIT 1").map(RowDecoding.round)
        }
    }

    /// All rounds in order.
    ///
    /// - Throws: ``LedgerError/Code/database``.
    public func rounds() throws(LedgerError) -> [RoundRecord] {
        try read("rounds") { db in
            try db.fetchAll("SELECT * FROM rounds ORDER BY number").map(RowDecoding.round)
        }
    }

    private static func insertRound(_ number: Int, kind: RoundKind, now: Date, in db: any SQLConnection) throws -> RoundRecord {
        try db.execute("INSERT INTO rounds (number, started_at, kind) VALUES (?, ?, ?)", [number, now, kind.rawValue])
        return RoundRecord(number: number, startedAt: now, finishedAt: nil, reportJSON: nil, kind: kind)
    }
}
