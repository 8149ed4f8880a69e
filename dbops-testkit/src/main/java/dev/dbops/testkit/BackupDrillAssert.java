package dev.dbops.testkit;

import dev.dbops.backup.BackupDrill;
import dev.dbops.backup.DrillReport;
import dev.dbops.backup.PhaseTiming;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a backup drill: that a dump of the database restores into a scratch database identical to
 * the source, and fast enough. Obtained from {@link DbopsAssertions#assertThat(BackupDrill)}.
 *
 * <pre>{@code
 * assertThat(backupDrill(dataSource)).restoresIdentically().withinRto(Duration.ofMinutes(5));
 * }</pre>
 *
 * <p>The drill ({@link BackupDrill#run()}: {@code pg_dump}, fingerprint, {@code pg_restore}, compare) runs once,
 * at the first assertion; the following ones look at the same report. It needs {@code pg_dump} and
 * {@code pg_restore} of at least the server's major version (see {@code docs/backup-verification.md}).
 */
public class BackupDrillAssert extends AbstractAssert<BackupDrillAssert, BackupDrill> {

    private DrillReport report;

    /** Creates the assertion; use {@link DbopsAssertions#assertThat(BackupDrill)}. */
    protected BackupDrillAssert(BackupDrill actual) {
        super(actual, BackupDrillAssert.class);
    }

    /**
     * Verifies that the backup restored and that the copy equals the source: same tables, row counts,
     * content hashes, sequences and schema. The failure lists every mismatch, then the drill report.
     */
    public BackupDrillAssert restoresIdentically() {
        DrillReport drill = report();
        if (drill.outcome() == DrillReport.Outcome.FAILED) {
            failWithMessage("%s", "Expecting the backup of " + drill.source() + " to restore identically,\nbut the drill"
                    + " could not finish: " + drill.failure().map(DrillReport.Failure::message).orElse("")
                    + "\n\n" + drill.toText());
        } else if (drill.outcome() == DrillReport.Outcome.MISMATCH) {
            String mismatches = drill.mismatches().stream().map(m -> "  " + m.describe()).collect(Collectors.joining("\n"));
            failWithMessage("%s", "Expecting the backup of " + drill.source() + " to restore identically ("
                    + plural(drill.tablesCompared(), "table") + ", " + plural(drill.rowsCompared(), "row") + ", "
                    + plural(drill.sequencesCompared(), "sequence") + " compared),\nbut the restored copy differs in " + plural(drill.mismatches().size(), "way") + ":\n"
                    + mismatches
                    + "\n\n" + drill.toText());
        }
        return myself;
    }

    /**
     * Verifies that the restore took at most {@code limit}: the measured recovery time, the wall time of the
     * restore phases (creating the scratch database, pre-data, data, post-data). The failure shows each phase.
     */
    public BackupDrillAssert withinRto(Duration limit) {
        Objects.requireNonNull(limit, "limit");
        DrillReport drill = report();
        if (drill.outcome() == DrillReport.Outcome.FAILED) {
            failWithMessage("%s", "Expecting the backup of " + drill.source() + " to restore within " + seconds(limit)
                    + ",\nbut the drill could not finish, so no recovery time was measured: "
                    + drill.failure().map(DrillReport.Failure::message).orElse(""));
        } else if (drill.rto().compareTo(limit) > 0) {
            String phases = drill.phases().stream().filter(p -> p.phase().partOfRestore())
                    .map(BackupDrillAssert::phase).collect(Collectors.joining(", "));
            failWithMessage("%s", "Expecting the backup of " + drill.source() + " to restore within " + seconds(limit)
                    + " (RTO),\nbut the restore took " + seconds(drill.rto()) + ": " + phases + ".");
        }
        return myself;
    }

    /** The drill's report, running the drill the first time. */
    private DrillReport report() {
        isNotNull();
        if (report == null) {
            report = actual.run();
        }
        return report;
    }


    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String phase(PhaseTiming timing) {
        return timing.phase().label() + " " + seconds(timing.elapsed());
    }

    /** {@code 0.734 s}, {@code 300.000 s}: milliseconds are what a restore's phases differ by. */
    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f s", duration.toNanos() / 1e9);
    }
}
