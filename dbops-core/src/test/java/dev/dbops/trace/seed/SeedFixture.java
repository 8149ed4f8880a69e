package dev.dbops.trace.seed;

import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A scratch database with a schema, and queries to check what seeding wrote. */
final class SeedFixture implements AutoCloseable {

    private final PostgresDatabase database;
    private final Connection connection;

    private SeedFixture(String ddl) throws SQLException {
        this.database = PostgresProvider.shared().createDatabase();
        this.connection = database.connect();
        exec(ddl);
    }

    static SeedFixture with(String ddl) throws SQLException {
        return new SeedFixture(ddl);
    }

    PostgresDatabase database() {
        return database;
    }

    SeedReport seed(DataSeeder.Builder builder) {
        return builder.build().seed(database.dataSource());
    }

    void exec(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The first column of the first row, as text. */
    String value(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    long number(String sql) throws SQLException {
        return Long.parseLong(value(sql));
    }

    /** Every row, its columns joined by {@code |}. */
    List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.close();
        } finally {
            database.close();
        }
    }
}
