package dev.dbops.lint;

/** How serious a lint finding is, from least to most; {@code --fail-on} compares against it. */
public enum Severity {

    /** Worth knowing, never a reason to fail: e.g. a statement dbops could not inspect. */
    INFO,
    /** Risky on a busy table; review it. */
    WARNING,
    /** Locks, rewrites or breaks a live table, or fails outright; fix it or suppress it with a reason. */
    ERROR;

    /** Whether this severity is at least {@code threshold}. */
    public boolean isAtLeast(Severity threshold) {
        return compareTo(threshold) >= 0;
    }
}
