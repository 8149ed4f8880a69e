package dev.dbops.trace.seed;

import dev.dbops.schema.Identifiers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;

/**
 * Key tuples of a parent table, read with {@code COPY (SELECT …) TO STDOUT} in key order and kept
 * as COPY text, so a child row takes one verbatim. At most {@link #LIMIT} tuples are read.
 */
final class ParentKeys {

    /** The most parent keys one foreign key reads. */
    static final int LIMIT = 1_000_000;

    static final ParentKeys NONE = new ParentKeys(List.of());

    private final List<byte[]> tuples;

    private ParentKeys(List<byte[]> tuples) {
        this.tuples = tuples;
    }

    /** Reads up to {@code limit} non-NULL tuples of the parent columns, smallest first. */
    static ParentKeys read(Connection connection, TableKeys.ForeignKey key, int limit) throws SQLException {
        String columns = key.parentColumns().stream().map(Identifiers::quote).collect(Collectors.joining(", "));
        String notNull = key.parentColumns().stream().map(c -> Identifiers.quote(c) + " is not null")
                .collect(Collectors.joining(" and "));
        String sql = "copy (select " + columns + " from "
                + Identifiers.qualified(key.parent().schema(), key.parent().name()) + " where " + notNull
                + " order by " + columns + " limit " + limit + ") to stdout";
        TupleCollector collector = new TupleCollector();
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, collector);
        } catch (IOException e) {
            throw new SQLException("reading the keys of " + key.parent() + " failed: " + e.getMessage(), e);
        }
        return new ParentKeys(collector.tuples);
    }

    int size() {
        return tuples.size();
    }

    /** The tuple as COPY text, its fields separated by tabs. */
    byte[] get(int index) {
        return tuples.get(index);
    }

    /** Splits the COPY output into one byte array per row, without the newline. */
    private static final class TupleCollector extends OutputStream {

        private final List<byte[]> tuples = new ArrayList<>();
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(32);

        @Override
        public void write(int b) {
            if (b == '\n') {
                tuples.add(line.toByteArray());
                line.reset();
            } else {
                line.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            int start = offset;
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    line.write(bytes, start, i - start);
                    tuples.add(line.toByteArray());
                    line.reset();
                    start = i + 1;
                }
            }
            line.write(bytes, start, offset + length - start);
        }
    }
}
