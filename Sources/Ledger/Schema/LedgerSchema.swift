/// The ledger's schema as migrations registered by string id and never edited once released: a schema
/// change is a new migration appended here. Both stores run the same list (SQLite through GRDB's
/// migrator, PostgreSQL through ``PostgresLedgerStore``).
enum LedgerSchema {
    /// The ids of every registered migration, in order.
    static let migrationIDs = ["v1-initial", "v2-round-work", "v3-round-tokens", "v3-round-kind", "v3-statement-repairs", "v4-verdict-cache", "v5-leases", "v6-evaluation-runs"]

    /// Every migration, in order.
    static let migrations: [LedgerMigration] = [
        LedgerMigration(id: "v1-initial", sqliteSQL: createInitialTables),
        LedgerMigration(id: "v2-round-work", sqliteSQL: createRoundWork),
        LedgerMigration(id: "v3-round-tokens", sqliteSQL: createRoundTokens),
        LedgerMigration(id: "v3-round-kind", sqliteSQL: addRoundKind),
        LedgerMigration(id: "v3-statement-repairs", sqliteSQL: createStatementRepairs),
        LedgerMigration(id: "v4-verdict-cache", sqliteSQL: createVerdictCache),
        LedgerMigration(id: "v5-leases", sqliteSQL: addLeases),
        LedgerMigration(id: "v6-evaluation-runs", sqliteSQL: createEvaluationRuns),
    ]

    private static let createInitialTables = """
            CREATE TABLE problems (
                id TEXT PRIMARY KEY NOT NULL,
                informal TEXT NOT NULL,
                source TEXT,
                tags TEXT NOT NULL DEFAULT '[]',
                created_at DATETIME NOT NULL
            );

            CREATE TABLE formalizations (
                id TEXT PRIMARY KEY NOT NULL,
                seq INTEGER NOT NULL UNIQUE,
                problem_id TEXT NOT NULL REFERENCES problems(id),
                statement TEXT NOT NULL,
                header TEXT NOT NULL,
                statement_hash TEXT NOT NULL UNIQUE,
                parent_id TEXT REFERENCES formalizations(id),
                operator TEXT,
                source TEXT NOT NULL CHECK (source IN ('model', 'symbolic', 'corpus')),
                provenance TEXT NOT NULL DEFAULT '{}',
                status TEXT NOT NULL DEFAULT 'open'
                    CHECK (status IN ('ill_formed', 'open', 'proved', 'disproved')),
                lean_error TEXT,
                flags TEXT NOT NULL DEFAULT '[]',
                best_proof TEXT,
                best_proof_length INTEGER,
                attempt_count INTEGER NOT NULL DEFAULT 0,
                budget_level INTEGER NOT NULL DEFAULT 0,
                proved_at_budget INTEGER,
                created_round INTEGER NOT NULL DEFAULT 0,
                settled_round INTEGER,
                related_proved_count INTEGER NOT NULL DEFAULT 0,
                created_at DATETIME NOT NULL,
                updated_at DATETIME NOT NULL
            );
            CREATE INDEX formalizations_problem ON formalizations(problem_id);
            CREATE INDEX formalizations_parent ON formalizations(parent_id) WHERE parent_id IS NOT NULL;
            CREATE INDEX formalizations_open_queue
                ON formalizations(budget_level, related_proved_count DESC, seq) WHERE status = 'open';
            CREATE INDEX formalizations_shorten_queue
                ON formalizations(attempt_count, seq) WHERE status = 'proved';

            CREATE TABLE attempts (
                id INTEGER PRIMARY KEY,
                idempotency_key TEXT NOT NULL UNIQUE,
                formalization_id TEXT NOT NULL REFERENCES formalizations(id),
                round INTEGER NOT NULL,
                kind TEXT NOT NULL
                    CHECK (kind IN ('prove', 'disprove', 'vacuity', 'triviality', 'shorten')),
                strategy TEXT NOT NULL CHECK (strategy IN ('automation', 'whole_proof', 'repair', 'search')),
                tactic_or_model TEXT,
                budget_level INTEGER NOT NULL,
                verdict TEXT NOT NULL
                    CHECK (verdict IN ('accepted', 'rejected', 'incomplete', 'tampered', 'timeout', 'crashed')),
                proof TEXT,
                error TEXT,
                duration_ms REAL NOT NULL DEFAULT 0,
                tokens_prompt INTEGER NOT NULL DEFAULT 0,
                tokens_completion INTEGER NOT NULL DEFAULT 0,
                repaired_from_attempt_id INTEGER REFERENCES attempts(id),
                created_at DATETIME NOT NULL
            );
            CREATE INDEX attempts_formalization ON attempts(formalization_id);
            CREATE INDEX attempts_repairs ON attempts(repaired_from_attempt_id)
                WHERE repaired_from_attempt_id IS NOT NULL;

            CREATE TABLE proof_steps (
                attempt_id INTEGER NOT NULL REFERENCES attempts(id),
                step_index INTEGER NOT NULL,
                state TEXT NOT NULL,
                tactic TEXT NOT NULL,
                PRIMARY KEY (attempt_id, step_index)
            ) WITHOUT ROWID;

            CREATE TABLE rounds (
                number INTEGER PRIMARY KEY,
                started_at DATETIME NOT NULL,
                finished_at DATETIME,
                report TEXT
            );
            """

