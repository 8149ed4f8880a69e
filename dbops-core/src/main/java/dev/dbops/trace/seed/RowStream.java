package dev.dbops.trace.seed;

import dev.dbops.schema.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Generates a table's rows and streams them through one {@code COPY … FROM STDIN} in text format,
 * 64 KiB at a time: nothing is held in memory beyond one buffer. The random numbers come from one
 * generator seeded by the seeding's seed and the table's name, so a seed gives the same rows
 * whichever order or connection the tables are seeded in.
 */
final class RowStream {

    /** A COPY the server rejected; its cause is the server's error. */
    static final class CopyFailure extends SQLException {
        private static final long serialVersionUID = 1L;

        CopyFailure(SQLException cause) {
            super(cause.getMessage(), cause.getSQLState(), cause);
        }
    }

    private final TablePlan plan;
    private final List<Slot> slots;
    private final KeyAssignment.Result keys;
    private final SplittableRandom random;
    private CopyIn copyIn;

    RowStream(TablePlan plan, List<Slot> slots, KeyAssignment.Result keys, long seed) {
        this.plan = plan;
        this.slots = List.copyOf(slots);
        this.keys = keys;
        this.random = new SplittableRandom(seed ^ KeyedValues.scramble(plan.name().hashCode()));
    }

    /** Streams the rows and ends the COPY; returns the rows the server counted. */
    long copy(Connection connection) throws SQLException {
        if (slots.isEmpty()) {
            return insertDefaults(connection);
        }
        String columns = slots.stream().flatMap(s -> s.columns().stream()).map(Identifiers::quote)
                .collect(Collectors.joining(", "));
        String sql = "copy " + Identifiers.qualified(plan.table().schema(), plan.table().name()) + " (" + columns
                + ") from stdin";
        try {
            copyIn = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            CopyBuffer out = CopyBuffer.to((bytes, length) -> copyIn.writeToCopy(bytes, 0, length));
            write(out);
            out.flush();
            long rows = copyIn.endCopy();
            copyIn = null;
            return rows;
        } catch (SQLException e) {
            throw new CopyFailure(e);
        }
    }

    private void write(CopyBuffer out) throws SQLException {
        int[][] positions = new int[keys.composites().size()][];
        for (int c = 0; c < positions.length; c++) {
            List<Slot> members = keys.composites().get(c).slots();
            positions[c] = members.stream().mapToInt(slots::indexOf).toArray();
        }
        Slot[] row = slots.toArray(new Slot[0]);
        long[] digits = new long[row.length];
        long rows = keys.rows();
        for (long r = 0; r < rows; r++) {
            for (int c = 0; c < positions.length; c++) {
                keys.composites().get(c).digits(r, digits, positions[c]);
            }
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    out.tab();
                }
                row[i].write(r, row[i].mode() == Slot.Mode.SEQUENCE ? r : digits[i], random, out);
            }
            out.endRow();
        }
    }

    /** A table whose every column is filled by the server gets its rows from its defaults. */
    private long insertDefaults(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("insert into "
                + Identifiers.qualified(plan.table().schema(), plan.table().name())
                + " select from pg_catalog.generate_series(1, ?)")) {
            statement.setLong(1, keys.rows());
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new CopyFailure(e);
        }
    }

    /** Abandons a COPY that is still open. */
    void cancel() {
        if (copyIn != null && copyIn.isActive()) {
            try {
                copyIn.cancelCopy();
            } catch (SQLException alreadyFailed) {
                // The transaction is rolled back next; the cancel's own error adds nothing.
            }
        }
    }
}
