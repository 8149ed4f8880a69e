package dev.dbops.audit;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link AuditCheck#XID_WRAPAROUND} and {@link AuditCheck#MULTIXACT_WRAPAROUND}: the age of every
 * database's {@code datfrozenxid} ({@code datminmxid}) and of every table's {@code relfrozenxid}
 * ({@code relminmxid}, the older of the table and its TOAST table) in the current database, system
 * catalogs and temporary tables included. An age of {@code wraparound-warning-factor} times the
 * freeze max age (the table's storage parameter if lower) means autovacuum's anti-wraparound vacuum is
 * not keeping up; {@code wraparound-critical-age} means the server is on its way to refusing new
 * transactions at about 2.1 billion.
 */
final class WraparoundCheck implements Check {

    /** The distance at which PostgreSQL wraps around and must stop assigning IDs. */
    static final long WRAPAROUND_LIMIT = 1L << 31;

    private final AuditCheck id;
    private final String ageFunction;
    private final String databaseColumn;
    private final String tableColumn;
    private final String setting;
    private final String noun;

    private WraparoundCheck(AuditCheck id, String ageFunction, String databaseColumn, String tableColumn,
            String setting, String noun) {
        this.id = id;
        this.ageFunction = ageFunction;
        this.databaseColumn = databaseColumn;
        this.tableColumn = tableColumn;
        this.setting = setting;
        this.noun = noun;
    }

    static WraparoundCheck transactionIds() {
        return new WraparoundCheck(AuditCheck.XID_WRAPAROUND, "age", "datfrozenxid", "relfrozenxid",
                "autovacuum_freeze_max_age", "transaction ID");
    }

    static WraparoundCheck multixactIds() {
        return new WraparoundCheck(AuditCheck.MULTIXACT_WRAPAROUND, "mxid_age", "datminmxid", "relminmxid",
                "autovacuum_multixact_freeze_max_age", "multixact ID");
    }

    @Override
    public AuditCheck id() {
        return id;
    }

    @Override
    public List<AuditFinding> run(AuditSession session) throws SQLException {
        double factor = session.ratio(AuditThreshold.WRAPAROUND_WARNING_FACTOR);
        long critical = session.count(AuditThreshold.WRAPAROUND_CRITICAL_AGE);
        double serverMax = session.numericSetting(setting);
        List<AuditFinding> findings = new ArrayList<>();
        String databases = "select datname, " + ageFunction + "(" + databaseColumn + ")::bigint as age from pg_database"
                + " where " + ageFunction + "(" + databaseColumn + ") >= least(?, ?) order by 2 desc, 1";
        findings.addAll(session.query(databases, row -> finding(row.getString("datname"), null, row.getLong("age"),
                serverMax, factor, critical), Math.round(factor * serverMax), critical));
        String perTable = Sql.tableSetting(setting);
        String tables = """
                select n.nspname as schema_name, c.relname as table_name, c.relpersistence = 't' as temporary,
                       greatest(%1$s(c.%2$s), coalesce(%1$s(t.%2$s), 0))::bigint as age,
                       least(%3$s, current_setting('%4$s')::float8) as freeze_max_age
                from pg_class c
                join pg_namespace n on n.oid = c.relnamespace
                left join pg_class t on t.oid = c.reltoastrelid
                where c.relkind in ('r', 'm')
                  and greatest(%1$s(c.%2$s), coalesce(%1$s(t.%2$s), 0)) >= least(? * least(%3$s,
                      current_setting('%4$s')::float8), ?)
                order by 4 desc, 1, 2
                """.formatted(ageFunction, tableColumn, perTable, setting);
        findings.addAll(session.query(tables, row -> session.includes(row.getString("schema_name"))
                ? finding(row.getString("schema_name"), row.getString("table_name"), row.getLong("age"),
                        row.getDouble("freeze_max_age"), factor, critical)
                : null, factor, critical));
        return findings;
    }

    /** A finding for a database ({@code table} null) or a table. */
    private AuditFinding finding(String schemaOrDatabase, String table, long age, double freezeMaxAge, double factor,
            long critical) {
        AuditSeverity severity = age >= critical ? AuditSeverity.CRITICAL : AuditSeverity.WARNING;
        String object = table == null ? "database " + schemaOrDatabase : Sql.display(schemaOrDatabase, table);
        Evidence evidence = new Evidence()
                .count("age", age)
                .count("freezeMaxAge", Math.round(freezeMaxAge))
                .ratio("ageOfFreezeMaxAge", age / freezeMaxAge)
                .ratio("ageOfWraparoundLimit", (double) age / WRAPAROUND_LIMIT);
        String message = (table == null ? "database " + schemaOrDatabase : "table " + object) + " has " + noun
                + " age " + age + ", " + Math.round(age / freezeMaxAge * 100) + "% of " + setting + " ("
                + Math.round(freezeMaxAge) + ") and " + Math.round((double) age / WRAPAROUND_LIMIT * 1000) / 10.0
                + "% of the way to wraparound, where PostgreSQL stops assigning " + noun + "s — autovacuum is not"
                + " freezing it; if a VACUUM (FREEZE) does not lower the age, something holds back the xmin horizon"
                + " (see xmin-horizon)";
        String remediation = table == null
                ? "-- connect to database " + schemaOrDatabase + " and freeze it (reads every table; no blocking"
                        + " lock), oldest tables first (the table findings list them), or run vacuumdb --freeze:\n"
                        + "VACUUM (FREEZE, VERBOSE);"
                : "-- reads the whole table; no lock that blocks reads or writes\nVACUUM (FREEZE, VERBOSE) "
                        + Sql.name(schemaOrDatabase, table) + ";";
        return new AuditFinding(id, severity, object, message, evidence.map(), Optional.of(remediation));
    }
}
