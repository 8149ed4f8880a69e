package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.Violation;
import org.junit.jupiter.api.Test;

class ExclusionConstraintTest {

    private final LintFixture lint = LintFixture.rule("exclusion-constraint");

    @Test
    void flagsAnExclusionConstraintAddedToALiveTable() {
        Violation violation = assertThat(lint.inTransaction("ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap"
                + " EXCLUDE USING gist (room_id WITH =, during WITH &&);")).singleElement().actual();

        assertThat(violation.severity()).isEqualTo(Severity.ERROR);
        assertThat(violation.message()).isEqualTo("ADD EXCLUDE bookings_no_overlap on bookings takes ACCESS EXCLUSIVE"
                + " lock (blocks reads and writes) and builds an index from the whole table while holding it, checking"
                + " every row against the others");
        assertThat(violation.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
        assertThat(violation.impact()).isEqualTo(TableImpact.INDEX_BUILD);
        assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix).contains(
                "CREATE TABLE bookings_new (LIKE bookings INCLUDING ALL);",
                "ALTER TABLE bookings_new ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room_id WITH =,"
                        + " during WITH &&);",
                "SET lock_timeout = '2s';"));
    }

    @Test
    void acceptsAnExclusionConstraintOnATableCreatedEarlierInTheMigrations() {
        assertThat(lint.after("CREATE TABLE bookings (room_id int, during tstzrange);")
                .inTransaction("ALTER TABLE bookings ADD EXCLUDE USING gist (room_id WITH =, during WITH &&);"))
                .isEmpty();
    }

    @Test
    void acceptsOtherConstraintsAddedNotValid() {
        assertThat(lint.inTransaction("ALTER TABLE bookings ADD CONSTRAINT bookings_room_fk FOREIGN KEY (room_id)"
                + " REFERENCES rooms NOT VALID;")).isEmpty();
    }
}
