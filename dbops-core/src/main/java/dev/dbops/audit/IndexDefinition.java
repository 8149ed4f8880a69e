package dev.dbops.audit;

import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A valid index of a user table as the duplicate and redundant checks compare them: its key columns
 * with their operator classes, collations and sort options, its INCLUDE columns, expressions and predicate.
 * Everything is read from the catalogs without locking the table.
 */
record IndexDefinition(long oid, String schema, String name, String table, boolean partitioned, String method,
        boolean unique, Optional<String> constraint, int keyCount, List<Integer> columns, List<Long> opclasses,
        List<Long> collations, List<Integer> options, Optional<String> expressions, Optional<String> predicate,
        long bytes, Optional<Long> scans, List<String> columnNames) {

    // pg_constraint.conindid also names the referenced index of a foreign key, hence conrelid and contype.
    // pg_get_indexdef and pg_get_expr would take ACCESS SHARE on the table, and wait behind a migration's
    // ACCESS EXCLUSIVE; the expression trees are compared as stored instead, without their parse locations.
    private static final String SQL = """
            select i.indexrelid::bigint as oid, n.nspname as schema_name, ic.relname as index_name,
                   t.relname as table_name, ic.relkind = 'I' as partitioned, am.amname as method,
                   i.indisunique as is_unique, con.conname as constraint_name, i.indnkeyatts as key_count,
                   string_to_array(i.indkey::text, ' ')::int[] as columns,
                   array(select coalesce(a.attname::text, '(expression)')
                         from unnest(i.indkey) with ordinality k(attnum, ord)
                         left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum and k.attnum > 0
                         order by k.ord) as column_names,
                   string_to_array(i.indclass::text, ' ')::bigint[] as opclasses,
                   string_to_array(i.indcollation::text, ' ')::bigint[] as collations,
                   string_to_array(i.indoption::text, ' ')::int[] as options,
                   regexp_replace(i.indexprs::text, ' :location -?[0-9]+', '', 'g') as expressions,
                   regexp_replace(i.indpred::text, ' :location -?[0-9]+', '', 'g') as predicate,
                   ic.relpages::bigint * %s as index_bytes, s.idx_scan as scans
            from pg_index i
            join pg_class ic on ic.oid = i.indexrelid
            join pg_class t on t.oid = i.indrelid
            join pg_namespace n on n.oid = ic.relnamespace
            join pg_am am on am.oid = ic.relam
            left join pg_constraint con on con.conindid = i.indexrelid and con.conrelid = i.indrelid
                 and con.contype in ('p', 'u', 'x')
            left join pg_stat_all_indexes s on s.indexrelid = i.indexrelid
            where i.indisvalid and not ic.relispartition and %s
            order by n.nspname, t.relname, i.indexrelid
            """.formatted(Sql.BLOCK_SIZE, Sql.USER_SCHEMA);

    /** Reads every valid, non-partition index of the audited schemas. */
    static List<IndexDefinition> read(AuditSession session) throws SQLException {
        return session.query(SQL, row -> {
            String schema = row.getString("schema_name");
            if (!session.includes(schema)) {
                return null;
            }
            return new IndexDefinition(row.getLong("oid"), schema, row.getString("index_name"),
                    row.getString("table_name"), row.getBoolean("partitioned"), row.getString("method"),
                    row.getBoolean("is_unique"), Optional.ofNullable(row.getString("constraint_name")),
                    row.getInt("key_count"), Rows.integers(row, "columns"),
                    Rows.strings(row, "opclasses").stream().map(Long::valueOf).toList(),
                    Rows.strings(row, "collations").stream().map(Long::valueOf).toList(),
                    Rows.integers(row, "options"), Optional.ofNullable(row.getString("expressions")),
                    Optional.ofNullable(row.getString("predicate")), row.getLong("index_bytes"),
                    Optional.ofNullable(Rows.longValue(row, "scans")), Rows.strings(row, "column_names"));
        });
    }

    /**
     * What the index covers, for messages: {@code btree (a DESC, b) INCLUDE (c), partial}. Built from
     * the catalogs, because deparsing it would lock the table.
     */
    String description() {
        StringBuilder text = new StringBuilder(unique ? "unique " : "").append(method).append(" (");
        for (int i = 0; i < keyCount; i++) {
            text.append(i == 0 ? "" : ", ").append(columnNames.get(i));
            if (i < options.size() && (options.get(i) & 1) != 0) {
                text.append(" DESC");
            }
        }
        text.append(')');
        if (columnNames.size() > keyCount) {
            text.append(" INCLUDE (").append(String.join(", ", columnNames.subList(keyCount, columnNames.size())))
                    .append(')');
        }
        return text.append(predicate.isPresent() ? ", partial" : "").toString();
    }

    /** Whether both are on the same table. */
    boolean sameTable(IndexDefinition other) {
        return schema.equals(other.schema) && table.equals(other.table);
    }

    /** The key columns' sort options, or all of them reversed if that is smaller: a backward scan reads either order. */
    List<Integer> orderInsensitiveOptions() {
        List<Integer> keys = options.subList(0, Math.min(keyCount, options.size()));
        List<Integer> reversed = keys.stream().map(IndexDefinition::reversed).toList();
        return keys.toString().compareTo(reversed.toString()) <= 0 ? keys : reversed;
    }

    /** Whether the first {@code n} key columns match in column, operator class, collation and (possibly reversed) order. */
    boolean keysStartWith(IndexDefinition prefix, int n) {
        if (n > keyCount || n > prefix.keyCount) {
            return false;
        }
        boolean sameOrder = true;
        boolean reversedOrder = true;
        for (int i = 0; i < n; i++) {
            if (!Objects.equals(columns.get(i), prefix.columns.get(i)) || !Objects.equals(opclasses.get(i),
                    prefix.opclasses.get(i)) || !Objects.equals(collations.get(i), prefix.collations.get(i))) {
                return false;
            }
            sameOrder &= Objects.equals(options.get(i), prefix.options.get(i));
            reversedOrder &= options.get(i) == reversed(prefix.options.get(i));
        }
        return sameOrder || reversedOrder;
    }

    /** Whether it is backed by a primary key, unique or exclusion constraint. */
    boolean backsConstraint() {
        return constraint.isPresent();
    }

    /** {@code schema.name} for messages. */
    String display() {
        return Sql.display(schema, name);
    }

    /** SQL that drops it the least disruptive way its kind allows. */
    String dropSql() {
        if (constraint.isPresent()) {
            return "-- takes a brief ACCESS EXCLUSIVE lock on " + Sql.name(schema, table) + "; fails while a foreign key"
                    + " references it\nALTER TABLE " + Sql.name(schema, table) + " DROP CONSTRAINT "
                    + Sql.ident(constraint.get()) + ";";
        }
        if (partitioned) {
            return "-- a partitioned index cannot be dropped CONCURRENTLY; this locks the table and its partitions"
                    + " briefly\nDROP INDEX " + Sql.name(schema, name) + ";";
        }
        return "DROP INDEX CONCURRENTLY " + Sql.name(schema, name) + ";";
    }

    // Bit 0 is DESC, bit 1 NULLS FIRST; reading an index backwards flips both.
    private static int reversed(int option) {
        return option ^ 3;
    }
}
