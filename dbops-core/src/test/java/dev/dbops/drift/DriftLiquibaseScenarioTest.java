package dev.dbops.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.dbops.migration.MigrationSource;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Liquibase history drift against {@code databasechangelog} rows real Liquibase 4.33 wrote. */
class DriftLiquibaseScenarioTest {

    private static final String XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                  http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
              <changeSet id="1" author="alice">
                <createTable tableName="customers">
                  <column name="id" type="int"><constraints primaryKey="true"/></column>
                  <column name="email" type="varchar(200)"/>
                </createTable>
              </changeSet>
              <changeSet id="2" author="alice">
                <addColumn tableName="customers"><column name="name" type="text"/></addColumn>
              </changeSet>
              <include file="more.sql" relativeToChangelogFile="true"/>
            </databaseChangeLog>
            """;
    private static final String SQL = """
            --liquibase formatted sql

            --changeset bob:3
            create index customers_email_idx on customers (email);

            --changeset bob:4
            alter table customers add column phone text;
            """;

    @TempDir
    Path dir;

    private static void update(PostgresDatabase database, Path directory, String changelog) throws Exception {
        try (Connection connection = database.connect()) {
            Database target = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            try (Liquibase liquibase = new Liquibase(changelog, new DirectoryResourceAccessor(directory), target)) {
                liquibase.update();
            }
        }
    }

    private DriftReport detect(PostgresDatabase live, boolean git) throws Exception {
        DriftDetector detector = DriftDetector.builder()
                .migrations(MigrationSource.builder().location(dir.resolve("master.xml")).build())
                .shadow(PostgresProvider.shared()).gitHistory(git).build();
        try (Connection connection = live.connect()) {
            return detector.detect(connection);
        }
    }

    @Test
    void computesTheChecksumsLiquibaseStoredAndAgreesWithTheSchema() throws Exception {
        RealFlyway.write(dir.resolve("master.xml"), XML);
        RealFlyway.write(dir.resolve("more.sql"), SQL);
        try (PostgresDatabase live = PostgresProvider.shared().createDatabase()) {
            update(live, dir, "master.xml");

            DriftReport report = detect(live, false);

            assertThat(report.history().tool()).isEqualTo(MigrationTool.LIQUIBASE);
            assertThat(report.history().table()).contains("public.databasechangelog");
            assertThat(report.history().entries()).extracting(HistoryEntry::migration, HistoryEntry::status)
                    .containsExactly(tuple("master.xml::1::alice", HistoryStatus.MATCHES),
                            tuple("master.xml::2::alice", HistoryStatus.MATCHES),
                            tuple("more.sql::3::bob", HistoryStatus.MATCHES),
                            tuple("more.sql::4::bob", HistoryStatus.MATCHES));
            assertThat(report.history().entries()).allSatisfy(e -> {
                assertThat(e.recordedChecksum().orElseThrow()).startsWith("9:");
                assertThat(e.fileChecksum()).isEqualTo(e.recordedChecksum());
            });
            assertThat(report.schema().differences()).isEmpty();
            assertThat(report.hasDrift()).isFalse();
        }
    }

    @Test
    void classifiesEditedReformattedDeletedAndPendingChangesets() throws Exception {
        RealFlyway.write(dir.resolve("master.xml"), XML);
        RealFlyway.write(dir.resolve("more.sql"), SQL);
        git("init", "-q");
        git("add", ".");
        git("-c", "user.name=dev", "-c", "user.email=dev@example.com", "commit", "-q", "-m", "changelog");
        try (PostgresDatabase live = PostgresProvider.shared().createDatabase()) {
            update(live, dir, "master.xml");
            RealFlyway.write(dir.resolve("more.sql"), """
                    --liquibase formatted sql

                    --changeset bob:3
                    -- lookups by e-mail are case-insensitive
                    CREATE INDEX customers_email_idx
                        ON customers (email);

