package dev.dbops.micronaut.guard;

import dev.dbops.ErrorCode;
import dev.dbops.lint.LintFormat;
import dev.dbops.lint.LintReport;
import dev.dbops.lint.MigrationLinter;
import dev.dbops.lint.Severity;
import dev.dbops.micronaut.config.LintSettings;
import dev.dbops.migration.MigrationSet;
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

    private final LintSettings settings;
    private final Optional<MigrationLinter> linter;

    /**
     * Creates the check.
     *
     * @param settings {@code dbops.guard.lint.*}
     * @param linter the application's own {@link MigrationLinter} bean, which wins over the settings' rules,
     *     version and timeouts
     */
    public PendingMigrationLint(LintSettings settings, Optional<MigrationLinter> linter) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.linter = Objects.requireNonNull(linter, "linter");
    }

    /**
     * Lints the pending migrations and stops the startup when a violation reaches the threshold.
     *
     * @param pending the pending migrations, in run order, with the problems of their files
     * @param serverMajor the major version of the server they are about to run on
     * @return the report about the pending migrations
     * @throws DbopsStartupException with {@link ErrorCode#UNSAFE_MIGRATION} when a violation reaches
     *     {@code dbops.guard.lint.fail-on}
     */
    public LintReport check(MigrationSet pending, int serverMajor) {
        MigrationLinter effective = linter.orElseGet(() -> build(serverMajor));
        int count = pending.migrations().size();
        LintReport report = effective.lint(pending);
        report.problems().forEach(p -> LOG.warn("dbops could not lint a pending migration: {}", p));
        Optional<Severity> threshold = switch (settings.getFailOn()) {
            case ERROR -> Optional.of(Severity.ERROR);
            case WARNING -> Optional.of(Severity.WARNING);
            case NEVER -> Optional.empty();
        };
        int failing = threshold.map(t -> report.violationsAtLeast(t).size()).orElse(0);
        if (failing > 0) {
            throw new DbopsStartupException(ErrorCode.UNSAFE_MIGRATION, "dbops stopped the startup before "
                    + count + (count == 1 ? " pending migration" : " pending migrations")
                    + " ran: " + failing + (failing == 1 ? " lint violation" : " lint violations") + " at or above "
                    + settings.getFailOn().name().toLowerCase(Locale.ROOT) + " (rules of PostgreSQL "
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
        int version = settings.getPgVersion() != null ? settings.getPgVersion()
                : Math.max(MigrationLinter.MIN_PG_VERSION, Math.min(MigrationLinter.MAX_PG_VERSION, serverMajor));
        return MigrationLinter.builder().pgVersion(version).ignoreRules(settings.getIgnoreRules())
                .lockTimeoutConfigured(settings.isLockTimeoutConfigured())
                .statementTimeoutConfigured(settings.isStatementTimeoutConfigured()).build();
    }
}
