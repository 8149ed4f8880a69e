package dev.dbops.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class MigrationValuesTest {

    private static Migration migration(int firstLine, boolean verbatim) {
        return new Migration("V1", MigrationKind.VERSIONED, Optional.of("1"), "init", "V1__init.sql",
                "db/migration/V1__init.sql", firstLine, verbatim, "SELECT 1;\n", TransactionMode.AUTO, Optional.empty());
    }

    @Test
    void mapsLinesOfVerbatimSqlToLinesOfTheFile() {
        assertThat(migration(10, true).fileLine(3)).isEqualTo(12);
        assertThat(migration(10, false).fileLine(3)).isEqualTo(10);
        assertThatThrownBy(() -> migration(1, true).fileLine(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resolvesFlywaysAutomaticModeFromTheStatements() {
        assertThat(TransactionMode.AUTO.resolve(true)).isEqualTo(TransactionMode.NON_TRANSACTIONAL);
        assertThat(TransactionMode.AUTO.resolve(false)).isEqualTo(TransactionMode.TRANSACTIONAL);
        assertThat(TransactionMode.AUTO_MIXED.resolve(true)).isEqualTo(TransactionMode.NON_TRANSACTIONAL);
        assertThat(TransactionMode.TRANSACTIONAL.resolve(true)).isEqualTo(TransactionMode.TRANSACTIONAL);
        assertThat(TransactionMode.NON_TRANSACTIONAL.resolve(false)).isEqualTo(TransactionMode.NON_TRANSACTIONAL);
        assertThat(TransactionMode.values()).filteredOn(TransactionMode::refusesMixedStatements)
                .containsExactly(TransactionMode.AUTO);
    }

    @Test
    void printsProblemsAndMigrationsTheWayCompilersNameLocations() {
        assertThat(MigrationProblem.at("db/migration/V2__x.sql", 4, "bad")).hasToString("db/migration/V2__x.sql:4: bad");
        assertThat(MigrationProblem.of("db/migration/V2__x.sql", "bad")).hasToString("db/migration/V2__x.sql: bad");
        assertThat(migration(1, true)).hasToString("V1 (db/migration/V1__init.sql)");
        assertThat(new ChangeSetRef("1", "alice", "db/changelog.xml")).hasToString("db/changelog.xml::1::alice");
    }

    @Test
    void refusesLinesBelowOne() {
        assertThatThrownBy(() -> migration(0, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("firstLine must be at least 1, was 0");
        assertThatThrownBy(() -> new MigrationProblem("x.sql", OptionalInt.of(0), "bad"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
