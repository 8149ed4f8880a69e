package dev.dbops.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Splitting one pg_restore run into its phases, from the lines pg_restore 15 prints with --verbose. */
class RestoreProgressTest {

    private static final ArchiveContents TWO_TABLES = new ArchiveContents(Optional.empty(), "app", "DIRECTORY",
            "15.18", Map.of(3346, "public.a", 3347, "public.b"), 2);

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final DrillListener listener = new DrillListener() {
        @Override
        public void phaseStarted(DrillPhase phase) {
            events.add("start " + phase);
        }

        @Override
        public void phaseFinished(DrillPhase phase, java.time.Duration elapsed) {
            events.add("end " + phase);
        }

        @Override
        public void tableDone(DrillPhase phase, String table, int done, int total) {
            events.add(done + "/" + total + " " + table);
        }
    };

    private DrillRecorder recorder() {
        return new DrillRecorder(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), DrillListener.NONE,
                DrillReport.Mode.DRILL, "test");
    }

    @Test
    void splitsAParallelRestoreAtTheMainLoopAndTheLastTableDataItem() {
        RestoreProgress progress = new RestoreProgress(TWO_TABLES, listener, Instant.EPOCH);
        List.of("pg_restore: connecting to database for restore", "pg_restore: creating TABLE \"public.a\"",
                "pg_restore: entering main parallel loop", "pg_restore: launching item 3346 TABLE DATA a",
                "pg_restore: processing data for table \"public.a\"", "pg_restore: launching item 3347 TABLE DATA b",
                "pg_restore: processing data for table \"public.b\"", "pg_restore: finished item 3347 TABLE DATA b",
                "pg_restore: creating INDEX \"public.b_idx\"", "pg_restore: finished item 3346 TABLE DATA a",
                "pg_restore: creating CONSTRAINT \"public.a a_pkey\"", "pg_restore: finished main parallel loop")
                .forEach(progress);
        DrillRecorder recorder = recorder();

        progress.record(recorder, true);

        assertThat(events).containsExactly("start RESTORE_PRE_DATA", "end RESTORE_PRE_DATA", "start RESTORE_DATA",
                "1/2 public.a", "2/2 public.b", "end RESTORE_DATA", "start RESTORE_POST_DATA", "end RESTORE_POST_DATA");
        assertThat(recorder.finished().phases()).extracting(PhaseTiming::phase).containsExactly(
                DrillPhase.RESTORE_PRE_DATA, DrillPhase.RESTORE_DATA, DrillPhase.RESTORE_POST_DATA);
    }

    @Test
    void endsTheDataOfASerialRestoreAtTheFirstPostDataItem() {
        RestoreProgress progress = new RestoreProgress(TWO_TABLES, listener, Instant.EPOCH);
        List.of("pg_restore: creating TABLE \"public.a\"", "pg_restore: processing data for table \"public.a\"",
                "pg_restore: processing data for table \"public.b\"", "pg_restore: executing SEQUENCE SET s",
                "pg_restore: creating INDEX \"public.b_idx\"").forEach(progress);

        progress.record(recorder(), true);

        assertThat(events).containsSubsequence("2/2 public.b", "end RESTORE_DATA", "start RESTORE_POST_DATA");
    }

    @Test
    void namesTheTableAnErrorPointsAtAndFailsThePhaseItStoppedIn() {
        RestoreProgress progress = new RestoreProgress(TWO_TABLES, listener, Instant.EPOCH);
        List.of("pg_restore: entering main parallel loop", "pg_restore: processing data for table \"public.b\"",
                "pg_restore: processing data for table \"public.a\"",
                "pg_restore: error: could not read from input file: end of file (/tmp/x/3346.dat)",
                "pg_restore: error: a worker process died unexpectedly").forEach(progress);
        DrillRecorder recorder = recorder();

        progress.record(recorder, false);

        assertThat(progress.suspects()).containsExactly("public.a");
        assertThat(recorder.failedPhase()).contains(DrillPhase.RESTORE_DATA);
        assertThat(recorder.finished().phases()).extracting(PhaseTiming::phase, PhaseTiming::succeeded).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DrillPhase.RESTORE_PRE_DATA, true),
                org.assertj.core.groups.Tuple.tuple(DrillPhase.RESTORE_DATA, false));
    }

    @Test
    void namesTheTablesInFlightWhenTheErrorNamesNone() {
        RestoreProgress progress = new RestoreProgress(TWO_TABLES, listener, Instant.EPOCH);
        List.of("pg_restore: entering main parallel loop", "pg_restore: processing data for table \"public.b\"",
                "pg_restore: finished item 3347 TABLE DATA b", "pg_restore: processing data for table \"public.a\"",
                "pg_restore: error: could not uncompress data: invalid distance too far back").forEach(progress);

        assertThat(progress.suspects()).containsExactly("public.a");
    }
}
