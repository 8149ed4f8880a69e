package dev.dbops.spring.autoconfigure;

import dev.dbops.drift.DriftLevel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code dbops.guard.*}: the startup guard around Flyway's or Liquibase's migrations. */
public class GuardProperties {

    /** Whether the startup guard runs: the lint before migrations and the drift check after them. */
    private boolean enabled = true;

    /**
     * What to do when the database cannot be reached by the guard at startup: fail the startup, or log a
     * warning and skip the check (the drift health then reports that it was not checked).
     */
    private OnUnavailable onUnavailable = OnUnavailable.FAIL;

    /**
     * Migration locations to check (Flyway locations or a Liquibase changelog), when they are not the
     * migration tool's own: by default those of the Flyway or Liquibase bean, else classpath:db/migration.
     */
    private List<String> locations = new ArrayList<>();

    /** The lint of pending migrations, before Flyway or Liquibase runs them. */
    private final Lint lint = new Lint();

    /** The drift check, after the migrations ran (or instead of them, when the application only validates). */
    private final Drift drift = new Drift();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public OnUnavailable getOnUnavailable() {
        return onUnavailable;
    }

    public void setOnUnavailable(OnUnavailable onUnavailable) {
        this.onUnavailable = onUnavailable;
    }

    public List<String> getLocations() {
        return locations;
    }

    public void setLocations(List<String> locations) {
        this.locations = locations;
    }

    public Lint getLint() {
        return lint;
    }

    public Drift getDrift() {
        return drift;
    }

    /** What the guard does when the database cannot be reached. */
    public enum OnUnavailable {
        /** Fail the startup, naming the URL (without credentials). */
        FAIL,
        /** Log a warning and start without the check. */
        WARN
    }

    /** From which severity a lint violation of a pending migration stops the startup. */
    public enum FailOn {
        /** Errors stop it; warnings are logged. */
        ERROR,
        /** Errors and warnings stop it. */
        WARNING,
        /** Nothing stops it; violations are logged. */
        NEVER
    }

    /** What a drift the guard's policy fails on does to the startup. */
    public enum DriftMode {
        /** The startup fails with a report of each difference. */
        FAIL,
        /** The report is logged as a warning and the application starts. */
        WARN,
        /** No drift check at startup. */
        OFF
    }

    /** {@code dbops.guard.lint.*}. */
    public static class Lint {

        /** Whether pending migrations are linted before they run. */
        private boolean enabled = true;

        /** From which severity a violation in a pending migration stops the startup before it runs. */
        private FailOn failOn = FailOn.ERROR;

        /**
         * The PostgreSQL major version the rules assume (12 to 18); by default the major version of the
         * server the migrations are about to run on.
         */
        private Integer pgVersion;

        /** Lint rules not to run, by id (see docs/rules/). */
        private List<String> ignoreRules = new ArrayList<>();

        /**
         * Whether lock_timeout is set for every migration outside the SQL (the role, Flyway's init SQL), which
         * satisfies require-lock-timeout.
         */
        private boolean lockTimeoutConfigured = false;

        /**
         * Whether statement_timeout is set for every migration outside the SQL; satisfies require-statement-
         * timeout.
         */
        private boolean statementTimeoutConfigured = false;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public FailOn getFailOn() {
            return failOn;
        }

        public void setFailOn(FailOn failOn) {
            this.failOn = failOn;
        }

        public Integer getPgVersion() {
            return pgVersion;
        }

        public void setPgVersion(Integer pgVersion) {
            this.pgVersion = pgVersion;
        }

        public List<String> getIgnoreRules() {
            return ignoreRules;
        }

        public void setIgnoreRules(List<String> ignoreRules) {
            this.ignoreRules = ignoreRules;
        }

        public boolean isLockTimeoutConfigured() {
            return lockTimeoutConfigured;
        }

        public void setLockTimeoutConfigured(boolean lockTimeoutConfigured) {
            this.lockTimeoutConfigured = lockTimeoutConfigured;
        }

