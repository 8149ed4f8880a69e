package dev.dbops.audit;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link AuditCheck#SEQUENCE_EXHAUSTION}: a non-cycling sequence that used {@code sequence-warning-ratio}
 * (or {@code sequence-critical-ratio}) of its range, where the range ends at the sequence's own limit
 * or at the limit of the smallest integer column it feeds — an {@code integer} column fed by a
 * {@code bigint} sequence fails at 2,147,483,647 whatever the sequence allows. A column is fed by a
 * sequence it owns ({@code serial}, identity) or whose default calls {@code nextval} on it. The last
 * value is read with {@code pg_sequence_last_value}, so sequences the user cannot read are skipped.
 */
final class SequenceExhaustionCheck implements Check {

    private static final String SQL = """
            with fed as (
                select d.objid as seq, d.refobjid as rel, d.refobjsubid as attnum
                from pg_depend d
                where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass
                  and d.deptype in ('a', 'i') and d.refobjsubid > 0
                union
                select d.refobjid, ad.adrelid, ad.adnum
                from pg_depend d
                join pg_attrdef ad on ad.oid = d.objid
                where d.classid = 'pg_attrdef'::regclass and d.refclassid = 'pg_class'::regclass and d.deptype = 'n'
            )
            select n.nspname as schema_name, sc.relname as sequence_name, format_type(s.seqtypid, null) as sequence_type,
                   s.seqmin, s.seqmax, s.seqincrement,
                   case when has_sequence_privilege(sc.oid, 'select,usage') then pg_sequence_last_value(sc.oid) end
                       as last_value,
                   tn.nspname as table_schema, t.relname as table_name, a.attname as column_name,
                   format_type(a.atttypid, null) as column_type
            from pg_sequence s
            join pg_class sc on sc.oid = s.seqrelid
            join pg_namespace n on n.oid = sc.relnamespace
            left join fed f on f.seq = s.seqrelid
            left join pg_attribute a on a.attrelid = f.rel and a.attnum = f.attnum and not a.attisdropped
            left join pg_class t on t.oid = a.attrelid
            left join pg_namespace tn on tn.oid = t.relnamespace
            where not s.seqcycle and %s
            order by n.nspname, sc.relname, tn.nspname, t.relname, a.attnum
            """.formatted(Sql.USER_SCHEMA);

