package dev.dbops.cli;

import dev.dbops.backup.DrillListener;
import dev.dbops.backup.DrillPhase;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Shows a drill's progress on standard error: one line per phase, and a progress bar of the tables
 * done in the current phase, redrawn in place with a carriage return.
 */
final class DrillProgress implements DrillListener {

    private static final int BAR_WIDTH = 24;

    private final PrintWriter err;
    private boolean barShown;

    DrillProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void phaseStarted(DrillPhase phase) {
        endBar();
        err.println("dbops verify-backup: " + phase.label() + " …");
        err.flush();
    }

    @Override
    public synchronized void phaseFinished(DrillPhase phase, Duration elapsed) {
        endBar();
        err.println(String.format(Locale.ROOT, "dbops verify-backup: %s done in %.1f s", phase.label(),
                elapsed.toMillis() / 1000.0));
        err.flush();
    }

    @Override
    public synchronized void tableDone(DrillPhase phase, String table, int done, int total) {
        String bar;
        if (total > 0) {
            int filled = (int) Math.min(BAR_WIDTH, (long) done * BAR_WIDTH / total);
            bar = "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + done + "/" + total;
        } else {
            bar = done + " tables";
        }
        String line = "  " + phase.label() + " " + bar + " " + table;
        err.print("\r" + (line.length() > 100 ? line.substring(0, 100) : String.format(Locale.ROOT, "%-100s", line)));
        err.flush();
        barShown = true;
    }

    private void endBar() {
        if (barShown) {
            err.println();
            barShown = false;
        }
    }
}