        public boolean isStatementTimeoutConfigured() {
            return statementTimeoutConfigured;
        }

        public void setStatementTimeoutConfigured(boolean statementTimeoutConfigured) {
            this.statementTimeoutConfigured = statementTimeoutConfigured;
        }
    }

    /** {@code dbops.guard.drift.*}. */
    public static class Drift {

        /** Whether drift stops the startup, is only logged, or is not checked at startup. */
        private DriftMode mode = DriftMode.FAIL;

        /**
         * From which level a history finding fails the guard: drift (edited, renamed, missing, failed
         * migrations) or warning (also out-of-order and future migrations). Schema differences always fail.
         */
        private DriftLevel failOn = DriftLevel.DRIFT;

        /**
         * The committed schema snapshot to compare the live schema with (a Spring resource location, written by
         * dbops inspect).
         */
        private String snapshot = "classpath:db/dbops-snapshot.json";

        /**
         * Replay the migrations on this shadow server instead of comparing with the snapshot: embedded,
         * embedded:17, or the URL of a server whose user may create databases. The snapshot stays the
         * fallback when the replay cannot run.
         */
        private String shadow;

        /** The schema unqualified names in the migrations live in. */
        private String defaultSchema = "public";

        /** Objects left out of the comparison, as schema.name patterns with * wildcards. */
        private List<String> ignoreObjects = new ArrayList<>();

        /** Whether object owners are compared (a snapshot's or shadow's owner rarely matches production's). */
        private boolean compareOwners = false;

        /**
         * Whether a changed checksum is explained from the file's git history, when the application runs in a work
         * tree.
         */
        private boolean gitHistory = true;

        /** The statement_timeout of the drift check's queries on the live database. */
        private Duration statementTimeout = Duration.ofSeconds(60);

        /** The lock_timeout of the drift check's queries on the live database. */
        private Duration lockTimeout = Duration.ofSeconds(5);

        /**
         * Where the reconciliation migration is written when drift is found (a directory, created when
         * missing); by default dbops-reconciliation in the system's temporary directory.
         */
        private Path reconciliationDirectory;

        public DriftMode getMode() {
            return mode;
        }

        public void setMode(DriftMode mode) {
            this.mode = mode;
        }

        public DriftLevel getFailOn() {
            return failOn;
        }

        public void setFailOn(DriftLevel failOn) {
            this.failOn = failOn;
        }

        public String getSnapshot() {
            return snapshot;
        }

        public void setSnapshot(String snapshot) {
            this.snapshot = snapshot;
        }

        public String getShadow() {
            return shadow;
        }

        public void setShadow(String shadow) {
            this.shadow = shadow;
        }

        public String getDefaultSchema() {
            return defaultSchema;
        }

        public void setDefaultSchema(String defaultSchema) {
            this.defaultSchema = defaultSchema;
        }

        public List<String> getIgnoreObjects() {
            return ignoreObjects;
        }

        public void setIgnoreObjects(List<String> ignoreObjects) {
            this.ignoreObjects = ignoreObjects;
        }

        public boolean isCompareOwners() {
            return compareOwners;
        }

        public void setCompareOwners(boolean compareOwners) {
            this.compareOwners = compareOwners;
        }

        public boolean isGitHistory() {
            return gitHistory;
        }

        public void setGitHistory(boolean gitHistory) {
            this.gitHistory = gitHistory;
        }

        public Duration getStatementTimeout() {
            return statementTimeout;
        }

        public void setStatementTimeout(Duration statementTimeout) {
            this.statementTimeout = statementTimeout;
        }

        public Duration getLockTimeout() {
            return lockTimeout;
        }

        public void setLockTimeout(Duration lockTimeout) {
            this.lockTimeout = lockTimeout;
        }

        public Path getReconciliationDirectory() {
            return reconciliationDirectory;
        }

        public void setReconciliationDirectory(Path reconciliationDirectory) {
            this.reconciliationDirectory = reconciliationDirectory;
        }
    }
}
