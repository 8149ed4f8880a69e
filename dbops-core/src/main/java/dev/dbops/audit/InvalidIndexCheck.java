package dev.dbops.audit;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@link AuditCheck#INVALID_INDEX}: an index with {@code indisvalid = false} whose table has no index
 * build in progress ({@code pg_stat_progress_create_index}): what a failed or cancelled
 * {@code CREATE INDEX CONCURRENTLY} or {@code REINDEX CONCURRENTLY} leaves behind. The planner never
 * uses it, but every write still maintains it. Its definition, for the statement that builds it again,
 * comes from {@code pg_get_indexdef}, which needs ACCESS SHARE on the table; while another session
 * holds a stronger lock the finding is still reported, with only the {@code DROP}.
 */
final class InvalidIndexCheck implements Check {

    private static final String SQL = """
            select n.nspname as schema_name, ic.relname as index_name, t.relname as table_name,
                   i.indisunique as is_unique, i.indisready as is_ready,
                   ic.relpages::bigint * %s as index_bytes, %s as definition
            from pg_index i
            join pg_class ic on ic.oid = i.indexrelid
            join pg_class t on t.oid = i.indrelid
            join pg_namespace n on n.oid = ic.relnamespace
            where not i.indisvalid and ic.relkind = 'i' and %s
              and not exists (select from pg_stat_progress_create_index p where p.relid = i.indrelid)
            order by n.nspname, ic.relname
            """;

    @Override
    public AuditCheck id() {
        return AuditCheck.INVALID_INDEX;
    }

    @Override
    public List<AuditFinding> run(AuditSession session) throws SQLException {
        try {
            return findings(session, "pg_get_indexdef(i.indexrelid)");
        } catch (SQLException e) {
            if (!"55P03".equals(e.getSQLState())) {
                throw e;
            }
            session.restart();
            return findings(session, "null::text");
        }
    }

    private List<AuditFinding> findings(AuditSession session, String definitionSql) throws SQLException {
        return session.query(SQL.formatted(Sql.BLOCK_SIZE, definitionSql, Sql.USER_SCHEMA), row -> {
            String schema = row.getString("schema_name");
            if (!session.includes(schema)) {
                return null;
            }
            String name = row.getString("index_name");
            String definition = row.getString("definition");
            boolean unique = row.getBoolean("is_unique");
            Evidence evidence = new Evidence()
                    .text("table", Sql.display(schema, row.getString("table_name")))
                    .flag("unique", unique)
                    .flag("maintainedByWrites", row.getBoolean("is_ready"))
                    .count("indexBytes", row.getLong("index_bytes"))
                    .text("definition", definition);
            boolean leftByReindex = name.matches(".*_cc(new|old)\\d*");
            String message = "index " + Sql.display(schema, name) + " is invalid: "
                    + (leftByReindex ? "a REINDEX CONCURRENTLY failed or was cancelled and left it behind"
                            : "a CREATE INDEX CONCURRENTLY failed or was cancelled"
                                    + (unique ? " (often: duplicate values for a unique index)" : ""))
                    + "; queries never use it" + (row.getBoolean("is_ready") ? ", but every write maintains it" : "");
            String drop = "DROP INDEX CONCURRENTLY " + Sql.name(schema, name) + ";";
            String remediation = leftByReindex ? drop : definition == null
                    ? drop + "\n-- then build it again with CREATE INDEX CONCURRENTLY (its definition could not be read:"
                            + " another session holds a lock on the table)"
                    : drop + "\n-- then, once the cause is fixed" + (unique ? " (remove the duplicate values)" : "")
                            + ", build it again:\n" + definition.replaceFirst(" INDEX ", " INDEX CONCURRENTLY ") + ";";
            return new AuditFinding(id(), AuditSeverity.WARNING, Sql.display(schema, name), message, evidence.map(),
                    Optional.of(remediation));
        });
    }
}
