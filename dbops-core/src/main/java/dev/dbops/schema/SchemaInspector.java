package dev.dbops.schema;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresConnector;
import dev.dbops.postgres.PostgresUrl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
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
 * <p>Given a {@link DataSource} or a {@link PostgresUrl} instead of a connection, the inspector
 * opens up to {@link Builder#connections(int)} connections and spreads the queries over them; the
 * extra connections import the first one's snapshot ({@code pg_export_snapshot} and
 * {@code SET TRANSACTION SNAPSHOT}), so the result is the same single consistent picture.
 *
 * <pre>{@code
 * SchemaInspector inspector = SchemaInspector.builder().excludeSchemas("audit").build();
 * SchemaSnapshot snapshot = inspector.snapshot(dataSource);   // or snapshot(connection) on one connection
 * }</pre>
 */
public final class SchemaInspector {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaInspector.class);

    /** What {@code pg_export_snapshot()} returns, e.g. {@code 00000003-0000001B-1}. */
    private static final Pattern SNAPSHOT_ID = Pattern.compile("[0-9A-F]+(-[0-9A-F]+)+");

    private final Set<String> includeSchemas;
    private final Set<String> excludeSchemas;
    private final Duration statementTimeout;
    private final Duration lockTimeout;
    private final int connections;
    private final Optional<String> exportedSnapshot;

    private SchemaInspector(Builder builder) {
        this.includeSchemas = Set.copyOf(builder.includeSchemas);
        this.excludeSchemas = Set.copyOf(builder.excludeSchemas);
        this.statementTimeout = builder.statementTimeout;
        this.lockTimeout = builder.lockTimeout;
        this.connections = builder.connections;
        this.exportedSnapshot = Optional.ofNullable(builder.exportedSnapshot);
    }

    /** Starts configuring an inspector; the defaults read every non-system schema. */
    public static Builder builder() {
        return new Builder();
    }

    /** Reads the structure of the database the connection is attached to. */
    public Schema inspect(Connection connection) {
        return snapshot(connection).schema();
    }

    /** Reads the structure of the database on up to {@link Builder#connections(int)} connections of the source. */
    public Schema inspect(DataSource dataSource) {
        return snapshot(dataSource).schema();
    }

    /** Reads the structure of the database the URL names, on up to {@link Builder#connections(int)} connections. */
    public Schema inspect(PostgresUrl url) {
        return snapshot(url).schema();
    }

    /**
     * Reads the structure of the database together with the server's version, ready to be written
     * as a snapshot file. Every query runs on this one connection.
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

    /**
     * Reads the structure of the database on connections from the data source: the first reads
     * while the others connect, and all of them see the first one's snapshot. Each connection is
     * closed (given back to a pool) at the end, in the auto-commit mode it came in.
     *
     * @throws DbopsException with {@link ErrorCode#CONNECTION_FAILED} when not even one connection
     *     opens, and otherwise as {@link #snapshot(Connection)}
     */
    public SchemaSnapshot snapshot(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return snapshotOpening(dataSource::getConnection);
    }

    /**
     * Reads the structure of the database the URL names, opening the connections with
     * {@link PostgresConnector#open(PostgresUrl)}; see {@link #snapshot(DataSource)}.
     */
    public SchemaSnapshot snapshot(PostgresUrl url) {
        Objects.requireNonNull(url, "url");
        return snapshotOpening(() -> PostgresConnector.open(url));
    }

    private SchemaSnapshot snapshotOpening(SnapshotLanes.ConnectionOpener opener) {
        // The extra connections are opened first, so that they connect while the first one reads.
        try (SnapshotLanes lanes = connections > 1
                ? SnapshotLanes.withExtraLanes(connections - 1, opener, this::joinSnapshot)
                : SnapshotLanes.primaryOnly()) {
            Connection connection;
            try {
                connection = opener.open();
            } catch (SQLException e) {
                throw new DbopsException(ErrorCode.CONNECTION_FAILED, "opening a connection for the schema inspection"
                        + " failed: " + e.getMessage() + " — check the data source's URL, user and password", e);
            }
            try (connection) {
                boolean autoCommit = connection.getAutoCommit();
                if (!autoCommit) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
                try {
                    return snapshot(connection, lanes);
                } finally {
                    connection.setAutoCommit(autoCommit);
                }
            } catch (SQLException e) {
                throw failure(e);
            }
        }
    }

    /** Reads on the connection, in auto-commit mode, and the lanes; leaves the connection in auto-commit mode. */
    private SchemaSnapshot snapshot(Connection connection, SnapshotLanes lanes) throws SQLException {
        long started = System.nanoTime();
        connection.setAutoCommit(false);
        try {
            Begun begun = begin(connection, lanes);
            Optional<String> snapshotId = exportedSnapshot.isPresent() ? exportedSnapshot : begun.snapshotId();
            ServerInfo server = begun.server();
            Schema schema = new CatalogReader(connection, server.versionNum(), this::includes, lanes, snapshotId)
                    .read(begun.namespaces());
            LOG.debug("inspected {} objects in {} ms", schema.objectCount(), (System.nanoTime() - started) / 1_000_000);
            return new SchemaSnapshot(SchemaSnapshot.FORMAT_VERSION, server, schema);
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    /** Starts the transaction, exporting its snapshot when there are extra lanes and that works. */
    private Begun begin(Connection connection, SnapshotLanes lanes) throws SQLException {
        try {
            if (exportedSnapshot.isEmpty() && lanes.hasExtraLanes()) {
                try {
                    return begin(connection, true);
                } catch (SQLException e) {
                    LOG.warn("Schema inspection continues on one connection: exporting its snapshot failed: {}",
                            e.getMessage());
                    lanes.withoutExtraLanes(e);
                    connection.rollback();
                }
            }
            return begin(connection, false);
        } catch (SQLException e) {
            // A server too old for one of the statements: say that it is too old rather than what failed.
            connection.rollback();
            PostgresConnector.requireSupportedVersion(connection);
            throw e;
        }
    }

    private record Begun(ServerInfo server, Optional<String> snapshotId, CatalogRows.InspectedNamespaces namespaces) {
    }

    /**
     * Starts the snapshot transaction, sets its timeouts, reads the server's version (and rejects
     * one older than 12), exports the snapshot for extra connections, and reads the namespaces every
     * catalog query takes as its parameter: all in one round trip.
     *
     * @throws DbopsException with {@link ErrorCode#UNSUPPORTED_SERVER_VERSION} for a server older than 12
     */
    private Begun begin(Connection connection, boolean export) throws SQLException {
        // The statements in one round trip; SET TRANSACTION must come first in the transaction, and a given
        // snapshot must be set before its first query. Every part runs on any PostgreSQL since 9.2, so an older
        // server that dbops does not support is told so by the version check, after the round trip.
        try (PreparedStatement statement = connection.prepareStatement(
                "set transaction isolation level repeatable read, read only;"
                        + exportedSnapshot.map(id -> " set transaction snapshot " + Identifiers.literal(id) + ";")
                                .orElse("")
                        + " select pg_catalog.current_setting('server_version'),"
                        + " pg_catalog.current_setting('server_version_num')::int,"
                        + " pg_catalog.set_config('statement_timeout', ?, true),"
                        + " pg_catalog.set_config('lock_timeout', ?, true),"
                        + " pg_catalog.set_config('search_path', '', true)"
                        + (export ? ", pg_catalog.pg_export_snapshot()" : "") + ";\n"
                        + CatalogQueries.NAMESPACES)) {
            statement.setString(1, statementTimeout.toMillis() + "ms");
            statement.setString(2, lockTimeout.toMillis() + "ms");
            ServerInfo server;
            Optional<String> snapshotId;
            try (ResultSet rs = lastResult(statement)) {
                rs.next();
                int versionNum = PostgresConnector.requireSupportedVersion(connection, rs.getInt(2));
                server = new ServerInfo(versionNum, rs.getString(1).split(" ")[0]);
                snapshotId = export ? Optional.of(rs.getString(6)) : Optional.empty();
            }
            if (!statement.getMoreResults()) {
                throw new SQLException("the namespace query returned no result set");
            }
            try (ResultSet rs = statement.getResultSet()) {
                return new Begun(server, snapshotId, CatalogRows.namespaces(rs, this::includes));
            }
        }
    }

    /** Runs a statement whose last part is a query, and returns that query's result. */
    private static ResultSet lastResult(PreparedStatement statement) throws SQLException {
        boolean isResultSet = statement.execute();
        while (!isResultSet) {
            if (statement.getUpdateCount() == -1) {
                throw new SQLException("the statement returned no result set");
            }
            isResultSet = statement.getMoreResults();
        }
        return statement.getResultSet();
    }

    /** Starts an extra connection's transaction in the exported snapshot, with the same settings. */
    private void joinSnapshot(Connection connection, String snapshotId) throws SQLException {
        if (!SNAPSHOT_ID.matcher(snapshotId).matches()) {
            throw new SQLException("unexpected snapshot identifier " + snapshotId);
        }
        // The three statements in one round trip, in this order: SET TRANSACTION comes first in the transaction.
        try (PreparedStatement statement = connection.prepareStatement(
                "set transaction isolation level repeatable read, read only;"
                        + " set transaction snapshot " + Identifiers.literal(snapshotId) + ";"
                        + " select pg_catalog.set_config('statement_timeout', ?, true),"
                        + " pg_catalog.set_config('lock_timeout', ?, true),"
                        + " pg_catalog.set_config('search_path', '', true)")) {
            statement.setString(1, statementTimeout.toMillis() + "ms");
            statement.setString(2, lockTimeout.toMillis() + "ms");
            lastResult(statement).close();
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
            case "22023", "42704" -> exportedSnapshot.isPresent() ? " — the exported snapshot " + exportedSnapshot.get()
                    + " is not valid (its exporting transaction must still be open, on the same database)" : "";
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
        private int connections = 2;
        private String exportedSnapshot;

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
         * How many connections one inspection may use when it opens them itself, from a
         * {@link DataSource} or a {@link PostgresUrl} (default 2; 1 reads everything on one
         * connection; at most 8). More connections finish sooner on a server with idle cores, and
         * each is one more session for the duration of the inspection.
         */
        public Builder connections(int connections) {
            this.connections = connections;
            return this;
        }

        /**
         * Reads in a snapshot another transaction exported with {@code pg_export_snapshot()} and keeps open
         * until the inspection ends, instead of in a snapshot of its own: the schema is then exactly the
         * one that transaction sees, for example the one a {@code pg_dump --snapshot} dumps. Every connection
         * of the inspection imports it. As in pg_dump, definitions rendered by server functions
         * ({@code pg_get_viewdef} and the like) may reflect catalog changes committed after the snapshot.
         */
        public Builder exportedSnapshot(String snapshotId) {
            this.exportedSnapshot = snapshotId;
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
            if (connections < 1 || connections > 8) {
                problems.add("connections must be between 1 and 8, was " + connections);
            }
            if (exportedSnapshot != null && !SNAPSHOT_ID.matcher(exportedSnapshot).matches()) {
                problems.add("exportedSnapshot must be what pg_export_snapshot() returns (like 00000003-0000001B-1),"
                        + " was " + exportedSnapshot);
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