                    --changeset bob:5
                    alter table customers add column phone varchar(40);
                    """);
            RealFlyway.write(dir.resolve("master.xml"), XML.replace("<column name=\"name\" type=\"text\"/>",
                    "<column name=\"name\" type=\"varchar(100)\"/>"));

            DriftReport report = detect(live, true);

            assertThat(report.history().entries()).extracting(HistoryEntry::migration, HistoryEntry::status)
                    .containsExactly(tuple("master.xml::1::alice", HistoryStatus.MATCHES),
                            tuple("master.xml::2::alice", HistoryStatus.CONTENT_CHANGED),
                            tuple("more.sql::3::bob", HistoryStatus.FORMATTING_ONLY),
                            tuple("more.sql::4::bob", HistoryStatus.MISSING),
                            tuple("more.sql::5::bob", HistoryStatus.PENDING));
            HistoryEntry edited = report.history().entry("master.xml::2::alice", HistoryStatus.CONTENT_CHANGED).orElseThrow();
            assertThat(edited.changes()).singleElement().satisfies(change -> assertThat(change.describe())
                    .isEqualTo("line 12: changed: ALTER TABLE customers ADD name TEXT → ALTER TABLE"
                            + " customers ADD name VARCHAR(100)"));
            assertThat(report.history().entry("more.sql::4::bob", HistoryStatus.MISSING).orElseThrow().message())
                    .isEqualTo("more.sql::4::bob ran (ORDEREXECUTED 4) but is no longer in the changelog: deleted, or"
                            + " its id, author or path changed — Liquibase does not notice; restore it, or delete its row");
            List<String> objects = report.schema().differences().stream().map(d -> d.difference().object()).toList();
            assertThat(objects).containsExactlyInAnyOrder("public.customers.name", "public.customers.phone");
            assertThat(report.schema().difference("public.customers.phone").orElseThrow().touchedBy())
                    .extracting(MigrationTouch::migration).containsExactly("more.sql::5::bob");
        }
    }

    @Test
    void writesAFormattedSqlChangelogThatReproducesTheLiveSchemaAndCanBeSynced() throws Exception {
        RealFlyway.write(dir.resolve("master.xml"), XML);
        RealFlyway.write(dir.resolve("more.sql"), SQL);
        try (PostgresDatabase live = PostgresProvider.shared().createDatabase()) {
            update(live, dir, "master.xml");
            RealFlyway.execute(live, "create index customers_name_idx on customers (name);"
                    + "alter table customers alter column phone type varchar(40);");
            DriftReport report = detect(live, false);
            assertThat(report.schema().differences()).hasSize(2);

            ReconciliationScript script = Reconciliation.of(report, Reconciliation.Direction.FILES_TO_LIVE);

            assertThat(script.fileName()).isEqualTo("reconcile-drift-5.sql");
            assertThat(script.sql()).startsWith("--liquibase formatted sql\n\n-- reconcile-drift-5.sql, written by dbops")
                    .contains("--   liquibase changelog-sync --label-filter=reconcile-drift-5\n",
                            "--changeset dbops:reconcile-drift-5-1 labels:reconcile-drift-5 splitStatements:false\n",
                            "--changeset dbops:reconcile-drift-5-2 labels:reconcile-drift-5 splitStatements:false"
                                    + " runInTransaction:false\n");
            script.write(dir);
            RealFlyway.write(dir.resolve("all.xml"), XML.substring(0, XML.indexOf("  <changeSet"))
                    + "  <include file=\"master.xml\"/>\n  <include file=\"reconcile-drift-5.sql\"/>\n"
                    + "</databaseChangeLog>\n");

            try (PostgresDatabase fresh = PostgresProvider.shared().createDatabase()) {
                update(fresh, dir, "all.xml");
                try (Connection a = fresh.connect(); Connection b = live.connect()) {
                    var diff = dev.dbops.diff.SchemaDiff.builder().ignoreOwners().ignoreObjects("public.databasechangelog*")
                            .build();
                    var inspector = dev.dbops.schema.SchemaInspector.builder().build();
                    assertThat(diff.compare(inspector.inspect(a), inspector.inspect(b))).isEmpty();
                }
            }
            try (Connection connection = live.connect()) {
                Database target = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
                try (Liquibase liquibase = new Liquibase("all.xml", new DirectoryResourceAccessor(dir), target)) {
                    liquibase.changeLogSync(new liquibase.Contexts(), new liquibase.LabelExpression("reconcile-drift-5"));
                }
            }
            DriftDetector detector = DriftDetector.builder()
                    .migrations(MigrationSource.builder().location(dir.resolve("all.xml")).build())
                    .shadow(PostgresProvider.shared()).gitHistory(false).build();
            try (Connection connection = live.connect()) {
                DriftReport after = detector.detect(connection);
                assertThat(after.history().entries()).extracting(HistoryEntry::status).containsOnly(HistoryStatus.MATCHES);
                assertThat(after.hasDrift()).isFalse();
            }
        }
    }

    private void git(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor()).isZero();
    }
}
