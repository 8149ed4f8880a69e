package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.Violation;
import org.junit.jupiter.api.Test;

class RequireConcurrentReindexTest {

    private final LintFixture lint = LintFixture.rule("require-concurrent-reindex");

    @Test
    void flagsReindexOfAnIndexWithoutConcurrently() {
        Violation violation = assertThat(lint.after("CREATE INDEX orders_created_idx ON orders (created_at);")
                .inTransaction("REINDEX INDEX orders_created_idx;")).singleElement().actual();

        assertThat(violation.severity()).isEqualTo(Severity.ERROR);
        assertThat(violation.message()).isEqualTo("REINDEX INDEX orders_created_idx takes SHARE lock (blocks writes)"
                + " on orders and ACCESS EXCLUSIVE on the index, which also blocks every query planned against the"
                + " table, and builds an index from the whole table while holding them");
        assertThat(violation.lock()).isEqualTo(LockMode.SHARE);
        assertThat(violation.impact()).isEqualTo(TableImpact.INDEX_BUILD);
        assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix)
                .contains("executeInTransaction=false", "\nREINDEX INDEX CONCURRENTLY orders_created_idx;\n")
                .doesNotContain("14.4"));
    }

    @Test
    void keepsOptionsWhenRewritingReindexTable() {
        assertThat(lint.inTransaction("REINDEX (VERBOSE) TABLE app.orders;")).singleElement()
                .satisfies(v -> assertThat(v.fix()).hasValueSatisfying(fix -> assertThat(fix)
                        .contains("\nREINDEX (VERBOSE) TABLE CONCURRENTLY app.orders;\n")));
    }

    @Test
    void warnsAboutTheEarlyPostgres14ReleasesOnPostgres14() {
        assertThat(lint.onPostgres(14).inTransaction("REINDEX TABLE orders;")).singleElement()
                .satisfies(v -> assertThat(v.fix()).hasValueSatisfying(fix -> assertThat(fix).contains("14.4 or later")));
    }

    @Test
    void flagsReindexOfAWholeSchema() {
        assertThat(lint.inTransaction("REINDEX SCHEMA app;")).singleElement().satisfies(v -> {
            assertThat(v.message()).contains("on every table in the schema");
            assertThat(v.fix()).hasValueSatisfying(fix -> assertThat(fix).contains("REINDEX SCHEMA CONCURRENTLY app;"));
        });
    }

    @Test
    void acceptsReindexConcurrently() {
        assertThat(lint.outsideTransaction("REINDEX INDEX CONCURRENTLY orders_created_idx;")).isEmpty();
    }

    @Test
    void acceptsReindexOfATableCreatedEarlierInTheMigrations() {
        assertThat(lint.after("CREATE TABLE orders (id bigint); CREATE INDEX orders_id_idx ON orders (id);")
                .inTransaction("REINDEX TABLE orders; REINDEX INDEX orders_id_idx;")).isEmpty();
    }

    @Test
    void leavesReindexSystemAloneSinceCatalogsCannotBeRebuiltConcurrently() {
        assertThat(lint.inTransaction("REINDEX SYSTEM app;")).isEmpty();
    }
}
