package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreferJsonbTest {

    private final LintFixture lint = LintFixture.rule("prefer-jsonb");

    @Test
    void flagsJsonColumnsOfANewTable() {
        List<Violation> violations = lint.inTransaction("CREATE TABLE events (id bigint, payload json, tags json[]);");

        assertThat(violations).hasSize(2).satisfiesExactly(
                v -> {
                    assertThat(v.severity()).isEqualTo(Severity.INFO);
                    assertThat(v.lock()).isEqualTo(LockMode.NONE);
                    assertThat(v.impact()).isEqualTo(TableImpact.NONE);
                    assertThat(v.message()).contains("column payload of events is json", "no equality operator");
                    assertThat(v.fix()).contains("payload jsonb  -- in the column list of CREATE TABLE events");
                },
                v -> assertThat(v.fix()).hasValueSatisfying(fix -> assertThat(fix).startsWith("tags jsonb[]")));
    }

    @Test
    void rewritesTheTypeInAddColumnAndAlterColumnType() {
        List<Violation> violations = lint.inTransaction("""
                ALTER TABLE logs ADD COLUMN json JSON DEFAULT '{}';
                ALTER TABLE logs ALTER COLUMN body TYPE json USING body::json;
                """);

        assertThat(violations).satisfiesExactly(
                v -> {
                    assertThat(v.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
                    assertThat(v.fix()).contains("ALTER TABLE logs ADD COLUMN json jsonb DEFAULT '{}';");
                },
                v -> assertThat(v.fix()).contains("ALTER TABLE logs ALTER COLUMN body TYPE jsonb USING body::json;"));
    }

    @Test
    void acceptsJsonbColumns() {
        List<Violation> violations = lint.inTransaction("""
                CREATE TABLE events (payload jsonb, jsonish text);
                ALTER TABLE logs ADD COLUMN body jsonb;
                """);

        assertThat(violations).isEmpty();
    }
}
