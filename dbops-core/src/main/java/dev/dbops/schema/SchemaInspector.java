package dev.dbops.schema;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresConnector;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the structure of a PostgreSQL database into a {@link Schema}.
 *
 * <p>All catalog queries run in one {@code READ ONLY}, {@code REPEATABLE READ} transaction, so the
 * result is one consistent picture even while migrations run elsewhere; the transaction sets
 * {@code statement_timeout} and {@code lock_timeout} and is rolled back at the end. There is one
 * set-based query per object kind, never one per object, so the cost grows with the size of the
 * catalog, not with round trips.
 *
 * <pre>{@code
 * SchemaInspector inspector = SchemaInspector.builder().excludeSchemas("audit").build();
 * try (Connection c = dataSource.getConnection()) {
 *     SchemaSnapshot snapshot = inspector.snapshot(c);
 * }
 * }</pre>
 */
public final class SchemaInspector {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaInspector.class);

    private final Set<String> includeSchemas;
    private final Set<String> excludeSchemas;
    private final Duration statementTimeout;
    private final Duration lockTimeout;

    private SchemaInspector(Builder builder) {
        this.includeSchemas = Set.copyOf(builder.includeSchemas);
        this.excludeSchemas = Set.copyOf(builder.excludeSchemas);
        this.statementTimeout = builder.statementTimeout;
        this.lockTimeout = builder.lockTimeout;
    }

    /** Starts configuring an inspector; the defaults read every non-system schema. */
    public static Builder builder() {
        return new Builder();
    }

    /** Reads the structure of the database the connection is attached to. */
    public Schema inspect(Connection connection) {
        return snapshot(connection).schema();
    }

    /**
     * Reads the structure of the database together with the server's version, ready to be written
     * as a snapshot file.
     *
     * @param connection a connection in auto-commit mode; it is left in auto-commit mode
     * @throws DbopsException with {@link ErrorCode#UNSUPPORTED_SERVER_VERSION} for servers older
     *     than PostgreSQL 12, or {@link ErrorCode#INSPECTION_FAILED} when a catalog query fails
     */
    public SchemaSnapshot snapshot(Connection connection) {
        Objects.requireNonNull(connection, "connection");
        try {
            if (!connection.getAutoCommit()) {
                throw new DbopsException(ErrorCode.INVALID_CONFIGURATION,
                        "the connection given to SchemaInspector is inside a transaction; the inspector opens its "
                                + "own read-only snapshot transaction — pass a connection in auto-commit mode");
            }
            return snapshot(connection, SnapshotLanes.primaryOnly());
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Reads on the connection, which is in auto-commit mode, and leaves it in auto-commit mode. */
    private SchemaSnapshot snapshot(Connection connection, SnapshotLanes lanes) throws SQLException {
        long started = System.nanoTime();
        int versionNum = PostgresConnector.requireSupportedVersion(connection);
        connection.setAutoCommit(false);
        try {
            ServerInfo server = begin(connection, versionNum);
            Schema schema = new CatalogReader(connection, server.versionNum(), this::includes, lanes, Optional.empty())
                    .read();
            LOG.debug("inspected {} objects in {} ms", schema.objectCount(), (System.nanoTime() - started) / 1_000_000);
            return new SchemaSnapshot(SchemaSnapshot.FORMAT_VERSION, server, schema);
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    /** Starts the snapshot transaction, sets its timeouts, and reads the version text to record. */
    private ServerInfo begin(Connection connection, int versionNum) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set transaction isolation level repeatable read, read only");
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "select pg_catalog.current_setting('server_version'),"
                        + " pg_catalog.set_config('statement_timeout', ?, true),"
                        + " pg_catalog.set_config('lock_timeout', ?, true),"
                        + " pg_catalog.set_config('search_path', '', true)")) {
            statement.setString(1, statementTimeout.toMillis() + "ms");
            statement.setString(2, lockTimeout.toMillis() + "ms");
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new ServerInfo(versionNum, rs.getString(1).split(" ")[0]);
            }
        }
    }

    private boolean includes(String schema) {
        return (includeSchemas.isEmpty() || includeSchemas.contains(schema)) && !excludeSchemas.contains(schema);
    }

    private DbopsException failure(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String hint = switch (state) {
            case "57014" -> " — the catalog read exceeded statement_timeout (" + statementTimeout.toMillis()
                    + " ms); raise it with SchemaInspector.builder().statementTimeout(…)";
            case "55P03" -> " — a catalog lock was held by another session for longer than lock_timeout ("
                    + lockTimeout.toMillis() + " ms); retry when the DDL that holds it has finished";
            case "42501" -> " — the user lacks a privilege needed to read the catalog; connect as the schema owner";
            default -> "";
        };
        return new DbopsException(ErrorCode.INSPECTION_FAILED,
                "reading the PostgreSQL catalog failed: " + e.getMessage() + hint, e);
    }

    /** Configures a {@link SchemaInspector}. */
    public static final class Builder {

        private final Set<String> includeSchemas = new LinkedHashSet<>();
        private final Set<String> excludeSchemas = new LinkedHashSet<>();
        private Duration statementTimeout = Duration.ofSeconds(60);
        private Duration lockTimeout = Duration.ofSeconds(5);

        private Builder() {
        }

        /** Reads only these schemas (default: every schema except {@code pg_*} and {@code information_schema}). */
        public Builder includeSchemas(String... schemas) {
            includeSchemas.addAll(List.of(schemas));
            return this;
        }

        /** Skips these schemas. */
        public Builder excludeSchemas(String... schemas) {
            excludeSchemas.addAll(List.of(schemas));
            return this;
        }

        /** The {@code statement_timeout} of each catalog query (default 60 s). */
        public Builder statementTimeout(Duration timeout) {
            this.statementTimeout = timeout;
            return this;
        }

        /** The {@code lock_timeout} of each catalog query (default 5 s). */
        public Builder lockTimeout(Duration timeout) {
            this.lockTimeout = timeout;
            return this;
        }

        /**
         * Builds the inspector.
         *
         * @throws DbopsException with {@link ErrorCode#INVALID_CONFIGURATION} listing every invalid option
         */
        public SchemaInspector build() {
            List<String> problems = new ArrayList<>();
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
                        "invalid SchemaInspector options: " + String.join("; ", problems));
            }
            return new SchemaInspector(this);
        }
    }
}
