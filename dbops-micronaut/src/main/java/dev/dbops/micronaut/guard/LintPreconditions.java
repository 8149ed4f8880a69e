package dev.dbops.micronaut.guard;

import dev.dbops.ErrorCode;
import dev.dbops.lint.MigrationLinter;
import dev.dbops.lint.Severity;
import dev.dbops.micronaut.config.GuardSettings;
import dev.dbops.micronaut.config.LintSettings;
import dev.dbops.runtime.MonitorDatabase;
import dev.dbops.runtime.PendingMigrationLint;
import io.micronaut.context.BeanLocator;
import io.micronaut.inject.qualifiers.Qualifiers;
import java.util.Collection;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the Flyway and Liquibase lints share, apart so that neither loads the other tool's classes. */
final class LintPreconditions {

    private static final Logger LOG = LoggerFactory.getLogger(LintPreconditions.class);

    private LintPreconditions() {
    }

    /**
     * Skips the lint with a warning when {@code dbops.guard.on-unavailable=warn}, else stops the startup naming the
     * database without credentials.
     */
    static void unavailable(String name, MonitorDatabase database, GuardSettings guard, Exception e) {
        if (guard.getOnUnavailable() == GuardSettings.OnUnavailable.WARN) {
            LOG.warn("dbops skipped the lint of pending migrations (dbops.guard.on-unavailable=warn): the database {}"
                    + " could not be reached at startup: {}", database.location(), e.getMessage());
            return;
        }
        throw new DbopsStartupException(ErrorCode.CONNECTION_FAILED, "dbops could not reach the database "
                + database.location() + " to lint its pending migrations: " + e.getMessage(),
                "Check that the database is running and reachable from here (host, port, network, datasources." + name
                        + ".url). To start without the check while it is down, set dbops.guard.on-unavailable=warn.", e);
    }

    /** The lint of a datasource's pending migrations: its {@code dbops.guard.lint.*} and the linter that wins. */
    static PendingMigrationLint lint(LintSettings settings, Optional<MigrationLinter> linter) {
        Optional<Severity> failOn = switch (settings.getFailOn()) {
            case ERROR -> Optional.of(Severity.ERROR);
            case WARNING -> Optional.of(Severity.WARNING);
            case NEVER -> Optional.empty();
        };
        return new PendingMigrationLint(new PendingMigrationLint.Settings(failOn,
                Optional.ofNullable(settings.getPgVersion()), settings.getIgnoreRules(),
                settings.isLockTimeoutConfigured(), settings.isStatementTimeoutConfigured()), linter,
                DbopsStartupException::new);
    }

    /** The application's own linter for the datasource: one named after it, else the only one. */
    static Optional<MigrationLinter> linter(BeanLocator beans, String name) {
        Optional<MigrationLinter> named = beans.findBean(MigrationLinter.class, Qualifiers.byName(name));
        if (named.isPresent()) {
            return named;
        }
        Collection<MigrationLinter> all = beans.getBeansOfType(MigrationLinter.class);
        return all.size() == 1 ? Optional.of(all.iterator().next()) : Optional.empty();
    }
}
