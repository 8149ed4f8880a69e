package dev.dbops.audit;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@link AuditCheck#FOREIGN_KEY_WITHOUT_INDEX}: a foreign key whose referencing columns are not the
 * leading key columns (in any order) of a valid, non-partial btree or hash index. Without one, every
 * delete or key update on the referenced table scans the referencing table, under lock.
 */
final class ForeignKeyWithoutIndexCheck implements Check {

    // Constraints cloned onto partitions (conparentid <> 0) are covered by their parent's row.
    // int2vector casts to a 0-based int2[], so [0:n-1] are an index's first n columns.
    private static final String SQL = """
            select n.nspname as schema_name, t.relname as table_name, t.relkind::text as relkind,
                   c.conname as constraint_name, rn.nspname as ref_schema, r.relname as ref_table,
                   array(select a.attname::text
                         from unnest(c.conkey) with ordinality k(attnum, ord)
                         join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
                         order by k.ord) as columns,
                   greatest(t.reltuples, 0)::bigint as estimated_rows,
                   t.relpages::bigint * %s as table_bytes
            from pg_constraint c
            join pg_class t on t.oid = c.conrelid
            join pg_namespace n on n.oid = t.relnamespace
            join pg_class r on r.oid = c.confrelid
            join pg_namespace rn on rn.oid = r.relnamespace
            where c.contype = 'f' and c.conparentid = 0 and %s
              and not exists (
                  select from pg_index i
                  join pg_class ic on ic.oid = i.indexrelid
                  join pg_am am on am.oid = ic.relam
                  where i.indrelid = c.conrelid and i.indisvalid and i.indpred is null
                    and am.amname in ('btree', 'hash')
                    and i.indnkeyatts >= cardinality(c.conkey)
                    and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
                    and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey)
            order by n.nspname, t.relname, c.conname
            """.formatted(Sql.BLOCK_SIZE, Sql.USER_SCHEMA);

    @Override
    public AuditCheck id() {
        return AuditCheck.FOREIGN_KEY_WITHOUT_INDEX;
    }

    @Override
    public List<AuditFinding> run(AuditSession session) throws SQLException {
        return session.query(SQL, row -> {
            String schema = row.getString("schema_name");
            if (!session.includes(schema)) {
                return null;
            }
            String table = row.getString("table_name");
            List<String> columns = Rows.strings(row, "columns");
            String referenced = Sql.display(row.getString("ref_schema"), row.getString("ref_table"));
            Evidence evidence = new Evidence()
                    .text("constraint", row.getString("constraint_name"))
                    .text("columns", String.join(", ", columns))
                    .text("referencedTable", referenced)
                    .count("estimatedRows", Rows.longValue(row, "estimated_rows"))
                    .count("tableBytes", Rows.longValue(row, "table_bytes"));
            String message = "foreign key " + row.getString("constraint_name") + " on " + Sql.display(schema, table)
                    + " (" + String.join(", ", columns) + ") has no index that leads with its columns: every delete"
                    + " or key update on " + referenced + " scans " + Sql.display(schema, table)
                    + " (about " + row.getLong("estimated_rows") + " rows)";
            return new AuditFinding(id(), AuditSeverity.WARNING, Sql.display(schema, table), message, evidence.map(),
                    Optional.of(remediation(schema, table, row.getString("relkind"), columns)));
        });
    }

    private static String remediation(String schema, String table, String relkind, List<String> columns) {
        if (!relkind.equals("p")) {
            return "CREATE INDEX CONCURRENTLY ON " + Sql.name(schema, table) + " " + Sql.columnList(columns) + ";";
        }
        String index = Sql.indexName(table, columns);
        return "-- " + Sql.name(schema, table) + " is partitioned, and CREATE INDEX CONCURRENTLY does not work on a"
                + " partitioned table.\n-- Create the parent index ON ONLY (instant), then, for each partition,"
                + " build its index CONCURRENTLY and attach it:\n"
                + "CREATE INDEX " + Sql.ident(index) + " ON ONLY " + Sql.name(schema, table) + " "
                + Sql.columnList(columns) + ";\n"
                + "-- CREATE INDEX CONCURRENTLY <partition>_idx ON <partition> " + Sql.columnList(columns) + ";\n"
                + "-- ALTER INDEX " + Sql.name(schema, index) + " ATTACH PARTITION <partition>_idx;";
    }
}
