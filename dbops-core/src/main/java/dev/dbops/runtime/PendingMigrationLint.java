package dev.dbops.runtime;

import dev.dbops.ErrorCode;
import dev.dbops.lint.LintFormat;
import dev.dbops.lint.LintReport;
import dev.dbops.lint.MigrationLinter;
import dev.dbops.lint.Severity;
import dev.dbops.migration.MigrationSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lint half of the startup guard: lints the pending migrations, in run order, and applies
 * {@code dbops.guard.lint.fail-on}. Called just before the migration tool runs them.
 *
 * <p>Only the pending migrations are linted: a table created by an applied migration exists in the live
 * database and is in use, so the lock rules apply to it; a table created by an earlier pending migration is new,
 * and they do not.
 */
public final class PendingMigrationLint {

    private static final Logger LOG = LoggerFactory.getLogger(PendingMigrationLint.class);

    private final Settings settings;
    private final Optional<MigrationLinter> linter;
    private final StartupFailure failure;

    /**
     * {@code dbops.guard.lint.*}, as the framework module read it.
     *
     * @param failOn the lowest severity that stops the startup, empty for {@code never}
     * @param pgVersion the PostgreSQL version whose rules apply, empty for the server's (within the linter's range)
     * @param ignoreRules the rules not to apply
     * @param lockTimeoutConfigured whether the migrations run with a lock timeout set outside them
     * @param statementTimeoutConfigured whether they run with a statement timeout set outside them
     */
    public record Settings(Optional<Severity> failOn, Optional<Integer> pgVersion, List<String> ignoreRules,
            boolean lockTimeoutConfigured, boolean statementTimeoutConfigured) {

        /** Checks that nothing is null; the rules are copied. */
        public Settings {
            Objects.requireNonNull(failOn, "failOn");
            Objects.requireNonNull(pgVersion, "pgVersion");
            ignoreRules = List.copyOf(ignoreRules);
        }
    }

    /** Makes the exception that stops the startup, of the framework's own type. */
    @FunctionalInterface
    public interface StartupFailure {

        /** The exception for this code, with what happened and what to do. */
        RuntimeException of(ErrorCode code, String description, String action);
    }

    /**
     * Creates the check.
     *
     * @param settings {@code dbops.guard.lint.*}
     * @param linter the application's own {@link MigrationLinter} bean, which wins over the settings' rules,
     *     version and timeouts
     * @param failure makes the exception that stops the startup
     */
    public PendingMigrationLint(Settings settings, Optional<MigrationLinter> linter, StartupFailure failure) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.linter = Objects.requireNonNull(linter, "linter");
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    /**
     * Lints the pending migrations and stops the startup when a violation reaches the threshold.
     *
     * @param pending the pending migrations, in run order, with the problems of their files
     * @param serverMajor the major version of the server they are about to run on
     * @return the report about the pending migrations
     * @throws RuntimeException the {@link StartupFailure}'s, with {@link ErrorCode#UNSAFE_MIGRATION}, when a
     *     violation reaches {@code dbops.guard.lint.fail-on}
     */
    public LintReport check(MigrationSet pending, int serverMajor) {
        MigrationLinter effective = linter.orElseGet(() -> build(serverMajor));
        int count = pending.migrations().size();
        LintReport report = effective.lint(pending);
        report.problems().forEach(p -> LOG.warn("dbops could not lint a pending migration: {}", p));
        int failing = settings.failOn().map(t -> report.violationsAtLeast(t).size()).orElse(0);
        if (failing > 0) {
            throw failure.of(ErrorCode.UNSAFE_MIGRATION, "dbops stopped the startup before "
                    + count + (count == 1 ? " pending migration" : " pending migrations")
                    + " ran: " + failing + (failing == 1 ? " lint violation" : " lint violations") + " at or above "
                    + settings.failOn().get().name().toLowerCase(Locale.ROOT) + " (rules of PostgreSQL "
                    + report.pgVersion() + "); nothing was migrated.\n\n" + LintFormat.TEXT.render(report),
                    "Rewrite each statement in its safe form (the fix is shown under it), or, where it is safe in your"
                            + " situation, suppress it next to the statement with -- dbops:ignore <rule> <reason>."
                            + " To run the migrations anyway, set dbops.guard.lint.fail-on=never (or warning/error).");
        }
        if (!report.violations().isEmpty()) {
            LOG.warn("dbops lint of the pending migrations:\n{}", LintFormat.TEXT.render(report));
        } else {
            LOG.info("dbops lint: no violations in {} pending migration(s)", count);
        }
        return report;
    }

    private MigrationLinter build(int serverMajor) {
        int version = settings.pgVersion().orElseGet(
                () -> Math.max(MigrationLinter.MIN_PG_VERSION, Math.min(MigrationLinter.MAX_PG_VERSION, serverMajor)));
        return MigrationLinter.builder().pgVersion(version).ignoreRules(settings.ignoreRules())
                .lockTimeoutConfigured(settings.lockTimeoutConfigured())
                .statementTimeoutConfigured(settings.statementTimeoutConfigured()).build();
    }
}
