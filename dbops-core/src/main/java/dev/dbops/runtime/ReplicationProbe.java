package dev.dbops.runtime;

import dev.dbops.audit.AuditReport;
import dev.dbops.audit.DatabaseAudit;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;

/**
 * Reads replication lag on demand, on a connection of dbops's own: on a primary, its replicas'; on a replica, its
 * own. The audit's {@code replication-lag} check does the reading; the thresholds are its.
 */
public final class ReplicationProbe {

    private final MonitorDatabase database;
    private final DatabaseAudit audit;
    private final Duration connectTimeout;

    /**
     * Creates the probe.
     *
     * @param database where to connect
     * @param audit an audit of the replication checks only, with the lag thresholds
     * @param connectTimeout the connect and login timeout of the probe's connection
     */
    public ReplicationProbe(MonitorDatabase database, DatabaseAudit audit, Duration connectTimeout) {
        this.database = Objects.requireNonNull(database, "database");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    /**
     * Runs the check: in at most about the connect timeout plus the audit's statement timeout.
     *
     * @throws dev.dbops.DbopsException when the database cannot be reached
     */
    public AuditReport check() {
        try (Connection connection = database.open(connectTimeout)) {
            return audit.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("closing the replication probe's connection failed: " + e.getMessage(), e);
        }
    }
}
