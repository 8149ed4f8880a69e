package dev.dbops.testkit;

import static dev.dbops.testkit.DbopsAssertions.assertThat;
import static dev.dbops.testkit.DbopsAssertions.migrations;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReversibilityAssertTest {

    @Test
    void passesWhenEveryUndoRestoresTheSchemaAndTheMigrationAppliesAgain() {
        assertThat(migrations("classpath:db/reversible")).areReversible();
    }

    @Test
    void reportsEveryMigrationThatIsNotReversibleAndWhy() {
        assertThatThrownBy(() -> assertThat(migrations("classpath:db/irreversible")).areReversible())
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expecting every migration with an undo at [classpath:db/irreversible] to be reversible"
                        + " (apply, undo: the schema as before; apply again),\nbut 2 of 3 checked are not:\n\n"
                        + "V2 (classpath:db/irreversible/V2__add_contact_columns.sql), undone by U2"
                        + " (classpath:db/irreversible/U2__add_contact_columns.sql): after the undo, 1 object differs"
                        + " from before V2 (before → after the undo):\n"
                        + "  column public.users.phone: only in the schema after the undo\n"
                        + "  and applying it again fails: V2 (classpath:db/irreversible/V2__add_contact_columns.sql:2)"
                        + " fails on replay: ALTER TABLE users ADD COLUMN phone text — ERROR: column \"phone\" of"
                        + " relation \"users\" already exists (SQLState 42701)\n\n"
                        + "V3 (classpath:db/irreversible/V3__create_orders.sql), undone by U3"
                        + " (classpath:db/irreversible/U3__create_orders.sql): the undo fails: U3"
                        + " (classpath:db/irreversible/U3__create_orders.sql:2) fails on replay: DROP TABLE orderz —"
                        + " ERROR: table \"orderz\" does not exist (SQLState 42P01)\n"
                        + "\nReversible: V4.\nWithout an undo, not checked: V1.");
    }

    @Test
    void checksTheRollbacksLiquibaseGeneratesAndTheOnesWritten() {
        assertThat(migrations("classpath:db/liquibase/reversible.xml")).areReversible();
    }

    @Test
    void reportsALiquibaseRollbackThatLeavesSomethingBehind() {
        assertThatThrownBy(() -> assertThat(migrations("classpath:db/liquibase/irreversible.sql")).areReversible())
                .hasMessageStartingWith("Expecting every migration with an undo at"
                        + " [classpath:db/liquibase/irreversible.sql] to be reversible (apply, undo: the schema as"
                        + " before; apply again),\nbut 1 of 2 checked is not:\n\n")
                .hasMessageContaining("db/liquibase/irreversible.sql::2::ann (classpath:db/liquibase/irreversible.sql),"
                        + " undone by rollback of db/liquibase/irreversible.sql::2::ann"
                        + " (classpath:db/liquibase/irreversible.sql): after the undo, 1 object differs from before"
                        + " db/liquibase/irreversible.sql::2::ann (before → after the undo):\n"
                        + "  column public.customers.email: only in the schema after the undo\n")
                .hasMessageEndingWith("\nReversible: db/liquibase/irreversible.sql::1::ann.\nWithout an undo, not"
                        + " checked: none.");
    }

    @Test
    void failsWhenNoMigrationHasAnUndoSinceNothingWouldBeChecked() {
        assertThatThrownBy(() -> assertThat(migrations("classpath:db/safe")).areReversible())
                .hasMessage("Expecting the migrations at [classpath:db/safe] to be reversible,\nbut none of the 2 has an"
                        + " undo to check: give a Flyway migration V<n> an undo script U<n>__*.sql, or a Liquibase"
                        + " changeset a <rollback> (or a change type Liquibase can roll back).");
    }

    @Test
    void failsForALocationThatDoesNotExist() {
        assertThatThrownBy(() -> assertThat(migrations("filesystem:no/such/dir")).areReversible())
                .hasMessageStartingWith("Expecting migrations at [filesystem:no/such/dir],\nbut migration location"
                        + " filesystem:no/such/dir does not exist");
    }
}
