package dev.dbops.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows the verbose output of one {@code pg_restore} run and splits its wall time into the three
 * restore phases, the way a real recovery runs it (one {@code pg_restore -j N}, not one per section):
 *
 * <ul>
 *   <li>pre-data: from the start until the first table's data starts (in parallel mode: until the
 *       main parallel loop starts);</li>
 *   <li>data: from there until the last table's data is done (parallel mode: its {@code finished item
 *       … TABLE DATA} line; serial mode: the first post-data {@code creating …} line);</li>
 *   <li>post-data: the rest. Post-data items that run alongside data loading in parallel mode count
 *       as data time.</li>
 * </ul>
 *
 * <p>It also names the tables an error points at, and reports per-table progress as tables start.
 * Lines arrive from one reader thread; the results are read after the process ended.
 */
final class RestoreProgress implements Consumer<String> {

    private static final Pattern PROCESSING = Pattern.compile("^pg_restore: processing data for table \"(.*)\"$");
    private static final Pattern LAUNCHING_DATA = Pattern.compile("^pg_restore: launching item \\d+ TABLE DATA .*$");
    private static final Pattern FINISHED_DATA = Pattern.compile("^pg_restore: finished item (\\d+) TABLE DATA .*$");
    private static final String PARALLEL_LOOP = "pg_restore: entering main parallel loop";
    private static final String CREATING = "pg_restore: creating ";
    /** How pg_restore's errors point at an archive item: {@code …/3346.dat} or {@code TOC entry 3346;}. */
    private static final Pattern ITEM = Pattern.compile("/(\\d+)\\.dat|TOC entry (\\d+);");

    private final ArchiveContents contents;
    private final DrillListener listener;
    private final Instant startedAt;
    private final long startNanos;
    private long dataStartNanos = -1;
    private long dataEndNanos = -1;
    private int started;
    private int finished;
    private final Set<String> inFlight = new LinkedHashSet<>();
    private final Set<String> named = new LinkedHashSet<>();
    private final Set<DrillPhase> announcedStart = EnumSet.noneOf(DrillPhase.class);
    private final Set<DrillPhase> announcedEnd = EnumSet.noneOf(DrillPhase.class);

    RestoreProgress(ArchiveContents contents, DrillListener listener, Instant startedAt) {
        this.contents = contents;
        this.listener = listener;
        this.startedAt = startedAt;
        this.startNanos = System.nanoTime();
        start(DrillPhase.RESTORE_PRE_DATA);
    }

    private void start(DrillPhase phase) {
        if (announcedStart.add(phase)) {
            listener.phaseStarted(phase);
        }
    }

    private void end(DrillPhase phase, Duration elapsed) {
        if (announcedEnd.add(phase)) {
            listener.phaseFinished(phase, elapsed);
        }
    }

    @Override
    public synchronized void accept(String line) {
        Matcher processing = PROCESSING.matcher(line);
        Matcher finishedData = FINISHED_DATA.matcher(line);
        if (dataStartNanos < 0 && (processing.matches() || line.equals(PARALLEL_LOOP)
                || LAUNCHING_DATA.matcher(line).matches())) {
            dataStarts();
        }
        if (processing.matches()) {
            inFlight.add(processing.group(1));
            listener.tableDone(DrillPhase.RESTORE_DATA, processing.group(1), ++started, contents.tableDataEntries());
        } else if (finishedData.matches()) {
            inFlight.remove(contents.tableData().get(Integer.parseInt(finishedData.group(1))));
            if (++finished == contents.tableDataEntries()) {
                dataEnds();
            }
        } else if (line.startsWith(CREATING) && dataStartNanos >= 0 && started == contents.tableDataEntries()
                && finished == 0) {
            // Serial mode prints no "finished item" lines: the first post-data item ends the data.
            dataEnds();
        } else if (line.contains("error: ") || line.contains("TOC entry")) {
            Matcher item = ITEM.matcher(line);
            while (item.find()) {
                String table = contents.tableData().get(Integer.parseInt(item.group(1) != null ? item.group(1)
                        : item.group(2)));
                if (table != null) {
                    named.add(table);
                }
            }
        }
    }

    private void dataStarts() {
        dataStartNanos = System.nanoTime();
        end(DrillPhase.RESTORE_PRE_DATA, Duration.ofNanos(dataStartNanos - startNanos));
        start(DrillPhase.RESTORE_DATA);
        if (contents.tableDataEntries() == 0) {
            dataEnds();
        }
    }

    private void dataEnds() {
        if (dataEndNanos >= 0) {
            return;
        }
        dataEndNanos = System.nanoTime();
        end(DrillPhase.RESTORE_DATA, Duration.ofNanos(dataEndNanos - dataStartNanos));
        start(DrillPhase.RESTORE_POST_DATA);
    }

    /**
     * Records the phases reached into {@code recorder} once the process ended; the phase that was
     * running when it failed is recorded as failed.
     */
    synchronized void record(DrillRecorder recorder, boolean succeeded) {
        long end = System.nanoTime();
        long dataStart = dataStartNanos >= 0 ? dataStartNanos : succeeded ? end : -1;
        long dataEnd = dataEndNanos >= 0 ? dataEndNanos : succeeded && dataStart >= 0 ? end : -1;
        record(recorder, DrillPhase.RESTORE_PRE_DATA, startNanos, dataStart >= 0 ? dataStart : end, dataStart >= 0);
        if (dataStart >= 0) {
            record(recorder, DrillPhase.RESTORE_DATA, dataStart, dataEnd >= 0 ? dataEnd : end, dataEnd >= 0);
        }
        if (dataEnd >= 0) {
            record(recorder, DrillPhase.RESTORE_POST_DATA, dataEnd, end, succeeded);
        }
    }

    private void record(DrillRecorder recorder, DrillPhase phase, long from, long to, boolean succeeded) {
        Duration elapsed = Duration.ofNanos(to - from);
        recorder.concurrentPhase(phase, startedAt.plusNanos(from - startNanos), elapsed, succeeded);
        start(phase);
        end(phase, elapsed);
    }

    /** The tables pg_restore's errors point at, else those whose data was being restored; may be empty. */
    synchronized List<String> suspects() {
        return List.copyOf(named.isEmpty() ? inFlight : named);
    }
}
