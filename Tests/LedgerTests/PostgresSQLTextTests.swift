@testable import Ledger
import Testing

/// `?` → `$n` numbering and statement splitting, which the PostgreSQL store does on every statement.
@Suite struct PostgresSQLTextTests {
    @Test func placeholdersAreNumberedOutsideLiteralsIdentifiersAndComments() {
        let sql = """
            SELECT ?, '?', 'it''s ?', E'\\'?', "col?", x -- a ? here
            /* and ? /* nested ? */ here ? */ FROM t WHERE a = ? AND b = $$?$$ AND c = $tag$ ? $tag$ AND d = ?
            """
        let (numbered, count) = PostgresSQLText.numberingPlaceholders(sql)
        #expect(count == 3)
        #expect(numbered == """
            SELECT $1, '?', 'it''s ?', E'\\'?', "col?", x -- a ? here
            /* and ? /* nested ? */ here ? */ FROM t WHERE a = $2 AND b = $$?$$ AND c = $tag$ ? $tag$ AND d = $3
            """)
    }

    @Test func aQuestionMarkOnlyInsideALiteralIsNoPlaceholder() {
        #expect(PostgresSQLText.numberingPlaceholders("SELECT 'why?' AS q").count == 0)
        #expect(PostgresSQLText.numberingPlaceholders("UPDATE t SET note = 'a?b' WHERE id = ?") == ("UPDATE t SET note = 'a?b' WHERE id = $1", 1))
    }

    @Test func anUnterminatedLiteralSwallowsTheRestWithoutCrashing() {
        #expect(PostgresSQLText.numberingPlaceholders("SELECT ?, 'open ?").count == 1)
        #expect(PostgresSQLText.numberingPlaceholders("SELECT ? /* open ?").count == 1)
    }

    @Test func scriptsSplitOnSemicolonsOutsideQuotes() {
        let script = """
            CREATE TABLE a (x TEXT DEFAULT ';');
            -- a comment; with a semicolon
            CREATE INDEX a_x ON a(x);

            INSERT INTO a VALUES ($$;$$);
            """
        #expect(PostgresSQLText.statements(script) == [
            "CREATE TABLE a (x TEXT DEFAULT ';')",
            "-- a comment; with a semicolon\nCREATE INDEX a_x ON a(x)",
            "INSERT INTO a VALUES ($$;$$)",
        ])
    }

    /// Every released migration, translated, splits into statements none of which still says SQLite.
    @Test func everyMigrationTranslatesWithoutSQLiteSpellings() {
        for migration in LedgerSchema.migrations {
            let sql = migration.sql(for: .postgres)
            #expect(!sql.contains("DATETIME"), "\(migration.id)")
            #expect(!sql.contains("WITHOUT ROWID"), "\(migration.id)")
            #expect(!sql.contains(" REAL"), "\(migration.id)")
            #expect(!sql.contains(" INTEGER"), "\(migration.id)")
            #expect(!PostgresSQLText.statements(sql).isEmpty, "\(migration.id)")
            #expect(migration.sql(for: .sqlite) == migration.sqliteSQL)
        }
    }
}
