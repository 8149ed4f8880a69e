package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import org.junit.jupiter.api.Test;

class PreferTimestamptzTest {

    private final LintFixture lint = LintFixture.rule("prefer-timestamptz");

    @Test
    void flagsTimestampWithoutTimeZone() {
        assertThat(lint.inTransaction("CREATE TABLE events (id bigint PRIMARY KEY, happened_at timestamp(3) NOT NULL);"))
                .singleElement().satisfies(violation -> {
                    assertThat(violation.severity()).isEqualTo(Severity.WARNING);
                    assertThat(violation.message()).startsWith("Column events.happened_at is timestamp(3) (without time "
                            + "zone): it stores a wall-clock reading without its offset")
                            .endsWith("rewrites the table unless the session TimeZone is UTC (PostgreSQL 12+)");
                    assertThat(violation.fix()).hasValue(
                            "CREATE TABLE events (id bigint PRIMARY KEY, happened_at timestamptz(3) NOT NULL);");
                });
    }

    @Test
    void flagsAnAddedColumnAndATypeChange() {
        assertThat(lint.inTransaction("ALTER TABLE events ADD COLUMN seen_at timestamp without time zone, "
                + "ALTER COLUMN happened_at TYPE timestamp;")).hasSize(2)
                .extracting(violation -> violation.fix().orElseThrow())
                .allSatisfy(fix -> assertThat(fix).startsWith("ALTER TABLE events ADD COLUMN seen_at "));
    }

    @Test
    void acceptsTimestamptz() {
        assertThat(lint.inTransaction("CREATE TABLE events (happened_at timestamptz, seen_at timestamp with time zone);"))
                .isEmpty();
    }
}
