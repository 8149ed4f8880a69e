package dev.dbops.audit;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresConnector;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audits a PostgreSQL database for what degrades it over time: missing, unused, duplicate, invalid
 * and bloated indexes; tables without keys, bloat, stale statistics, vacuum debt and exhausted
 * sequences; wraparound; long, idle and horizon-holding sessions and connection use; replication lag,
 * idle slots and archiving; slow and regressed statements and the cache hit ratio.
 *
 * <p>Every check runs its own version-gated catalog and statistics queries (PostgreSQL 12–18) in a
 * short {@code READ ONLY} transaction with {@code statement_timeout} and {@code lock_timeout}, and
 * takes no lock on a user table except the momentary ACCESS SHARE that {@code pgstattuple_approx}
 * needs when that extension is installed. A check that cannot run (a missing privilege, a timeout)
 * is reported as failed; the others still run.
 *
 * <pre>{@code
 * DatabaseAudit audit = DatabaseAudit.builder()
 *         .only("indexes", "idle-in-transaction")
 *         .thresholds(AuditThresholds.builder().set("idle-in-transaction-warning", "30s").build())
 *         .build();
 * try (Connection connection = dataSource.getConnection()) {
 *     AuditReport report = audit.run(connection);
 *     report.findingsAtLeast(AuditSeverity.WARNING).forEach(f -> log.warn("{}", f.message()));
 * }
 * }</pre>
 */
