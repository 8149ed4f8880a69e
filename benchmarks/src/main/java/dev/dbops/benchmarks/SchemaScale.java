package dev.dbops.benchmarks;

import static dev.dbops.schema.Identifiers.literal;
import static dev.dbops.schema.Identifiers.qualified;
import static dev.dbops.schema.Identifiers.quote;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates a large, realistic schema on a database: {@code tables} tables spread round-robin over
 * {@code schemas} schemas, each with an identity primary key, ten columns of mixed types (some
 * {@code NOT NULL}, some with defaults), a foreign key to the previous table of its schema, two
 * indexes (one partial) and a comment; every tenth table also gets a view and an SQL function.
 *
 * <p>The DDL is sent in large batches, one transaction per batch, so 2,000 tables build in seconds.
 * Every name is generated here and quoted through {@link dev.dbops.schema.Identifiers}.
 *
 * @param tables how many tables to create (at least 20, so that {@link #changes()} has room)
 * @param schemas how many schemas to spread them over
 * @param tablesPerBatch how many tables' DDL go into one round trip and one transaction
 */
public record SchemaScale(int tables, int schemas, int tablesPerBatch) {

    /** The benchmark's standard size: 2,000 tables over 4 schemas. */
    public static final SchemaScale STANDARD = new SchemaScale(2_000, 4, 100);

    /** Validates the sizes. */
    public SchemaScale {
        List<String> problems = new ArrayList<>();
        if (tables < 20) {
            problems.add("tables must be at least 20, was " + tables);
        }
        if (schemas < 1) {
            problems.add("schemas must be at least 1, was " + schemas);
        }
        if (tablesPerBatch < 1) {
            problems.add("tablesPerBatch must be at least 1, was " + tablesPerBatch);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid SchemaScale: " + String.join("; ", problems));
        }
    }

    /** The standard layout with a different number of tables. */
    public static SchemaScale ofTables(int tables) {
        return new SchemaScale(tables, STANDARD.schemas, STANDARD.tablesPerBatch);
    }

    /** What {@link #create(Connection)} built and how long it took. */
    public record Built(int tables, int views, int functions, int indexes, int batches, Duration elapsed) {
    }

    /** Creates the whole schema on the connection's database; the connection is left in auto-commit mode. */
    public Built create(Connection connection) throws SQLException {
        long started = System.nanoTime();
        List<String> batches = batches();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            // Only this session's commits stop waiting for the WAL flush; durability is not the point here.
            statement.execute("set synchronous_commit = off");
            for (String batch : batches) {
                statement.execute(batch);
                connection.commit();
            }
            statement.execute("reset synchronous_commit");
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        int decades = tables / 10;
        return new Built(tables, decades, decades, tables * 2, batches.size(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** The DDL in batches: the schemas first, then {@link #tablesPerBatch} tables per batch. */
    public List<String> batches() {
        List<String> batches = new ArrayList<>();
        StringBuilder batch = new StringBuilder();
        for (int s = 0; s < schemas; s++) {
            batch.append("create schema ").append(quote(schemaName(s))).append(";\n");
        }
        for (int i = 1; i <= tables; i++) {
            appendTable(batch, i);
            if (i % tablesPerBatch == 0 || i == tables) {
                batches.add(batch.toString());
                batch.setLength(0);
            }
        }
        return batches;
    }

    /** The name of schema number {@code index} (from 0). */
    public static String schemaName(int index) {
        return "scale_" + index;
    }

    /** The name of table number {@code index} (from 1). */
    public static String tableName(int index) {
        return "t_%05d".formatted(index);
    }

    /** The schema that holds table number {@code index}. */
    public String schemaOf(int index) {
        return schemaName((index - 1) % schemas);
    }

    private String table(int index) {
        return qualified(schemaOf(index), tableName(index));
    }

    private void appendTable(StringBuilder sql, int i) {
        String table = table(i);
        String name = tableName(i);
        int previous = i - schemas;
        sql.append("create table ").append(table).append(" (\n")
                .append("  id bigint generated always as identity primary key,\n")
                .append("  parent_id bigint").append(previous >= 1
                        ? " references " + table(previous) + " (id) on delete set null" : "").append(",\n")
                .append("  name text not null default '',\n")
                .append("  code varchar(").append(16 * (1 + i % 4)).append("),\n")
                .append("  quantity integer not null default 0,\n")
                .append("  total bigint,\n")
                .append("  price numeric(12,2) not null default 0,\n")
                .append("  active boolean not null default true,\n")
                .append("  created_at timestamptz not null default now(),\n")
                .append("  due_on date,\n")
                .append("  attributes jsonb not null default '{}'::jsonb,\n")
                .append("  external_id uuid default gen_random_uuid()\n")
                .append(");\n");
        sql.append("create index ").append(quote(name + "_parent_idx")).append(" on ").append(table)
                .append(" (parent_id);\n");
        sql.append("create index ").append(quote(name + "_due_active_idx")).append(" on ").append(table)
                .append(" (due_on, code) where active;\n");
        sql.append("comment on table ").append(table).append(" is ")
                .append(literal("Scale table " + i + " of " + tables + ": orders of a tenant shard.")).append(";\n");
        if (i % 10 == 0) {
            sql.append("create view ").append(qualified(schemaOf(i), "v_%05d".formatted(i)))
                    .append(" as select id, name, price, created_at from ").append(table)
                    .append(" where active;\n");
            sql.append("create function ").append(qualified(schemaOf(i), "f_%05d".formatted(i)))
                    .append("(p_id bigint) returns numeric language sql stable as $body$ select price from ")
                    .append(table).append(" where id = p_id $body$;\n");
        }
    }

    /**
     * Twenty small changes spread over the schema, of five kinds (added column, widened type,
     * changed default, dropped partial index, changed comment), four of each: what a diff of
     * "one release later" looks like.
     */
    public List<String> changes() {
        List<String> changes = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            int i = 1 + k * (tables / 20);
            String table = table(i);
            changes.add(switch (k % 5) {
                case 0 -> "alter table " + table + " add column note text";
                case 1 -> "alter table " + table + " alter column code type varchar(200)";
                case 2 -> "alter table " + table + " alter column quantity set default 1";
                case 3 -> "drop index " + qualified(schemaOf(i), tableName(i) + "_due_active_idx");
                default -> "comment on table " + table + " is " + literal("Changed in release 2.");
            });
        }
        return changes;
    }

    /** Applies {@link #changes()} in one transaction. */
    public void applyChanges(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String change : changes()) {
                statement.execute(change);
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
