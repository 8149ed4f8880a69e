package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import org.junit.jupiter.api.Test;

class SetLoggedUnloggedAmTest {

    private final LintFixture lint = LintFixture.rule("set-logged-unlogged-am");

    @Test
    void flagsSetLoggedOnALiveTable() {
        assertThat(lint.inTransaction("ALTER TABLE orders SET LOGGED;")).singleElement().satisfies(violation -> {
            assertThat(violation.severity()).isEqualTo(Severity.ERROR);
            assertThat(violation.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
            assertThat(violation.impact()).isEqualTo(TableImpact.REWRITE);
            assertThat(violation.message()).isEqualTo("ALTER TABLE orders SET LOGGED takes ACCESS EXCLUSIVE lock"
                    + " (blocks reads and writes) and rewrites the table and its indexes and writes all of it to the"
                    + " WAL, which replicas and the WAL archive then receive; nothing can read or write orders until it"
                    + " is done");
            assertThat(violation.fix()).get().asString()
                    .contains("CREATE TABLE orders_new (LIKE orders INCLUDING ALL);")
                    .contains("ALTER TABLE orders_new RENAME TO orders;");
        });
    }

    @Test
    void flagsSetUnloggedAndSaysTheTableIsLostOnACrash() {
        assertThat(lint.inTransaction("ALTER TABLE sales.orders SET UNLOGGED;")).singleElement()
                .satisfies(violation -> {
                    assertThat(violation.message()).contains("emptied after a crash and is not replicated");
                    assertThat(violation.fix()).get().asString()
                            .contains("CREATE UNLOGGED TABLE sales.orders_new (LIKE sales.orders INCLUDING ALL);");
                });
    }

    @Test
    void flagsSetAccessMethodAsARewriteOnPostgres15() {
        assertThat(lint.onPostgres(15).inTransaction("ALTER TABLE orders SET ACCESS METHOD columnar;"))
                .singleElement().satisfies(violation -> {
                    assertThat(violation.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
                    assertThat(violation.message()).startsWith("ALTER TABLE orders SET ACCESS METHOD columnar takes");
                    assertThat(violation.fix()).get().asString()
                            .contains("(LIKE orders INCLUDING ALL) USING columnar;");
                });
    }

    @Test
    void reportsSetAccessMethodAsASyntaxErrorOnPostgres14EvenOnANewTable() {
        assertThat(lint.onPostgres(14).after("CREATE TABLE orders (id bigint);")
                .inTransaction("ALTER TABLE orders SET ACCESS METHOD heap;")).singleElement().satisfies(violation -> {
                    assertThat(violation.lock()).isEqualTo(LockMode.NONE);
                    assertThat(violation.message()).isEqualTo("ALTER TABLE orders SET ACCESS METHOD fails on"
                            + " PostgreSQL 14 with a syntax error: SET ACCESS METHOD exists since PostgreSQL 15");
                });
    }

    @Test
    void acceptsTablesCreatedInAnEarlierMigrationOnPostgres15() {
        assertThat(lint.onPostgres(15).after("CREATE TABLE orders (id bigint);").inTransaction(
                "ALTER TABLE orders SET UNLOGGED;\nALTER TABLE orders SET LOGGED;\nALTER TABLE orders SET ACCESS METHOD heap;"))
                .isEmpty();
    }
}
