package dev.dbops.micronaut.config;

import dev.dbops.drift.DriftLevel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code dbops.guard.drift.*}: the drift check after the migrations ran (or instead of them, when the
 * application only validates).
 */
public class DriftSettings {

    /** What a drift the guard's policy fails on does to the startup. */
    public enum Mode {
        /** The startup fails with a report of each difference. */
        FAIL,
        /** The report is logged as a warning and the application starts. */
        WARN,
        /** No drift check at startup. */
        OFF
    }

    private Mode mode = Mode.FAIL;
    private DriftLevel failOn = DriftLevel.DRIFT;
    private String snapshot = "classpath:db/dbops-snapshot.json";
    private String shadow;
    private String defaultSchema = "public";
    private List<String> ignoreObjects = new ArrayList<>();
    private boolean compareOwners = false;
    private boolean gitHistory = true;
    private Duration statementTimeout = Duration.ofSeconds(60);
    private Duration lockTimeout = Duration.ofSeconds(5);
    private Path reconciliationDirectory;

    /** Settings with the defaults. */
    public DriftSettings() {
    }

    /** A copy of {@code other}, which a datasource's own settings then override. */
    public DriftSettings(DriftSettings other) {
        this.mode = other.mode;
        this.failOn = other.failOn;
        this.snapshot = other.snapshot;
        this.shadow = other.shadow;
        this.defaultSchema = other.defaultSchema;
        this.ignoreObjects = new ArrayList<>(other.ignoreObjects);
        this.compareOwners = other.compareOwners;
        this.gitHistory = other.gitHistory;
        this.statementTimeout = other.statementTimeout;
        this.lockTimeout = other.lockTimeout;
        this.reconciliationDirectory = other.reconciliationDirectory;
    }

    /** Whether drift stops the startup, is only logged, or is not checked at startup. */
    public Mode getMode() {
        return mode;
    }

    /** Whether drift stops the startup, is only logged, or is not checked at startup (default fail). */
    public void setMode(Mode mode) {
        this.mode = mode;
    }

    /** From which level a history finding fails the guard. */
    public DriftLevel getFailOn() {
        return failOn;
    }

    /**
     * From which level a history finding fails the guard: drift (edited, renamed, missing, failed migrations) or
     * warning (also out-of-order and future migrations). Schema differences always fail (default drift).
     */
    public void setFailOn(DriftLevel failOn) {
        this.failOn = failOn;
    }

    /** The committed schema snapshot to compare the live schema with. */
    public String getSnapshot() {
        return snapshot;
    }

    /**
     * The committed schema snapshot to compare the live schema with, written by {@code dbops inspect}: a
     * {@code classpath:} or {@code file:} location (default classpath:db/dbops-snapshot.json).
     */
    public void setSnapshot(String snapshot) {
        this.snapshot = snapshot;
    }

    /** The shadow server the migrations are replayed on instead of comparing with the snapshot; null for none. */
    public String getShadow() {
        return shadow;
    }

    /**
     * Replay the migrations on this shadow server instead of comparing with the snapshot: embedded, embedded:17,
     * or the URL of a server whose user may create databases. The snapshot stays the fallback when the replay
     * cannot run.
     */
    public void setShadow(String shadow) {
        this.shadow = shadow;
    }

    /** The schema unqualified names in the migrations live in. */
    public String getDefaultSchema() {
        return defaultSchema;
    }

    /** The schema unqualified names in the migrations live in (default public). */
    public void setDefaultSchema(String defaultSchema) {
        this.defaultSchema = defaultSchema;
    }

    /** Objects left out of the comparison. */
    public List<String> getIgnoreObjects() {
        return ignoreObjects;
    }

    /** Objects left out of the comparison, as schema.name patterns with * wildcards. */
    public void setIgnoreObjects(List<String> ignoreObjects) {
        this.ignoreObjects = new ArrayList<>(ignoreObjects);
    }

    /** Whether object owners are compared. */
    public boolean isCompareOwners() {
        return compareOwners;
    }

    /** Whether object owners are compared; a snapshot's or shadow's owner rarely matches production's (default false). */
    public void setCompareOwners(boolean compareOwners) {
        this.compareOwners = compareOwners;
    }

    /** Whether a changed checksum is explained from the file's git history. */
    public boolean isGitHistory() {
        return gitHistory;
    }

    /**
     * Whether a changed checksum is explained from the file's git history, when the application runs in a work
     * tree (default true).
     */
    public void setGitHistory(boolean gitHistory) {
        this.gitHistory = gitHistory;
    }

    /** The statement_timeout of the drift check's queries on the live database. */
    public Duration getStatementTimeout() {
        return statementTimeout;
    }

    /** The statement_timeout of the drift check's queries on the live database (default 60s). */
    public void setStatementTimeout(Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
    }

    /** The lock_timeout of the drift check's queries on the live database. */
    public Duration getLockTimeout() {
        return lockTimeout;
    }

    /** The lock_timeout of the drift check's queries on the live database (default 5s). */
    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    /** Where the reconciliation migration is written when drift is found; null for the default. */
    public Path getReconciliationDirectory() {
        return reconciliationDirectory;
    }

    /**
     * Where the reconciliation migration is written when drift is found (a directory, created when missing); by
     * default dbops-reconciliation in the system's temporary directory.
     */
    public void setReconciliationDirectory(Path reconciliationDirectory) {
        this.reconciliationDirectory = reconciliationDirectory;
    }
}
