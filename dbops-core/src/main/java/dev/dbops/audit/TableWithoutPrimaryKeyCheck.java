package dev.dbops.audit;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@link AuditCheck#TABLE_WITHOUT_PRIMARY_KEY}: a table or partitioned table (not a partition: it
 * inherits its parent's key) without a primary key. Rows cannot be addressed reliably, and under
 * logical replication with the default replica identity, updates and deletes of the table fail.
 * When a valid unique index on NOT NULL columns exists, the remediation promotes it.
 */
final class TableWithoutPrimaryKeyCheck implements Check {

    private static final String SQL = """
            select n.nspname as schema_name, c.relname as table_name, c.relkind = 'p' as partitioned,
                   greatest(c.reltuples, 0)::bigint as estimated_rows,
                   case c.relreplident when 'd' then 'default' when 'n' then 'nothing' when 'f' then 'full'
                        else 'index' end as replica_identity,
                   (select ic.relname from pg_index i join pg_class ic on ic.oid = i.indexrelid
                    where i.indrelid = c.oid and i.indisunique and i.indisvalid and i.indpred is null
                      and i.indexprs is null and ic.relkind = 'i' and i.indnkeyatts = i.indnatts
                      and not exists (select from unnest(i.indkey) k(attnum)
                                      join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
                                      where not a.attnotnull)
                    order by i.indnatts, ic.relname limit 1) as promotable_index
            from pg_class c
            join pg_namespace n on n.oid = c.relnamespace
            where c.relkind in ('r', 'p') and not c.relispartition and %s
              and not exists (select from pg_constraint p where p.conrelid = c.oid and p.contype = 'p')
              and not exists (select from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid
                              and d.deptype = 'e')
            order by n.nspname, c.relname
            """.formatted(Sql.USER_SCHEMA);

    @Override
    public AuditCheck id() {
        return AuditCheck.TABLE_WITHOUT_PRIMARY_KEY;
    }

    @Override
    public List<AuditFinding> run(AuditSession session) throws SQLException {
        return session.query(SQL, row -> {
            String schema = row.getString("schema_name");
            if (!session.includes(schema)) {
                return null;
            }
            String table = row.getString("table_name");
            String promotable = row.getString("promotable_index");
            Evidence evidence = new Evidence()
                    .count("estimatedRows", row.getLong("estimated_rows"))
                    .text("replicaIdentity", row.getString("replica_identity"))
                    .text("uniqueIndexOnNotNullColumns", promotable);
            String message = "table " + Sql.display(schema, table) + " has no primary key"
                    + (row.getString("replica_identity").equals("default")
                            ? ": with the default replica identity, logical replication cannot publish its updates"
                                    + " and deletes, and tools cannot address single rows" : "")
                    + (promotable == null ? "" : "; unique index " + promotable + " on NOT NULL columns can become it");
            Optional<String> remediation = promotable == null || row.getBoolean("partitioned") ? Optional.empty()
                    : Optional.of("-- brief ACCESS EXCLUSIVE lock; no scan, the index already proves uniqueness and the"
                            + " columns are NOT NULL\nALTER TABLE " + Sql.name(schema, table)
                            + " ADD PRIMARY KEY USING INDEX " + Sql.ident(promotable) + ";");
            return new AuditFinding(id(), AuditSeverity.WARNING, Sql.display(schema, table), message, evidence.map(),
                    remediation);
        });
    }
}
