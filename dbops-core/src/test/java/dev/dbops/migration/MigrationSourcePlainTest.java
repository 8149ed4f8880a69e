package dev.dbops.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationSourcePlainTest {

    private static final String PLAIN = "src/test/resources/migrations/plain";

    @TempDir
    Path dir;

    @Test
    void readsADirectoryWithoutFlywayNamesAsPlainFilesInNaturalOrder() {
        MigrationSet set = MigrationSource.builder().location(PLAIN).build().load();

        assertThat(set.migrations()).extracting(Migration::location).containsExactly(
                PLAIN + "/1_first.sql", PLAIN + "/2_second.sql", PLAIN + "/10_tenth.sql");
        assertThat(set.migrations().get(0)).satisfies(first -> {
            assertThat(first.id()).isEqualTo(PLAIN + "/1_first.sql");
            assertThat(first.kind()).isEqualTo(MigrationKind.PLAIN_SQL);
            assertThat(first.description()).isEqualTo("1_first");
            assertThat(first.version()).isEmpty();
            assertThat(first.transactionMode()).isEqualTo(TransactionMode.TRANSACTIONAL);
            assertThat(first.sql()).isEqualTo("CREATE TABLE a (id int);\n");
        });
        assertThat(set.problems()).isEmpty();
    }

    @Test
    void sortsDigitRunsByValue() {
        List<String> names = new ArrayList<>(List.of("10_a.sql", "2_b.sql", "1_c.sql", "a/2.sql", "a/10.sql",
                "001_d.sql", "b.sql", "a.sql"));
        names.sort(PlainScripts.NATURAL);

        assertThat(names).containsExactly("1_c.sql", "001_d.sql", "2_b.sql", "10_a.sql", "a.sql", "a/2.sql",
                "a/10.sql", "b.sql");
    }

    @Test
    void assumesPlainFilesRunWithoutATransactionWhenTold() {
        MigrationSet set = MigrationSource.builder().location(PLAIN).defaultExecuteInTransaction(false).build().load();

        assertThat(set.migrations()).extracting(Migration::transactionMode).containsOnly(TransactionMode.NON_TRANSACTIONAL);
    }

    @Test
    void replacesOnlyTheGivenPlaceholdersInPlainFiles() throws IOException {
        Path file = Files.writeString(dir.resolve("change.sql"), "CREATE TABLE ${schema}.t (c text DEFAULT '${other}');\n");

        MigrationSet set = MigrationSource.builder().location(file).placeholders(Map.of("schema", "app")).build().load();

        assertThat(set.migrations()).singleElement().satisfies(m -> {
            assertThat(m.location()).isEqualTo(file.toString());
            assertThat(m.script()).isEqualTo("change.sql");
            assertThat(m.sql()).isEqualTo("CREATE TABLE app.t (c text DEFAULT '${other}');\n");
        });
        assertThat(set.problems()).isEmpty();
    }

    @Test
    void failsNamingEveryLocationThatDoesNotExist() {
        assertThatThrownBy(() -> MigrationSource.builder().location("db/missing").location(PLAIN)
                .location("filesystem:db/gone").build().load())
                .isInstanceOfSatisfying(DbopsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MIGRATION_SOURCE_FAILED))
                .hasMessageStartingWith("migration location db/missing does not exist (working directory ")
                .hasMessageContaining("check the path, or use classpath:db/missing for resources inside the application;"
                        + " migration location filesystem:db/gone does not exist");
    }

    @Test
    void refusesAFileThatIsNoMigration() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "hello\n");

        assertThatThrownBy(() -> MigrationSource.builder().location(notes).build().load())
                .isInstanceOfSatisfying(DbopsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MIGRATION_SOURCE_FAILED))
                .hasMessage(notes + " is not a migration: give a directory, a .sql file, or a Liquibase changelog"
                        + " (.xml, .yaml, .yml, .json, or .sql starting with --liquibase formatted sql)");
    }

    @Test
    void reportsEveryInvalidOptionWhenBuilding() {
        assertThatThrownBy(() -> MigrationSource.builder().location(" ").location("s3:bucket/migrations")
                .placeholders(Collections.singletonMap("tenant", null)).build())
                .isInstanceOfSatisfying(DbopsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION))
                .hasMessage("invalid MigrationSource configuration: a location is empty: give a directory, a file, or"
                        + " classpath:path; placeholder tenant=null needs a name and a value; location"
                        + " s3:bucket/migrations has the prefix 's3:', which dbops cannot read: use classpath:,"
                        + " filesystem: or a plain path");
        assertThatThrownBy(() -> MigrationSource.builder().build())
                .hasMessage("invalid MigrationSource configuration: no location given: add one with"
                        + " location(\"classpath:db/migration\") or a path");
    }

    @Test
    void treatsAFilesystemPrefixedDirectoryAsFlywayEvenWithoutFlywayNames() {
        MigrationSet set = MigrationSource.builder().location("filesystem:" + PLAIN).build().load();

        assertThat(set.migrations()).isEmpty();
        assertThat(set.problems()).extracting(MigrationProblem::location).containsExactly(
                PLAIN + "/10_tenth.sql", PLAIN + "/1_first.sql", PLAIN + "/2_second.sql");
    }

    @Test
    void makesTheSetImmutable() {
        MigrationSet set = MigrationSource.builder().location(PLAIN).build().load();

        assertThatThrownBy(() -> set.migrations().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> set.all().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
