package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import org.junit.jupiter.api.Test;

class TableWithoutPrimaryKeyTest {

    private final LintFixture lint = LintFixture.rule("table-without-primary-key");

    @Test
    void flagsATableWithoutPrimaryKey() {
        assertThat(lint.inTransaction("CREATE TABLE audit_log (at timestamptz, message text);")).singleElement()
                .satisfies(violation -> {
                    assertThat(violation.severity()).isEqualTo(Severity.WARNING);
                    assertThat(violation.message()).isEqualTo("Table audit_log has no primary key: if it is published for "
                            + "logical replication, its UPDATEs and DELETEs fail; ORMs cannot address single rows; "
                            + "duplicate rows cannot be told apart; and adding the key once the table is full builds a "
                            + "unique index under ACCESS EXCLUSIVE (blocks reads and writes)");
                    assertThat(violation.fix()).hasValue("-- right after the CREATE TABLE, while the table is still "
                            + "empty:\nALTER TABLE audit_log ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;");
                });
    }

    @Test
    void suggestsAnExistingUniqueColumnAsTheKey() {
        assertThat(lint.inTransaction("CREATE TABLE countries (code text NOT NULL, name text, UNIQUE (code));"))
                .singleElement().satisfies(violation -> assertThat(violation.fix()).hasValueSatisfying(fix ->
                        assertThat(fix).endsWith("ALTER TABLE countries ADD PRIMARY KEY (code);")));
    }

    @Test
    void acceptsAKeyAddedByALaterMigration() {
        assertThat(lint.after("CREATE TABLE audit_log (id bigint NOT NULL, message text);")
                .inTransaction("ALTER TABLE audit_log ADD PRIMARY KEY (id);")).isEmpty();
    }

    @Test
    void acceptsTablesWithAPrimaryKey() {
        assertThat(lint.inTransaction("CREATE TABLE a (id bigint PRIMARY KEY);\n"
                + "CREATE TABLE b (x bigint, y bigint, PRIMARY KEY (x, y));")).isEmpty();
    }

    @Test
    void acceptsTemporaryTablesPartitionsCopiesAndLikeTables() {
        assertThat(lint.inTransaction("CREATE TEMP TABLE scratch (x int);\n"
                + "CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');\n"
                + "CREATE TABLE orders_backup AS SELECT * FROM orders;\n"
                + "CREATE TABLE events_new (LIKE events INCLUDING ALL);")).isEmpty();
    }
}
