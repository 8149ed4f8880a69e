package dev.dbops.samples.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.diff.Difference;
import dev.dbops.diff.SchemaDiff;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.schema.SchemaInspector;
import dev.dbops.schema.SchemaSnapshot;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code db/dbops-snapshot.json} is the schema the migrations produce. Run with
 * {@code -Dlibrary.snapshot.write=true} to rewrite it after changing a migration (what {@code dbops inspect} on a
 * freshly migrated database writes).
 */
class CommittedSnapshotTest {

    private static final Path COMMITTED = Path.of("src/main/resources/db/dbops-snapshot.json");

    @Test
    void matchesTheSchemaTheMigrationsProduce() {
        try (PostgresDatabase scratch = PostgresProvider.shared().createDatabase()) {
            FluentConfiguration flyway = Flyway.configure().dataSource(scratch.dataSource())
                    .locations("classpath:db/migration");
            new SessionLevelFlywayLock().customizeFluentConfiguration(flyway);
            flyway.load().migrate();
            SchemaSnapshot replayed = SchemaInspector.builder().build().snapshot(scratch.dataSource());
            if (Boolean.getBoolean("library.snapshot.write")) {
                replayed.write(COMMITTED);
            }
            List<Difference> differences = SchemaDiff.builder().ignoreObjects("public.flyway_schema_history").build()
                    .compare(SchemaSnapshot.read(COMMITTED).schema(), replayed.schema());
            assertThat(differences).as("run this test with -Dlibrary.snapshot.write=true to regenerate "
                    + COMMITTED).isEmpty();
        }
    }
}
