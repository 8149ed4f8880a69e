package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import org.junit.jupiter.api.Test;

class SqlNotInspectableTest {

    private final LintFixture lint = LintFixture.rule("sql-not-inspectable");

    @Test
    void reportsADoBlockWithDynamicSqlAndSaysWhatWasSkipped() {
        assertThat(lint.inTransaction("DO $$\nBEGIN\n  ALTER TABLE orders ADD COLUMN note text;\n"
                + "  EXECUTE format('ALTER TABLE %I ADD COLUMN note text', 'customers');\nEND\n$$;"))
                .singleElement().satisfies(violation -> {
                    assertThat(violation.severity()).isEqualTo(Severity.INFO);
                    assertThat(violation.lock()).isEqualTo(LockMode.NONE);
                    assertThat(violation.message()).isEqualTo("DO block: dbops checked the 1 plain statement in its "
                            + "body, but skipped SQL built at run time (EXECUTE); the locks taken there are not checked");
                    assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix).contains("EXECUTE format"));
                });
    }

    @Test
    void reportsADoBlockInAnotherLanguage() {
        assertThat(lint.inTransaction("DO LANGUAGE plpython3u $$ plpy.execute('SELECT 1') $$;")).singleElement()
                .satisfies(violation -> assertThat(violation.message())
                        .contains("skipped its body, which is in language plpython3u"));
    }

    @Test
    void acceptsAFullyInspectedDoBlock() {
        assertThat(lint.inTransaction("DO $$ BEGIN ALTER TABLE orders ADD COLUMN note text; END $$;")).isEmpty();
    }

    @Test
    void reportsAStatementThatCouldNotBeParsedWithTheReason() {
        assertThat(lint.inTransaction("FROBNICATE orders;")).singleElement().satisfies(violation -> {
            assertThat(violation.message()).startsWith("FROBNICATE orders: dbops could not parse this statement (")
                    .contains("FROBNICATE").endsWith("so no rule checked it; review the locks it takes by hand");
            assertThat(violation.fix()).isEmpty();
        });
    }

    @Test
    void reportsAProcedureCall() {
        assertThat(lint.inTransaction("CALL migrate_orders();")).singleElement().satisfies(violation -> assertThat(
                violation.message()).isEqualTo("CALL migrate_orders(): dbops does not see what the procedure does, so the "
                        + "locks it takes are not checked"));
    }

    @Test
    void acceptsOrdinaryStatements() {
        assertThat(lint.inTransaction("ALTER TABLE orders ADD COLUMN note text;\nSELECT 1;\n"
                + "GRANT SELECT ON orders TO reporting;")).isEmpty();
    }
}
