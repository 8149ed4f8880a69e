package dev.dbops.trace.seed;

import dev.dbops.schema.Identifiers;
import dev.dbops.trace.seed.SeedFinding.Kind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postgresql.util.PSQLException;

/**
 * Seeds one table in one transaction: reads the parent keys its foreign keys need, decides how
 * unique keys are kept distinct, streams the generated rows through {@code COPY … FROM STDIN} and
 * commits. Anything that goes wrong rolls the whole transaction back, so a table is either seeded
 * with every row the report names or left as it was.
 */
final class TableSeeder {

    /** Settings shared by every table of one seeding. */
    record Settings(long seed, Duration statementTimeout, Duration lockTimeout, boolean analyze) {
    }

    private final Settings settings;

    TableSeeder(Settings settings) {
        this.settings = settings;
    }

    TableSeeding seed(TablePlan plan, Connection connection) {
        long started = System.nanoTime();
        List<SeedFinding> findings = new ArrayList<>(plan.findings());
        if (plan.blocked().isPresent()) {
            return result(plan, TableSeeding.Outcome.SKIPPED, 0, started, findings);
        }
        RowStream stream = null;
        try {
            connection.setAutoCommit(false);
            try {
                configure(connection);
                List<Slot> slots = new ArrayList<>(plan.slots());
                Optional<SeedFinding> missing = bindParents(plan, slots, connection, findings);
                if (missing.isPresent()) {
                    connection.rollback();
                    return result(plan, TableSeeding.Outcome.SKIPPED, 0, started, findings);
                }
                moveAboveExistingRows(plan, slots, connection);
                KeyAssignment.Result keys = KeyAssignment.assign(slots, plan.keys(), plan.distinctByServer(),
                        plan.rows(), settings.seed());
                keys.capped().forEach(c -> findings.add(new SeedFinding(Kind.UNIQUE_CAPACITY, plan.name(),
                        Optional.empty(), c + ", so " + keys.rows() + " rows were written instead of " + plan.rows())));
                keys.unguaranteed().forEach(k -> findings.add(new SeedFinding(Kind.UNIQUE_NOT_GUARANTEED,
                        plan.name(), Optional.of(k), "no column of it could be made distinct; the server may reject"
                                + " duplicate rows")));
                if (!bindSelfReferences(plan, slots, keys.rows(), findings)) {
                    connection.rollback();
                    return result(plan, TableSeeding.Outcome.SKIPPED, 0, started, findings);
                }
                stream = new RowStream(plan, slots, keys, settings.seed());
                long written = stream.copy(connection);
                stream = null;
                advanceSequences(plan, connection);
                if (settings.analyze()) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("analyze " + Identifiers.qualified(plan.table().schema(), plan.table().name()));
                    }
                }
                connection.commit();
                return result(plan, TableSeeding.Outcome.SEEDED, written, started, findings);
            } finally {
                if (stream != null) {
                    stream.cancel();
                }
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            boolean copy = e instanceof RowStream.CopyFailure;
            SQLException cause = copy ? (SQLException) e.getCause() : e;
            findings.add(new SeedFinding(copy ? Kind.COPY_REJECTED : Kind.SEEDING_FAILED, plan.name(),
                    Optional.empty(), (copy ? "the server rejected the COPY: " : "seeding failed: ")
                            + serverMessage(cause) + "; the transaction was rolled back and nothing was written"));
            return result(plan, TableSeeding.Outcome.FAILED, 0, started, findings);
        }
    }

    private void configure(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select pg_catalog.set_config('statement_timeout', ?, true),"
                        + " pg_catalog.set_config('lock_timeout', ?, true),"
                        + " pg_catalog.set_config('synchronous_commit', 'off', true)")) {
            statement.setString(1, settings.statementTimeout().toMillis() + "ms");
            statement.setString(2, settings.lockTimeout().toMillis() + "ms");
            statement.executeQuery().close();
        }
    }

    /** Reads the parent keys of each foreign key; empty unless a NOT NULL key has no parent rows. */
    private static Optional<SeedFinding> bindParents(TablePlan plan, List<Slot> slots, Connection connection,
            List<SeedFinding> findings) throws SQLException {
        int limit = (int) Math.min(ParentKeys.LIMIT, Math.max(plan.rows(), 100_000));
        for (int i = 0; i < slots.size(); i++) {
            if (!(slots.get(i) instanceof ForeignKeySlot slot)) {
                continue;
            }
            ParentKeys keys = ParentKeys.read(connection, slot.key(), limit);
            String parent = slot.key().parent().schema() + "." + slot.key().parent().name();
            if (keys.size() > 0) {
                slot.bind(keys);
            } else if (slot.nullable()) {
                slots.set(i, new Slot.Nulls(slot.columns()));
                findings.add(new SeedFinding(Kind.MISSING_PARENT_ROWS, plan.name(), Optional.of(slot.key().name()),
                        parent + " has no rows to reference; left NULL"));
            } else {
                SeedFinding finding = new SeedFinding(Kind.MISSING_PARENT_ROWS, plan.name(),
                        Optional.of(slot.key().name()), parent + " has no rows to reference, and the key is NOT NULL;"
                                + " the table is not seeded");
                findings.add(finding);
                return Optional.of(finding);
            }
        }
        return Optional.empty();
    }

    /** Moves the injective sequences of ordered key columns above what a non-empty table already holds. */
    private static void moveAboveExistingRows(TablePlan plan, List<Slot> slots, Connection connection)
            throws SQLException {
        String table = Identifiers.qualified(plan.table().schema(), plan.table().name());
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select exists (select from " + table + ")")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return;
            }
        }
        for (Slot slot : slots) {
            boolean keyed = plan.keys().stream().anyMatch(k -> k.columns().containsAll(slot.columns()));
            if (slot instanceof Slot.Values values && keyed && values.generator().ordered()) {
                String column = Identifiers.quote(slot.columns().get(0));
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("select max(" + column + ")::text from " + table)) {
                    if (rs.next() && rs.getString(1) != null) {
                        values.above(rs.getString(1));
                    }
                }
            }
        }
    }

    /** Points self-references at the key column's sequence; false when a NOT NULL one cannot be. */
    private static boolean bindSelfReferences(TablePlan plan, List<Slot> slots, long rows, List<SeedFinding> findings) {
        for (int i = 0; i < slots.size(); i++) {
            if (!(slots.get(i) instanceof SelfReferenceSlot slot)) {
                continue;
            }
            String target = slot.key().parentColumns().get(0);
            Optional<Slot> targetSlot = slots.stream().filter(s -> s.columns().equals(List.of(target))).findFirst();
            if (targetSlot.isPresent() && targetSlot.get() instanceof Slot.Values values
                    && values.mode() == Slot.Mode.SEQUENCE && rows > 0) {
                slot.bind(values, rows);
                continue;
            }
            String why = "references " + target + ", which is not written as a distinct sequence";
            findings.add(new SeedFinding(Kind.SELF_REFERENCE, plan.name(), Optional.of(slot.key().name()),
                    slot.nullable() ? why + "; left NULL" : why + ", and it is NOT NULL; the table is not seeded"));
            if (!slot.nullable()) {
                return false;
            }
            slots.set(i, new Slot.Nulls(slot.columns()));
        }
        return true;
    }

    private static void advanceSequences(TablePlan plan, Connection connection) throws SQLException {
        String table = Identifiers.qualified(plan.table().schema(), plan.table().name());
        for (String column : plan.sequencesToAdvance()) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select pg_catalog.setval(pg_catalog.pg_get_serial_sequence(?, ?), m) from (select max("
                            + Identifiers.quote(column) + ") m from " + table + ") x where m is not null")) {
                statement.setString(1, table);
                statement.setString(2, column);
                statement.executeQuery().close();
            }
        }
    }

    private static String serverMessage(SQLException e) {
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            var server = psql.getServerErrorMessage();
            StringBuilder text = new StringBuilder(String.valueOf(server.getMessage()));
            Optional.ofNullable(server.getDetail()).ifPresent(d -> text.append(" (").append(d).append(')'));
            Optional.ofNullable(server.getWhere()).ifPresent(w -> text.append(" [").append(w).append(']'));
            Optional.ofNullable(server.getSQLState()).ifPresent(s -> text.append(" SQLSTATE ").append(s));
            return text.toString();
        }
        return e.getMessage();
    }

    private static TableSeeding result(TablePlan plan, TableSeeding.Outcome outcome, long written, long started,
            List<SeedFinding> findings) {
        return new TableSeeding(plan.name(), outcome, plan.rows(), written,
                Duration.ofNanos(System.nanoTime() - started), findings);
    }
}
