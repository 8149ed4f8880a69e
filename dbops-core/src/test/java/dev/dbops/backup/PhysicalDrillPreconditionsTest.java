package dev.dbops.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a physical drill checks before it starts, and what it leaves alone, on any server version. */
class PhysicalDrillPreconditionsTest {

    @TempDir
    Path directory;

    @Test
    void leavesTheWorkDirectoryOfARunningDrillAlone() throws Exception {
        Path running = PhysicalWorkDirectories.create();
        Path unmarked = Files.createTempDirectory(PhysicalWorkDirectories.PREFIX);
        try {
            assertThat(PhysicalWorkDirectories.removeAbandoned()).noneMatch(note -> note.contains(running.toString())
                    || note.contains(unmarked.toString()));
            assertThat(running).exists();
            assertThat(unmarked).exists();
        } finally {
            WorkFiles.deleteTree(running);
            WorkFiles.deleteTree(unmarked);
        }
    }

    @Test
    void failsWithTheFixWhenNoServerOfTheSourcesMajorVersionIsInstalled() throws IOException {
        Path empty = Files.createDirectories(directory.resolve("bin"));
        try (PostgresDatabase database = DrillFixture.SERVER.createDatabase()) {

            DrillReport report = BackupDrill.builder().source(database.url()).clientPrograms(empty).build()
                    .runPhysical();

            assertThat(report.outcome()).isEqualTo(DrillReport.Outcome.FAILED);
            assertThat(report.failure()).hasValueSatisfying(f -> {
                assertThat(f.code()).isEqualTo(ErrorCode.BACKUP_TOOL_UNAVAILABLE);
                assertThat(f.message()).contains("exactly the source's major version",
                        "postgresql-" + DrillFixture.SERVER.majorVersion());
            });
        }
    }
}
