extension Ledger {
    /// Adds a problem, or updates its informal text, source and tags if the id exists (keeping `created_at`).
    ///
    /// - Throws: ``LedgerError/Code/invalidRecord`` for an empty id, ``LedgerError/Code/database`` on
    ///   SQLite failures.
    public func addProblem(_ problem: LedgerProblem) throws(LedgerError) {
        try addProblems([problem])
    }

    /// Adds or updates many problems in one transaction (all or none).
    ///
    /// - Throws: as ``addProblem(_:)``.
    public func addProblems(_ problems: [LedgerProblem]) throws(LedgerError) {
        for problem in problems where problem.id.isEmpty {
            throw LedgerError(.invalidRecord, "a problem id is empty", context: problem.informal.prefix(60).description)
        }
        let now = configuration.now()
        try write("add problems") { db in
            for problem in problems {
                try db.execute(
                    """
                    INSERT INTO problems (id, informal, source, tags, created_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET informal = excluded.informal, source = excluded.source,
                        tags = excluded.tags
                    """,
                    [problem.id, problem.informal, problem.source, JSONColumn.encode(problem.tags), problem.createdAt ?? now])
            }
        }
    }

    /// The problem with `id`, or `nil`.
    ///
    /// - Throws: ``LedgerError/Code/corruptRow`` or ``LedgerError/Code/database``.
    public func problem(_ id: String) throws(LedgerError) -> LedgerProblem? {
        try read("problem \(id)") { db in
            try db.fetchOne("SELECT * FROM problems WHERE id = ?", [id]).map(RowDecoding.problem)
        }
    }

    /// All problems, ordered by id.
    ///
    /// - Throws: ``LedgerError/Code/corruptRow`` or ``LedgerError/Code/database``.
    public func problems() throws(LedgerError) -> [LedgerProblem] {
        try read("problems") { db in
            try db.fetchAll("SELECT * FROM problems ORDER BY id").map(RowDecoding.problem)
        }
    }
}
