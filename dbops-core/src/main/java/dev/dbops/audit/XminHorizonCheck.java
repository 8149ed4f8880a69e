package dev.dbops.audit;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link AuditCheck#XMIN_HORIZON}: what keeps VACUUM from removing dead rows and from freezing — a
 * backend whose snapshot or transaction ID ({@code backend_xmin}, {@code backend_xid}) is at least
 * {@code xmin-horizon-min-age} transactions old, a replication slot whose {@code xmin} or
 * {@code catalog_xmin} is, and a prepared transaction that is, or that was prepared more than
 * {@code prepared-transaction-max-age} ago. Critical once the age reaches
 * {@code autovacuum_freeze_max_age}: then it also blocks the freezing that prevents wraparound.
 */
final class XminHorizonCheck implements Check {

    private static final String BACKENDS = """
            select pid, datname, usename, coalesce(application_name, '') as application_name, backend_type, state,
                   greatest(age(backend_xmin), age(backend_xid))::bigint as xmin_age,
                   extract(epoch from now() - xact_start)::float8 as transaction_seconds
            from pg_stat_activity
            where pid <> pg_backend_pid() and greatest(age(backend_xmin), age(backend_xid)) >= ?
            order by 7 desc, pid
            """;

    private static final String SLOTS = """
            select slot_name, slot_type, active, active_pid, database, age(xmin)::bigint as data_xmin_age,
                   age(catalog_xmin)::bigint as catalog_xmin_age,
                   greatest(age(xmin), age(catalog_xmin))::bigint as xmin_age
            from pg_replication_slots
            where greatest(age(xmin), age(catalog_xmin)) >= ?
            order by 8 desc, 1
            """;

    private static final String PREPARED = """
            select gid, owner, database, prepared, age(transaction)::bigint as xmin_age,
                   extract(epoch from now() - prepared)::float8 as prepared_seconds
            from pg_prepared_xacts
            where age(transaction) >= ? or prepared <= now() - make_interval(secs => ?)
            order by prepared, gid
            """;

    @Override
    public AuditCheck id() {
        return AuditCheck.XMIN_HORIZON;
    }

    @Override
    public List<AuditFinding> run(AuditSession session) throws SQLException {
        long minAge = session.count(AuditThreshold.XMIN_HORIZON_MIN_AGE);
        double preparedSeconds = session.duration(AuditThreshold.PREPARED_TRANSACTION_MAX_AGE).toMillis() / 1000.0;
        long freezeMaxAge = (long) session.numericSetting("autovacuum_freeze_max_age");
        List<AuditFinding> findings = new ArrayList<>();
        findings.addAll(session.query(BACKENDS, row -> {
            int pid = row.getInt("pid");
            long age = row.getLong("xmin_age");
            Evidence evidence = new Evidence().text("holder", "backend").count("pid", (long) pid)
                    .text("backendType", row.getString("backend_type")).text("state", row.getString("state"))
                    .text("database", row.getString("datname")).text("user", row.getString("usename"))
                    .text("applicationName", row.getString("application_name")).count("xminAge", age)
                    .seconds("transactionSeconds", Rows.doubleValue(row, "transaction_seconds"));
            String message = "pid " + pid + " (" + row.getString("backend_type") + ", "
                    + LongRunningQueryCheck.describe(row.getString("application_name"), row.getString("usename"))
                    + ", " + row.getString("state") + ") holds a snapshot " + age
                    + " transactions old: VACUUM cannot remove rows that died since";
            return finding(age, freezeMaxAge, "pid " + pid, message, evidence, Optional.of(
                    "-- ends the session and rolls back its transaction\nSELECT pg_terminate_backend(" + pid + ");"));
        }, minAge));
        findings.addAll(session.query(SLOTS, row -> {
            String slot = row.getString("slot_name");
            long age = row.getLong("xmin_age");
            boolean active = row.getBoolean("active");
            Evidence evidence = new Evidence().text("holder", "replication slot").text("slot", slot)
                    .text("slotType", row.getString("slot_type")).flag("active", active)
                    .count("activePid", Rows.longValue(row, "active_pid")).text("database", row.getString("database"))
                    .count("xminAge", Rows.longValue(row, "data_xmin_age"))
                    .count("catalogXminAge", Rows.longValue(row, "catalog_xmin_age"));
            String message = (active ? "active" : "inactive") + " replication slot " + slot + " holds back the xmin"
                    + " horizon by " + age + " transactions" + (active ? ": its consumer is far behind"
                            : ": nothing consumes it, so the horizon never advances");
            return finding(age, freezeMaxAge, "slot " + slot, message, evidence, active ? Optional.empty()
                    : Optional.of("-- the consumer loses its position; recreate the slot when it comes back\n"
                            + "SELECT pg_drop_replication_slot(" + Sql.literal(slot) + ");"));
        }, minAge));
        findings.addAll(session.query(PREPARED, row -> {
            String gid = row.getString("gid");
            long age = row.getLong("xmin_age");
            double seconds = row.getDouble("prepared_seconds");
            Evidence evidence = new Evidence().text("holder", "prepared transaction").text("gid", gid)
                    .text("owner", row.getString("owner")).text("database", row.getString("database"))
                    .time("preparedAt", row.getTimestamp("prepared")).seconds("preparedSeconds", seconds)
                    .count("xminAge", age);
            String message = "prepared transaction '" + gid + "' (database " + row.getString("database")
                    + ") was prepared " + Durations.words(Durations.ofSeconds(seconds)) + " ago and is " + age
                    + " transactions old: it keeps its locks and holds back the xmin horizon until it is committed"
                    + " or rolled back";
            return finding(age, freezeMaxAge, "prepared transaction " + gid, message, evidence, Optional.of(
                    "-- in database " + row.getString("database") + ", once the transaction manager confirms it is"
                            + " abandoned (COMMIT PREPARED if it committed elsewhere)\nROLLBACK PREPARED "
                            + Sql.literal(gid) + ";"));
        }, minAge, preparedSeconds));
        return findings;
    }

    private AuditFinding finding(long age, long freezeMaxAge, String object, String message, Evidence evidence,
            Optional<String> remediation) {
        AuditSeverity severity = freezeMaxAge > 0 && age >= freezeMaxAge ? AuditSeverity.CRITICAL : AuditSeverity.WARNING;
        return new AuditFinding(id(), severity, object, message + (severity == AuditSeverity.CRITICAL
                ? " — and, older than autovacuum_freeze_max_age, it blocks freezing on the way to wraparound" : ""),
                evidence.map(), remediation);
    }
}
