package dev.dbops.micronaut.config;

import java.util.ArrayList;
import java.util.List;

/** {@code dbops.guard.lint.*}: the lint of pending migrations, before the migration tool runs them. */
public class LintSettings {

    /** From which severity a lint violation of a pending migration stops the startup. */
    public enum FailOn {
        /** Errors stop it; warnings are logged. */
        ERROR,
        /** Errors and warnings stop it. */
        WARNING,
        /** Nothing stops it; violations are logged. */
        NEVER
    }

    private boolean enabled = true;
    private FailOn failOn = FailOn.ERROR;
    private Integer pgVersion;
    private List<String> ignoreRules = new ArrayList<>();
    private boolean lockTimeoutConfigured = false;
    private boolean statementTimeoutConfigured = false;

    /** Settings with the defaults. */
    public LintSettings() {
    }

    /** A copy of {@code other}, which a datasource's own settings then override. */
    public LintSettings(LintSettings other) {
        this.enabled = other.enabled;
        this.failOn = other.failOn;
        this.pgVersion = other.pgVersion;
        this.ignoreRules = new ArrayList<>(other.ignoreRules);
        this.lockTimeoutConfigured = other.lockTimeoutConfigured;
        this.statementTimeoutConfigured = other.statementTimeoutConfigured;
    }

    /** Whether pending migrations are linted before they run. */
    public boolean isEnabled() {
        return enabled;
    }

    /** Whether pending migrations are linted before they run (default true). */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** From which severity a violation in a pending migration stops the startup before it runs. */
    public FailOn getFailOn() {
        return failOn;
    }

    /** From which severity a violation in a pending migration stops the startup before it runs (default error). */
    public void setFailOn(FailOn failOn) {
        this.failOn = failOn;
    }

    /** The PostgreSQL major version the rules assume; null for the server's. */
    public Integer getPgVersion() {
        return pgVersion;
    }

    /**
     * The PostgreSQL major version the rules assume (12 to 18); by default the major version of the server the
     * migrations are about to run on.
     */
    public void setPgVersion(Integer pgVersion) {
        this.pgVersion = pgVersion;
    }

    /** Lint rules not to run, by id. */
    public List<String> getIgnoreRules() {
        return ignoreRules;
    }

    /** Lint rules not to run, by id (see docs/rules/). */
    public void setIgnoreRules(List<String> ignoreRules) {
        this.ignoreRules = new ArrayList<>(ignoreRules);
    }

    /** Whether lock_timeout is set for every migration outside the SQL. */
    public boolean isLockTimeoutConfigured() {
        return lockTimeoutConfigured;
    }

    /**
     * Whether lock_timeout is set for every migration outside the SQL (the role, Flyway's init SQL), which
     * satisfies require-lock-timeout (default false).
     */
    public void setLockTimeoutConfigured(boolean lockTimeoutConfigured) {
        this.lockTimeoutConfigured = lockTimeoutConfigured;
    }

    /** Whether statement_timeout is set for every migration outside the SQL. */
    public boolean isStatementTimeoutConfigured() {
        return statementTimeoutConfigured;
    }

    /**
     * Whether statement_timeout is set for every migration outside the SQL; satisfies require-statement-timeout
     * (default false).
     */
    public void setStatementTimeoutConfigured(boolean statementTimeoutConfigured) {
        this.statementTimeoutConfigured = statementTimeoutConfigured;
    }
}
