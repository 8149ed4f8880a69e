package dev.dbops.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.backup.DrillReport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupStatusTest {

    private static final Instant NOW = Instant.parse("2026-11-21T06:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theBackupAgeIsThatOfTheNewestVerifiedBackupAndTheHealthIsUpWhileItIsYoungerThanTheMaximum() {
        BackupStatus status = new BackupStatus(Optional.empty(), Duration.ofHours(25), Clock.fixed(NOW, ZoneOffset.UTC));
        status.record(drill(DrillReport.Outcome.VERIFIED, Duration.ofHours(30)));
        status.record(drill(DrillReport.Outcome.VERIFIED, Duration.ofHours(2)));

        BackupStatus.State state = status.read();

        assertThat(state.backupAge()).contains(Duration.ofHours(2));
        assertThat(state.problem()).isEmpty();
        assertThat(state.isDown(status.maxAge())).isFalse();
        assertThat(state.isDown(Duration.ofHours(1))).isTrue();
    }

    @Test
    void aLastDrillThatDidNotVerifyIsDownAndNoDrillAtAllIsNot() {
        BackupStatus status = new BackupStatus(Optional.empty(), Duration.ofHours(25), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(status.read().isDown(status.maxAge())).isFalse();

        status.record(drill(DrillReport.Outcome.VERIFIED, Duration.ofHours(3)));
        status.record(drill(DrillReport.Outcome.MISMATCH, Duration.ofHours(1)));

        assertThat(status.read().lastDrill()).map(DrillReport::outcome).contains(DrillReport.Outcome.MISMATCH);
        assertThat(status.read().isDown(status.maxAge())).isTrue();
    }

    @Test
    void aConfiguredHistoryThatDoesNotExistYetIsAProblemUntilADrillRunsHere() {
        Path history = dir.resolve("drills.jsonl");
        BackupStatus status = new BackupStatus(Optional.of(history), Duration.ofHours(25),
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(status.read().problem()).contains("the drill history " + history
                + " does not exist yet: no drill has been recorded there");
    }

    /** A drill of a backup taken {@code age} before now, ended an hour after the backup. */
    private static DrillReport drill(DrillReport.Outcome outcome, Duration age) {
        Instant taken = NOW.minus(age);
        return new DrillReport(DrillReport.FORMAT_VERSION, outcome, DrillReport.Mode.DRILL, "db:5432/shop",
                Optional.empty(), Optional.empty(), taken, taken.plus(Duration.ofMinutes(10)), Optional.of(taken),
                List.of(), 0, 0, 0, 0, 0, List.of(), List.of(), List.of(), List.of(), Optional.empty());
    }
}
