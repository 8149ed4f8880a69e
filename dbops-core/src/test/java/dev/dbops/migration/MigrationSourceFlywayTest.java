package dev.dbops.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationSourceFlywayTest {

    static final String ORDERED = "src/test/resources/migrations/flyway/ordered";
    static final String PROBLEMS = "src/test/resources/migrations/flyway/problems";
    static final Map<String, String> PLACEHOLDERS = Map.of("owner_column", "user_id");

    @TempDir
    Path dir;

    private static MigrationSet load(String location) {
        return MigrationSource.builder().location(location).placeholders(PLACEHOLDERS).build().load();
    }

    @Test
    void ordersVersionsNumericallyAndRunsRepeatablesLastByDescription() {
        MigrationSet set = load(ORDERED);

        assertThat(set.migrations()).extracting(Migration::id).containsExactly(
                "V1", "V1.1", "V1.2", "V1.9", "V1.10", "V2", "V10",
                "R__a_display_name_function", "R__b_order_totals_view");
        assertThat(set.problems()).isEmpty();
    }

    @Test
    void describesEachMigrationTheWayFlywayRecordsIt() {
        Migration orderTotal = load(ORDERED).migrations().get(6);

        assertThat(orderTotal.kind()).isEqualTo(MigrationKind.VERSIONED);
        assertThat(orderTotal.version()).contains("10");
        assertThat(orderTotal.description()).isEqualTo("add order total");
        assertThat(orderTotal.script()).isEqualTo("sub/V10__add_order_total.sql");
        assertThat(orderTotal.location()).isEqualTo(ORDERED + "/sub/V10__add_order_total.sql");
        assertThat(orderTotal.firstLine()).isEqualTo(1);
        assertThat(orderTotal.verbatim()).isTrue();
        assertThat(orderTotal.changeSet()).isEmpty();
        assertThat(load(ORDERED).migrations().get(2).version()).contains("1.2");
    }

    @Test
    void keepsUndoMigrationsOutOfTheForwardRunOrder() {
        MigrationSet set = load(ORDERED);

        assertThat(set.undoMigrations()).singleElement().satisfies(undo -> {
            assertThat(undo.id()).isEqualTo("U1.1");
            assertThat(undo.kind()).isEqualTo(MigrationKind.UNDO);
            assertThat(undo.sql()).contains("DROP COLUMN email");
        });
        assertThat(set.migrations()).extracting(Migration::kind).doesNotContain(MigrationKind.UNDO);
        assertThat(set.all()).hasSize(10);
    }

    @Test
    void keepsBaselineMigrationsOutOfTheForwardRunOrder() throws IOException {
        Files.writeString(dir.resolve("B5__baseline.sql"), "CREATE TABLE t (id int);\n");
        Files.writeString(dir.resolve("V6__more.sql"), "ALTER TABLE t ADD COLUMN c int;\n");

        MigrationSet set = MigrationSource.builder().location(dir).build().load();

        assertThat(set.baselineMigrations()).extracting(Migration::id, Migration::kind)
                .containsExactly(tuple("B5", MigrationKind.BASELINE));
        assertThat(set.migrations()).extracting(Migration::id).containsExactly("V6");
    }

    @Test
    void runsAScriptOutsideATransactionWhenItsConfFileSaysSo() {
        Migration index = load(ORDERED).migrations().get(4);

        assertThat(index.id()).isEqualTo("V1.10");
        assertThat(index.transactionMode()).isEqualTo(TransactionMode.NON_TRANSACTIONAL);
        assertThat(load(ORDERED).migrations().get(0).transactionMode()).isEqualTo(TransactionMode.AUTO);
    }

    @Test
    void followsFlywaysMixedAndGlobalTransactionSettings() {
        MigrationSet mixed = MigrationSource.builder().location(ORDERED).placeholders(PLACEHOLDERS)
                .flywayMixed(true).build().load();
        MigrationSet noTransactions = MigrationSource.builder().location(ORDERED).placeholders(PLACEHOLDERS)
                .defaultExecuteInTransaction(false).build().load();

        assertThat(mixed.migrations().get(0).transactionMode()).isEqualTo(TransactionMode.AUTO_MIXED);
        assertThat(noTransactions.migrations()).extracting(Migration::transactionMode)
                .containsOnly(TransactionMode.NON_TRANSACTIONAL);
    }

    @Test
    void honoursExecuteInTransactionTrueInAConfFileEvenForConcurrentIndexes() throws IOException {
        Files.writeString(dir.resolve("V1__index.sql"), "CREATE INDEX CONCURRENTLY i ON t (c);\n");
        Files.writeString(dir.resolve("V1__index.sql.conf"), "executeInTransaction = true\n");

        Migration index = MigrationSource.builder().location(dir).build().load().migrations().get(0);

        assertThat(index.transactionMode()).isEqualTo(TransactionMode.TRANSACTIONAL);
    }

    @Test
    void replacesGivenAndDefaultPlaceholders() {
        Migration orders = load(ORDERED).migrations().get(5);

        assertThat(orders.sql()).isEqualTo("-- V2__create_orders.sql\nCREATE TABLE orders (\n    id bigint PRIMARY KEY,\n"
                + "    user_id bigint NOT NULL REFERENCES users (id)\n);\n");
    }

    @Test
    void reportsPlaceholdersWithoutValueAtTheirLineAndKeepsTheText() {
        MigrationSet set = load(PROBLEMS);

        assertThat(set.problems()).filteredOn(p -> p.location().endsWith("V2__placeholders.sql"))
                .extracting(MigrationProblem::line, MigrationProblem::message)
                .satisfiesExactly(
                        tenant -> assertThat(tenant.toList()).containsExactly(OptionalInt.of(2),
                                "placeholder ${tenant} has no value: Flyway stops with \"No value provided for"
                                        + " placeholder\"; give it a value in the placeholders, or write"
                                        + " $${tenant} to keep the text"),
                        schema -> assertThat(schema.toList().get(1).toString())
                                .contains("${flyway:defaultSchema} is filled from the database connection"));
        assertThat(migration(set, "V2").sql()).contains("${tenant}_data", "'$${kept}'");
    }

    @Test
    void takesPlaceholderValuesCaseInsensitivelyIncludingFlywayDatabasePlaceholders() {
        MigrationSet set = MigrationSource.builder().location(PROBLEMS)
                .placeholders(Map.of("TENANT", "acme", "flyway:defaultSchema", "app")).build().load();

        assertThat(migration(set, "V2").sql()).contains("CREATE TABLE acme_data", "CREATE TABLE app.audit");
        assertThat(set.problems()).noneMatch(p -> p.location().endsWith("V2__placeholders.sql"));
    }

    @Test
    void leavesPlaceholdersAloneWhenReplacementIsOff() {
        MigrationSet set = MigrationSource.builder().location(PROBLEMS).placeholderReplacement(false).build().load();

        assertThat(migration(set, "V2").sql()).contains("${tenant}_data");
        assertThat(set.problems()).noneMatch(p -> p.location().endsWith("V2__placeholders.sql"));
    }

    @Test
    void reportsFileNamesFlywayWouldIgnoreOrRefuse() {
        MigrationSet set = load(PROBLEMS);

        assertThat(set.problems()).filteredOn(p -> p.location().endsWith("notes.sql")).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("'notes.sql' is not a Flyway migration name:"
                        + " Flyway ignores it. Rename it to V<version>__<description>.sql"));
        assertThat(set.problems()).filteredOn(p -> p.location().endsWith("Vx__bad_version.sql")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("has an invalid version 'x'"));
        assertThat(set.problems()).noneMatch(p -> p.location().endsWith("README.md"));
        assertThat(set.migrations()).extracting(Migration::id).containsExactly("V1.0", "V1", "V2", "V3");
    }

    @Test
    void reportsTwoScriptsWithTheSameVersionAsFlywayDoes() {
        MigrationSet set = load(PROBLEMS);

        assertThat(set.problems()).filteredOn(p -> p.message().contains("also used by")).singleElement()
                .satisfies(p -> assertThat(p.toString()).isEqualTo(PROBLEMS + "/V1__ok.sql: the version 1 is also"
                        + " used by " + PROBLEMS + "/V1.0__same_version.sql: Flyway refuses to migrate (\"Found more"
                        + " than one migration with version 1\"); give one of them another version"));
    }

    @Test
    void reportsConfKeysAndValuesThatFlywayRejects() {
        MigrationSet set = load(PROBLEMS);

        assertThat(set.problems()).filteredOn(p -> p.location().endsWith("V3__bad_config.sql.conf"))
                .extracting(MigrationProblem::message)
                .containsExactlyInAnyOrder(
                        "executeInTransaction=maybe is not a boolean: Flyway refuses the migration; use"
                                + " executeInTransaction=true or executeInTransaction=false",
                        "unknown script configuration key 'colour': Flyway refuses the migration; the keys are"
                                + " executeInTransaction, encoding, placeholderReplacement and shouldExecute");
        assertThat(migration(set, "V3").transactionMode()).isEqualTo(TransactionMode.AUTO);
    }

    @Test
    void readsAScriptInTheEncodingItsConfFileNames() throws IOException {
        Files.write(dir.resolve("V1__latin1.sql"), "SELECT 'größe';\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(dir.resolve("V1__latin1.sql.conf"), "encoding=ISO-8859-1\n");

        assertThat(MigrationSource.builder().location(dir).build().load().migrations().get(0).sql())
                .isEqualTo("SELECT 'größe';\n");
    }

    @Test
    void reportsAnUnreadableFileAndStillLoadsTheOthers() throws IOException {
        Files.writeString(dir.resolve("V1__first.sql"), "SELECT 1;\n");
        Files.writeString(dir.resolve("V3__third.sql"), "SELECT 3;\n");
        Files.createSymbolicLink(dir.resolve("V2__gone.sql"), dir.resolve("deleted.sql"));

        MigrationSet set = MigrationSource.builder().location(dir).build().load();

        assertThat(set.migrations()).extracting(Migration::id).containsExactly("V1", "V3");
        assertThat(set.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo(dir.resolve("V2__gone.sql").toString());
            assertThat(p.line()).isEmpty();
            assertThat(p.message()).isEqualTo("cannot read: it does not exist (a dangling symbolic link?);"
                    + " the migration was not checked");
        });
    }

    @Test
    void treatsASingleFlywayNamedFileAsAFlywayMigrationWithItsConf() {
        MigrationSet set = MigrationSource.builder().location(ORDERED + "/V1.10__index_email_concurrently.sql")
                .build().load();

        assertThat(set.migrations()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo("V1.10");
            assertThat(m.location()).isEqualTo(ORDERED + "/V1.10__index_email_concurrently.sql");
            assertThat(m.transactionMode()).isEqualTo(TransactionMode.NON_TRANSACTIONAL);
        });
    }

    @Test
    void mergesSeveralFlywayLocationsIntoOneRun() throws IOException {
        Files.writeString(dir.resolve("V1.5__between.sql"), "SELECT 1;\n");

        MigrationSet set = MigrationSource.builder().location(ORDERED).location("filesystem:" + dir)
                .placeholders(PLACEHOLDERS).build().load();

        assertThat(set.migrations()).extracting(Migration::id)
                .startsWith("V1", "V1.1", "V1.2", "V1.5", "V1.9")
                .endsWith("R__a_display_name_function", "R__b_order_totals_view");
    }

    private static Migration migration(MigrationSet set, String id) {
        Optional<Migration> found = set.all().stream().filter(m -> m.id().equals(id)).findFirst();
        assertThat(found).as("migration " + id).isPresent();
        return found.get();
    }
}
