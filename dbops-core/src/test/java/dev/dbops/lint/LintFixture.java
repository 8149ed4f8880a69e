package dev.dbops.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the real linter on SQL written in a test and returns one rule's violations: the shared way
 * rule tests lint, so that every rule is exercised through the parser, the transaction tracking and
 * the suppressions exactly as users run it.
 */
public final class LintFixture {

    private final String ruleId;
    private final int pgVersion;
    private final List<MigrationScript> scripts = new ArrayList<>();
    private boolean lockTimeoutConfigured;

    private LintFixture(String ruleId, int pgVersion) {
        this.ruleId = ruleId;
        this.pgVersion = pgVersion;
    }

    /** Lints for {@code ruleId} against PostgreSQL {@link MigrationLinter#DEFAULT_PG_VERSION}. */
    public static LintFixture rule(String ruleId) {
        return new LintFixture(ruleId, MigrationLinter.DEFAULT_PG_VERSION);
    }

    /** The same rule against another PostgreSQL major version. */
    public LintFixture onPostgres(int majorVersion) {
        LintFixture copy = new LintFixture(ruleId, majorVersion);
        copy.scripts.addAll(scripts);
        copy.lockTimeoutConfigured = lockTimeoutConfigured;
        return copy;
    }

    /** Treats {@code lock_timeout} as configured for the tool. */
    public LintFixture withLockTimeoutConfigured() {
        lockTimeoutConfigured = true;
        return this;
    }

    /** Adds an earlier migration that the tool runs in a transaction (Flyway's default). */
    public LintFixture after(String earlierMigrationSql) {
        scripts.add(new MigrationScript("V" + (scripts.size() + 1) + "__earlier.sql", earlierMigrationSql, 1, true,
                Optional.empty()));
        return this;
    }

    /** Violations of the rule when {@code sql} runs as a migration inside the tool's transaction. */
    public List<Violation> inTransaction(String sql) {
        return lint(sql, true);
    }

    /** Violations of the rule when {@code sql} runs statement by statement, outside any tool transaction. */
    public List<Violation> outsideTransaction(String sql) {
        return lint(sql, false);
    }

    /** The whole report when {@code sql} runs inside the tool's transaction. */
    public LintReport report(String sql, boolean transactional) {
        List<MigrationScript> all = new ArrayList<>(scripts);
        all.add(new MigrationScript("V" + (scripts.size() + 1) + "__tested.sql", sql, 1, transactional,
                Optional.empty()));
        return MigrationLinter.builder().pgVersion(pgVersion).lockTimeoutConfigured(lockTimeoutConfigured).build()
                .lint(all, List.of());
    }

    private List<Violation> lint(String sql, boolean transactional) {
        return report(sql, transactional).violations().stream().filter(v -> v.ruleId().equals(ruleId)).toList();
    }
}
