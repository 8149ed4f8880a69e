package dev.dbops.drift;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.schema.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a Flyway or Liquibase history table in one read-only transaction with {@code statement_timeout}
 * and {@code lock_timeout} set, taking no lock stronger than ACCESS SHARE.
 */
final class HistoryReader {

    private static final String FIND = "select n.nspname from pg_catalog.pg_class c"
            + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
            + " where c.relkind in ('r', 'p') and c.relname = ? and (? = '' or n.nspname = ?)"
            + " order by (n.nspname = ?) desc, n.nspname";

    private final Duration statementTimeout;
    private final Duration lockTimeout;

    HistoryReader(Duration statementTimeout, Duration lockTimeout) {
        this.statementTimeout = statementTimeout;
        this.lockTimeout = lockTimeout;
    }

    /**
     * The history of the preferred tool's table when it exists, else of the other tool's, else none.
     *
     * @param preferred the tool whose migration files were given, or {@link MigrationTool#NONE}
     */
    HistoryRows read(Connection connection, MigrationTool preferred, TableName flyway, TableName liquibase,
            String defaultSchema) {
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                begin(connection);
                Optional<String> flywaySchema = find(connection, flyway, defaultSchema);
                Optional<String> liquibaseSchema = find(connection, liquibase, defaultSchema);
                boolean useFlyway = flywaySchema.isPresent()
                        && (preferred != MigrationTool.LIQUIBASE || liquibaseSchema.isEmpty());
                if (useFlyway) {
                    String table = Identifiers.qualified(flywaySchema.get(), flyway.name());
                    return new HistoryRows(MigrationTool.FLYWAY, Optional.of(flywaySchema.get() + "." + flyway.name()),
                            flywayRows(connection, table), List.of());
                }
                if (liquibaseSchema.isPresent()) {
                    String table = Identifiers.qualified(liquibaseSchema.get(), liquibase.name());
                    return new HistoryRows(MigrationTool.LIQUIBASE,
                            Optional.of(liquibaseSchema.get() + "." + liquibase.name()), List.of(),
                            liquibaseRows(connection, table));
                }
                return HistoryRows.none();
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DbopsException(ErrorCode.INSPECTION_FAILED, "reading the migration history failed: "
                    + e.getMessage() + (e.getSQLState() != null && e.getSQLState().equals("42501")
                    ? " — grant SELECT on the history table to this user" : ""), e);
        }
    }

    private void begin(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set transaction isolation level repeatable read, read only");
        }
        try (PreparedStatement statement = connection.prepareStatement("select pg_catalog.set_config('statement_timeout',"
                + " ?, true), pg_catalog.set_config('lock_timeout', ?, true)")) {
            statement.setString(1, statementTimeout.toMillis() + "ms");
            statement.setString(2, lockTimeout.toMillis() + "ms");
            statement.execute();
        }
    }

    private static Optional<String> find(Connection connection, TableName table, String defaultSchema)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(FIND)) {
            String schema = table.schema().orElse("");
            statement.setString(1, table.name());
            statement.setString(2, schema);
            statement.setString(3, schema);
            statement.setString(4, defaultSchema);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static List<HistoryRows.FlywayRow> flywayRows(Connection connection, String table) throws SQLException {
        List<HistoryRows.FlywayRow> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select installed_rank, version, description, type, script,"
                     + " checksum, installed_by, installed_on, success from " + table + " order by installed_rank")) {
            while (rs.next()) {
                int checksum = rs.getInt(6);
                Optional<Integer> recorded = rs.wasNull() ? Optional.empty() : Optional.of(checksum);
                rows.add(new HistoryRows.FlywayRow(rs.getInt(1), Optional.ofNullable(rs.getString(2)),
                        text(rs.getString(3)), text(rs.getString(4)), text(rs.getString(5)), recorded,
                        text(rs.getString(7)), time(rs.getTimestamp(8)), rs.getBoolean(9)));
            }
        }
        return rows;
    }

    private static List<HistoryRows.LiquibaseRow> liquibaseRows(Connection connection, String table)
            throws SQLException {
        List<HistoryRows.LiquibaseRow> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select id, author, filename, dateexecuted, orderexecuted,"
                     + " exectype, md5sum, description from " + table + " order by orderexecuted, dateexecuted")) {
            while (rs.next()) {
                rows.add(new HistoryRows.LiquibaseRow(text(rs.getString(1)), text(rs.getString(2)),
                        text(rs.getString(3)), time(rs.getTimestamp(4)), rs.getInt(5), text(rs.getString(6)),
                        Optional.ofNullable(rs.getString(7)), text(rs.getString(8))));
            }
        }
        return rows;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static LocalDateTime time(Timestamp timestamp) {
        return timestamp == null ? LocalDateTime.MIN : timestamp.toLocalDateTime();
    }

    /** A history table's name as configured: {@code flyway_schema_history} or {@code app.flyway_schema_history}. */
    record TableName(Optional<String> schema, String name) {

        static TableName parse(String text) {
            int dot = text.indexOf('.');
            return dot < 0 ? new TableName(Optional.empty(), text)
                    : new TableName(Optional.of(text.substring(0, dot)), text.substring(dot + 1));
        }
    }
}
