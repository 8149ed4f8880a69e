package dev.dbops.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.postgres.PostgresDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupDrillTest {

    @TempDir
    Path directory;

    @Test
    void verifiesADrillOfManyColumnTypesAndTimesEveryPhase() throws Exception {
        try (PostgresDatabase source = DrillFixture.manyTypes()) {
            Path archive = directory.resolve("shop");
            DrillReport report = BackupDrill.builder().source(source.url()).archive(archive).jobs(2).build().run();

            System.out.println(report.toText());
            assertThat(report.mismatches()).isEmpty();
            assertThat(report.outcome()).isEqualTo(DrillReport.Outcome.VERIFIED);
        }
    }
}
