package dev.dbops.audit;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code pg_stat_statements} for the current database. Its columns depend on the installed
 * extension version, not the server's: {@code total_exec_time} replaced {@code total_time} in 1.8
 * (PostgreSQL 13), {@code toplevel} came in 1.9 (PostgreSQL 14).
 */
final class QueryStatsReader {

    private static final String SQL = """
            select s.queryid, s.userid::bigint as userid, %s as toplevel, s.query, s.calls,
                   %s::float8 as total_ms, s.rows
            from %s.pg_stat_statements s
            where s.dbid = (select oid from pg_database where datname = current_database()) and s.queryid is not null
            order by 6 desc, 1
            """;

    private QueryStatsReader() {
    }

    /** Why the statistics cannot be read here, if they cannot. */
    static Optional<String> unavailable(AuditSession session) {
        if (session.extensionSchema("pg_stat_statements").isEmpty()) {
            return Optional.of("the pg_stat_statements extension is not installed in database " + session.database()
                    + ": add pg_stat_statements to shared_preload_libraries, restart, and CREATE EXTENSION"
                    + " pg_stat_statements");
        }
        return Optional.empty();
    }

    /** Every statement of the current database, by total time. */
    static List<StatementStats> read(AuditSession session) throws SQLException, CheckSkipped {
        String schema = session.extensionSchema("pg_stat_statements").orElseThrow();
        String sql = SQL.formatted(session.extensionAtLeast("pg_stat_statements", 1, 9) ? "s.toplevel" : "true",
                session.extensionAtLeast("pg_stat_statements", 1, 8) ? "s.total_exec_time" : "s.total_time",
                Sql.ident(schema));
        try {
            return session.query(sql, row -> new StatementStats(row.getLong("queryid"), row.getLong("userid"),
                    row.getBoolean("toplevel"), row.getString("query"), row.getLong("calls"), row.getDouble("total_ms"),
                    row.getLong("rows")));
        } catch (SQLException e) {
            if ("55000".equals(e.getSQLState())) {
                throw new CheckSkipped("pg_stat_statements is installed but not loaded: add it to"
                        + " shared_preload_libraries and restart the server (" + e.getMessage() + ")");
            }
            throw e;
        }
    }
}