    /// v2: each round's work list, stored when the prove stage first computes it so a resumed round works
    /// the same items (``Ledger/roundWork(_:)``). `rounds.work_count` is set in the same transaction and
    /// tells "stored, possibly empty" from "not stored yet". The attempts index serves the per-round
    /// attempt reads a resumed round makes (``Ledger/attempts(for:round:)``).
    private static let createRoundWork = """
            CREATE TABLE round_work (
                round INTEGER NOT NULL REFERENCES rounds(number),
                position INTEGER NOT NULL,
                formalization_id TEXT NOT NULL REFERENCES formalizations(id),
                reason TEXT NOT NULL CHECK (reason IN ('open', 'shorten')),
                budget_level INTEGER NOT NULL,
                flags TEXT NOT NULL DEFAULT '[]',
                best_proof_length INTEGER,
                PRIMARY KEY (round, position)
            ) WITHOUT ROWID;
            ALTER TABLE rounds ADD COLUMN work_count INTEGER;
            CREATE INDEX attempts_round_formalization ON attempts(round, formalization_id);
            """

    /// v3: model tokens per round and role (formalizer, variant_generator, prover), written as each
    /// response arrives (``Ledger/addRoundTokens(_:role:usage:)``), so every token a round spent is in
    /// the ledger — including the conjecture stage's, which no attempt carries.
    private static let createRoundTokens = """
            CREATE TABLE round_tokens (
                round INTEGER NOT NULL REFERENCES rounds(number),
                role TEXT NOT NULL,
                prompt_tokens INTEGER NOT NULL DEFAULT 0,
                completion_tokens INTEGER NOT NULL DEFAULT 0,
                requests INTEGER NOT NULL DEFAULT 0,
                cache_hits INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (round, role)
            ) WITHOUT ROWID;
            """

    /// v3: which command a round belongs to: a self-play round (`selfplay`) or a `leanplay prove` pass
    /// (`prove`), so `selfplay --rounds N` counts self-play rounds only. Rounds stored before this
    /// migration are counted as self-play rounds (as they were).
    private static let addRoundKind = """
            ALTER TABLE rounds ADD COLUMN kind TEXT NOT NULL DEFAULT 'selfplay' CHECK (kind IN ('selfplay', 'prove'));
            """

    /// v3: statement repair lineage: an ill-formed statement (kept, `ill_formed` with Lean's error) and
    /// the statement the model repaired it into (``NewFormalization/repairedFromHashes``).
    private static let createStatementRepairs = """
            CREATE TABLE statement_repairs (
                repaired_id TEXT NOT NULL REFERENCES formalizations(id),
                ill_formed_id TEXT NOT NULL REFERENCES formalizations(id),
                PRIMARY KEY (repaired_id, ill_formed_id)
            ) WITHOUT ROWID;
            CREATE INDEX statement_repairs_ill_formed ON statement_repairs(ill_formed_id);
            """

    /// v4: final verdicts keyed by the SHA-256 of (Lean identity, header, statement, normalized proof,
    /// verification policy, verifier revision) — "decided once, never again" for self-play and evaluation
    /// (``Ledger/cachedVerdict(digest:)``). `key` holds the full key as JSON so a collision is a miss;
    /// `verdict` the verdict as JSON; `status` is never `timeout` or `crashed` (those are not final).
    private static let createVerdictCache = """
            CREATE TABLE verdict_cache (
                digest TEXT PRIMARY KEY NOT NULL,
                key TEXT NOT NULL,
                status TEXT NOT NULL
                    CHECK (status IN ('accepted', 'rejected', 'incomplete', 'tampered')),
                verdict TEXT NOT NULL,
                hits INTEGER NOT NULL DEFAULT 0,
                created_at DATETIME NOT NULL
            ) WITHOUT ROWID;
            """

    /// v6: evaluations shared by peers (`leanplay evaluate --db`): a run per configuration (its id the
    /// SHA-256 of the evaluation's `config.json`), its problem list stored once as items, and per item a
    /// lease (owner, expiry, a counter that fences stale completions) and, once done, the peer, the time
    /// and the problem's result as JSON (``Ledger/registerEvaluationRun(id:configuration:problemIDs:)``).
    /// The partial index keeps leasing proportional to what is left, not to the run's size.
    private static let createEvaluationRuns = """
            CREATE TABLE evaluation_runs (
                id TEXT PRIMARY KEY NOT NULL,
                config TEXT NOT NULL,
                problem_count INTEGER NOT NULL,
                created_at DATETIME NOT NULL,
                finished_at DATETIME,
                finished_by TEXT,
                summary TEXT
            );
            CREATE TABLE evaluation_items (
                run_id TEXT NOT NULL REFERENCES evaluation_runs(id),
                position INTEGER NOT NULL,
                problem_id TEXT NOT NULL,
                lease_owner TEXT,
                lease_expires_at DATETIME,
                lease_count INTEGER NOT NULL DEFAULT 0,
                done_by TEXT,
                done_at DATETIME,
                result TEXT,
                PRIMARY KEY (run_id, position)
            ) WITHOUT ROWID;
            CREATE INDEX evaluation_items_open ON evaluation_items(run_id, position) WHERE done_at IS NULL;
            """
}