public final class DatabaseAudit {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseAudit.class);

    private final Set<AuditCheck> checks;
    private final AuditThresholds thresholds;
    private final Duration statementTimeout;
    private final Duration lockTimeout;
    private final Set<String> includeSchemas;
    private final Set<String> excludeSchemas;
    private final Optional<QueryStatsSample> baseline;

    private DatabaseAudit(Builder builder, Set<AuditCheck> checks) {
        this.checks = Set.copyOf(checks);
        this.thresholds = builder.thresholds;
        this.statementTimeout = builder.statementTimeout;
        this.lockTimeout = builder.lockTimeout;
        this.includeSchemas = Set.copyOf(builder.includeSchemas);
        this.excludeSchemas = Set.copyOf(builder.excludeSchemas);
        this.baseline = builder.baseline;
    }

    /** Starts configuring an audit; the defaults run every check with the default thresholds. */
    public static Builder builder() {
        return new Builder();
    }

    /** The checks this audit runs. */
    public Set<AuditCheck> checks() {
        Set<AuditCheck> copy = EnumSet.noneOf(AuditCheck.class);
        copy.addAll(checks);
        return copy;
    }

    /**
     * Audits the database the connection is attached to.
     *
     * @param connection a connection in auto-commit mode; it is left in auto-commit mode
     * @throws DbopsException with {@link ErrorCode#UNSUPPORTED_SERVER_VERSION} before PostgreSQL 12,
     *     {@link ErrorCode#INVALID_CONFIGURATION} for a connection inside a transaction, or
     *     {@link ErrorCode#INSPECTION_FAILED} when the server cannot be read at all
     */
    public AuditReport run(Connection connection) {
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        AuditSession session = open(connection);
        List<CheckOutcome> outcomes = new ArrayList<>();
        List<AuditFinding> findings = new ArrayList<>();
        for (AuditCheck id : AuditCheck.values()) {
            if (checks.contains(id)) {
                outcomes.add(run(Checks.of(id), session, findings));
            }
        }
        findings.sort(Comparator.comparing((AuditFinding finding) -> finding.severity()).reversed()
                .thenComparing(AuditFinding::check).thenComparing(AuditFinding::object));
        Duration duration = Duration.ofNanos(System.nanoTime() - started);
        LOG.debug("audited {} in {} ms: {} findings, {} checks failed", session.database(), duration.toMillis(),
                findings.size(), outcomes.stream().filter(o -> o.status() == CheckOutcome.Status.FAILED).count());
        return new AuditReport(session.database(), session.version(), session.versionNum(), session.inRecovery(),
                startedAt, duration, outcomes, findings);
    }

    /** Audits a database through a connection borrowed from the data source and returned at once. */
    public AuditReport run(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return run(connection);
        } catch (SQLException e) {
            throw new DbopsException(ErrorCode.CONNECTION_FAILED, "cannot get a connection to audit: " + e.getMessage()
                    + " — check the data source", e);
        }
    }

    /**
     * Reads the current {@code pg_stat_statements} counters of the connection's database, to save as
     * a baseline for {@link Builder#queryBaseline(QueryStatsSample)}.
     *
     * @throws DbopsException with {@link ErrorCode#INSPECTION_FAILED} when pg_stat_statements cannot be read
     */
    public QueryStatsSample captureQueryStats(Connection connection) {
        AuditSession session = open(connection);
        Optional<String> unavailable = QueryStatsReader.unavailable(session);
        if (unavailable.isPresent()) {
            throw new DbopsException(ErrorCode.INSPECTION_FAILED, "cannot sample query statistics: " + unavailable.get());
        }
        try {
            session.begin();
            try {
                return new QueryStatsSample(Instant.now(), session.database(), session.versionNum(),
                        QueryStatsReader.read(session));
            } finally {
                session.end();
            }
        } catch (SQLException e) {
            throw new DbopsException(ErrorCode.INSPECTION_FAILED, "reading pg_stat_statements failed: "
                    + CheckFailures.describe(e, statementTimeout, lockTimeout), e);
        } catch (CheckSkipped e) {
            throw new DbopsException(ErrorCode.INSPECTION_FAILED, "cannot sample query statistics: " + e.getMessage());
        }
    }

    private AuditSession open(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                throw new DbopsException(ErrorCode.INVALID_CONFIGURATION, "the connection given to DatabaseAudit is"
                        + " inside a transaction; the audit runs each check in its own read-only transaction — pass a"
                        + " connection in auto-commit mode");
            }
            int versionNum = PostgresConnector.requireSupportedVersion(connection);
            AuditSession session = new AuditSession(connection, thresholds, statementTimeout, lockTimeout,
                    schema -> (includeSchemas.isEmpty() || includeSchemas.contains(schema))
                            && !excludeSchemas.contains(schema), baseline);
            session.readServer(versionNum);
            return session;
        } catch (SQLException e) {
            throw new DbopsException(ErrorCode.INSPECTION_FAILED, "cannot read the server's settings to audit it: "
                    + CheckFailures.describe(e, statementTimeout, lockTimeout), e);
        }
    }

    private CheckOutcome run(Check check, AuditSession session, List<AuditFinding> findings) {
        long started = System.nanoTime();
        Optional<String> skip = check.skipReason(session);
        if (skip.isPresent()) {
            return new CheckOutcome(check.id(), CheckOutcome.Status.SKIPPED, 0, skip.get(), since(started));
        }
        try {
            session.begin();
            try {
                List<AuditFinding> found = check.run(session);
                findings.addAll(found);
                return new CheckOutcome(check.id(), CheckOutcome.Status.RAN, found.size(), "", since(started));
            } finally {
                session.end();
            }
        } catch (CheckSkipped e) {
            return new CheckOutcome(check.id(), CheckOutcome.Status.SKIPPED, 0, e.getMessage(), since(started));
        } catch (SQLException e) {
            CheckFailures.requireUsable(session.connection(), e);
            String detail = CheckFailures.describe(e, statementTimeout, lockTimeout);
            LOG.warn("audit check {} failed: {}", check.id().id(), detail);
            return new CheckOutcome(check.id(), CheckOutcome.Status.FAILED, 0, detail, since(started));
        }
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Configures a {@link DatabaseAudit}; {@link #build()} reports every invalid option at once. */
    public static final class Builder {

        private final Set<String> only = new LinkedHashSet<>();
        private final Set<String> skip = new LinkedHashSet<>();
        private AuditThresholds thresholds = AuditThresholds.defaults();
        private Duration statementTimeout = Duration.ofSeconds(30);
        private Duration lockTimeout = Duration.ofSeconds(1);
        private final Set<String> includeSchemas = new LinkedHashSet<>();
        private final Set<String> excludeSchemas = new LinkedHashSet<>();
        private Optional<QueryStatsSample> baseline = Optional.empty();

        private Builder() {
        }

        /** Runs only these checks; each is a check id ({@code unused-index}) or a category ({@code indexes}). */
        public Builder only(String... checksOrCategories) {
            only.addAll(List.of(checksOrCategories));
            return this;
        }

        /** Runs only these checks. */
        public Builder only(AuditCheck... checks) {
            for (AuditCheck check : checks) {
                only.add(check.id());
            }
            return this;
        }

        /** Leaves these checks out; each is a check id or a category. */
        public Builder skip(String... checksOrCategories) {
            skip.addAll(List.of(checksOrCategories));
            return this;
        }

        /** The thresholds (default {@link AuditThresholds#defaults()}). */
        public Builder thresholds(AuditThresholds thresholds) {
            this.thresholds = thresholds;
            return this;
        }

        /** The {@code statement_timeout} of each check's queries (default 30 s). */
        public Builder statementTimeout(Duration timeout) {
            this.statementTimeout = timeout;
            return this;
        }

        /** The {@code lock_timeout} of each check's queries (default 1 s): the audit never queues behind DDL for long. */
        public Builder lockTimeout(Duration timeout) {
            this.lockTimeout = timeout;
            return this;
        }

        /** Audits only objects in these schemas (default: every schema but the system ones); sessions are server-wide. */
        public Builder includeSchemas(String... schemas) {
            includeSchemas.addAll(List.of(schemas));
            return this;
        }

        /** Leaves out objects in these schemas. */
        public Builder excludeSchemas(String... schemas) {
            excludeSchemas.addAll(List.of(schemas));
            return this;
        }

        /** A saved {@code pg_stat_statements} sample to compare with, for {@link AuditCheck#QUERY_REGRESSION}. */
        public Builder queryBaseline(QueryStatsSample sample) {
            this.baseline = Optional.of(sample);
            return this;
        }

        /**
         * Builds the audit.
         *
         * @throws DbopsException with {@link ErrorCode#INVALID_CONFIGURATION} listing every invalid option
         */
        public DatabaseAudit build() {
            List<String> problems = new ArrayList<>();
            Set<AuditCheck> selected = only.isEmpty() ? EnumSet.allOf(AuditCheck.class)
                    : CheckSelection.resolve(only, "only", problems);
            selected.removeAll(CheckSelection.resolve(skip, "skip", problems));
            if (thresholds == null) {
                problems.add("thresholds must not be null");
            }
            if (statementTimeout == null || statementTimeout.isNegative() || statementTimeout.isZero()) {
                problems.add("statementTimeout must be positive, was " + statementTimeout);
            }
            if (lockTimeout == null || lockTimeout.isNegative() || lockTimeout.isZero()) {
                problems.add("lockTimeout must be positive, was " + lockTimeout);
            }
            Set<String> both = new LinkedHashSet<>(includeSchemas);
            both.retainAll(excludeSchemas);
            if (!both.isEmpty()) {
                problems.add("schemas both included and excluded: " + both);
            }
            if (!problems.isEmpty()) {
                throw new DbopsException(ErrorCode.INVALID_CONFIGURATION,
                        "invalid DatabaseAudit options: " + String.join("; ", problems));
            }
            return new DatabaseAudit(this, selected);
        }
    }
}
