package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class DropColumnTest {

    private final LintFixture lint = LintFixture.rule("drop-column");

    @Test
    void flagsDropColumnOnALiveTable() {
        List<Violation> violations = lint.outsideTransaction("ALTER TABLE orders DROP COLUMN legacy_code CASCADE;");

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.severity()).isEqualTo(Severity.WARNING);
            assertThat(v.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
            assertThat(v.impact()).isEqualTo(TableImpact.NONE);
            assertThat(v.message()).contains("DROP COLUMN legacy_code on orders",
                    "ACCESS EXCLUSIVE lock (blocks reads and writes)", "no scan, no rewrite",
                    "every application instance that still reads or writes legacy_code fails",
                    "with CASCADE also the views");
            assertThat(v.fix()).hasValueSatisfying(fix -> assertThat(fix)
                    .contains("stop reading and writing legacy_code in the application")
                    .contains("DROP INDEX CONCURRENTLY")
                    .endsWith("SET lock_timeout = '2s';  -- retry when it times out\n"
                            + "ALTER TABLE orders DROP COLUMN legacy_code;"));
        });
    }

    @Test
    void acceptsDropColumnOnATableCreatedEarlierInTheMigrations() {
        List<Violation> violations = lint.after("CREATE TABLE orders (id int, legacy_code text);")
                .inTransaction("ALTER TABLE orders DROP COLUMN legacy_code;");

        assertThat(violations).isEmpty();
    }
}