    private static final Map<String, long[]> INTEGER_RANGES = Map.of(
            "smallint", new long[] {Short.MIN_VALUE, Short.MAX_VALUE},
            "integer", new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE},
            "bigint", new long[] {Long.MIN_VALUE, Long.MAX_VALUE});

    private record Row(String schema, String sequence, String type, long min, long max, long increment,
            Long lastValue, String tableSchema, String table, String columnName, String columnType) {

        /** {@code schema.table.column}, or null when the row is the sequence alone. */
        String column() {
            return columnName == null ? null : Sql.display(tableSchema, table) + "." + columnName;
        }
    }

    @Override
    public AuditCheck id() {
        return AuditCheck.SEQUENCE_EXHAUSTION;
    }

    @Override
    public List<AuditFinding> run(AuditSession session) throws SQLException {
        Map<String, List<Row>> bySequence = new LinkedHashMap<>();
        for (Row row : session.query(SQL, r -> new Row(r.getString("schema_name"), r.getString("sequence_name"),
                r.getString("sequence_type"), r.getLong("seqmin"), r.getLong("seqmax"), r.getLong("seqincrement"),
                Rows.longValue(r, "last_value"), r.getString("table_schema"), r.getString("table_name"),
                r.getString("column_name"), r.getString("column_type")))) {
            if (session.includes(row.schema()) && row.lastValue() != null) {
                bySequence.computeIfAbsent(row.schema() + "." + row.sequence(), k -> new ArrayList<>()).add(row);
            }
        }
        List<AuditFinding> findings = new ArrayList<>();
        for (List<Row> rows : bySequence.values()) {
            finding(session, rows).ifPresent(findings::add);
        }
        return findings;
    }

    private Optional<AuditFinding> finding(AuditSession session, List<Row> rows) {
        Row sequence = rows.get(0);
        boolean ascending = sequence.increment() > 0;
        long limit = ascending ? sequence.max() : sequence.min();
        String limitedBy = "sequence";
        List<Row> narrowColumns = new ArrayList<>();
        for (Row row : rows) {
            long[] range = row.columnType() == null ? null : INTEGER_RANGES.get(row.columnType());
            if (range == null) {
                continue;
            }
            long columnLimit = ascending ? range[1] : range[0];
            if (!row.columnType().equals("bigint")) {
                narrowColumns.add(row);
            }
            if (ascending ? columnLimit < limit : columnLimit > limit) {
                limit = columnLimit;
                limitedBy = "column " + row.column() + " (" + row.columnType() + ")";
            }
        }
        long start = ascending ? sequence.min() : sequence.max();
        double span = Math.abs((double) limit - start);
        double used = span == 0 ? 1 : Math.abs((double) sequence.lastValue() - start) / span;
        AuditSeverity severity = used >= session.ratio(AuditThreshold.SEQUENCE_CRITICAL_RATIO) ? AuditSeverity.CRITICAL
                : used >= session.ratio(AuditThreshold.SEQUENCE_WARNING_RATIO) ? AuditSeverity.WARNING : null;
        if (severity == null) {
            return Optional.empty();
        }
        String name = Sql.display(sequence.schema(), sequence.sequence());
        long left = Math.max(0, (ascending ? limit - sequence.lastValue() : sequence.lastValue() - limit)
                / Math.abs(sequence.increment()));
        Evidence evidence = new Evidence()
                .text("sequenceType", sequence.type())
                .count("lastValue", sequence.lastValue())
                .count("limit", limit)
                .text("limitedBy", limitedBy)
                .ratio("usedRatio", used)
                .count("valuesLeft", left)
                .text("columns", String.join(", ", rows.stream().map(Row::column).filter(c -> c != null).toList()));
        String message = "sequence " + name + " used " + Math.round(used * 1000) / 10.0 + "% of its range: last value "
                + sequence.lastValue() + ", limit " + limit + " set by the " + limitedBy + " — " + left
                + " values left before inserts fail";
        return Optional.of(new AuditFinding(id(), severity, name, message, evidence.map(),
                Optional.of(remediation(sequence, narrowColumns, ascending))));
    }

    private static String remediation(Row sequence, List<Row> narrowColumns, boolean ascending) {
        List<String> sql = new ArrayList<>();
        String name = Sql.name(sequence.schema(), sequence.sequence());
        long[] ownRange = INTEGER_RANGES.get(sequence.type());
        boolean explicitLimit = ownRange != null && (ascending ? sequence.max() != ownRange[1]
                : sequence.min() != ownRange[0]);
        String limitClause = explicitLimit ? (ascending ? " MAXVALUE " + Long.MAX_VALUE : " MINVALUE " + Long.MIN_VALUE) : "";
        if (!sequence.type().equals("bigint")) {
            sql.add("ALTER SEQUENCE " + name + " AS bigint" + limitClause + ";");
        } else if (explicitLimit) {
            sql.add("ALTER SEQUENCE " + name + limitClause + ";");
        }
        for (Row column : narrowColumns) {
            sql.add("-- rewrites the table and its indexes under an ACCESS EXCLUSIVE lock (blocks reads and writes);"
                    + " on a large table add a bigint column, backfill it in batches and swap instead\n"
                    + "ALTER TABLE " + Sql.name(column.tableSchema(), column.table()) + " ALTER COLUMN " + Sql.ident(column.columnName())
                    + " TYPE bigint;");
        }
        return String.join("\n", sql);
    }
}
