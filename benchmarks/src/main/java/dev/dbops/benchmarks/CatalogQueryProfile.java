package dev.dbops.benchmarks;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Times each catalog query of the inspector on its own, from outside: the SQL text is read at run
 * time from the package-private {@code dev.dbops.schema.CatalogQueries.forServer} by reflection, so
 * the profile always matches the inspector being benchmarked. (The few follow-up queries the
 * inspector runs only when it needs them, such as the server's rendering of an unusual index, are
 * not part of it.) Each run opens a fresh connection and
 * runs every query in one read-only repeatable-read transaction with an empty {@code search_path},
 * as the inspector does, reading every column of every row as text.
 *
 * <p>The times include the round trip and the transfer of the rows, not the inspector's
 * assembly of the model; the difference between a one-connection inspection and the sum of these
 * is that. Where {@link BackendCpu} can read it, each query's backend CPU time is recorded too: it
 * depends far less on what else the machine is doing than the wall-clock time does.
 */
final class CatalogQueryProfile {

    private static final String QUERIES_CLASS = "dev.dbops.schema.CatalogQueries";

    /** Opens a fresh connection to the database under test. */
    @FunctionalInterface
    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    /** One query as the inspector would run it on this server. */
    record Query(String name, String sql) {
    }

    /**
     * How one query fared.
     *
     * @param rows rows returned in the last run
     * @param characters characters of text returned in the last run, a measure of transfer size
     * @param backendCpu CPU time of the backend for the query, when {@link BackendCpu} can read it
     * @param error why it failed, when it did; its times are then meaningless
     */
    record Result(String name, int rows, long characters, Samples samples, Optional<Samples> backendCpu,
            Optional<String> error) {
    }

    private CatalogQueryProfile() {
    }

    /**
     * The inspector's queries for a server of this version, with the version-gated fragments filled
     * in by {@code CatalogQueries.forServer(int)} itself.
     */
    @SuppressWarnings("unchecked")
    static List<Query> queries(int serverVersionNum) throws ReflectiveOperationException {
        Method forServer = Class.forName(QUERIES_CLASS).getDeclaredMethod("forServer", int.class);
        forServer.setAccessible(true);
        Map<String, String> queries = (Map<String, String>) forServer.invoke(null, serverVersionNum);
        List<Query> result = new ArrayList<>();
        queries.forEach((name, sql) -> result.add(new Query(name, sql)));
        return result;
    }

    /** Runs every query {@code runs} times, each run on a fresh connection, after one untimed run. */
    static List<Result> measure(ConnectionSource source, List<Query> queries, int runs) throws SQLException {
        Map<String, List<Duration>> times = new LinkedHashMap<>();
        Map<String, List<Duration>> cpu = new LinkedHashMap<>();
        Map<String, long[]> sizes = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        String namespacesSql = queries.stream().filter(q -> q.name().equals("NAMESPACES")).findFirst()
                .map(q -> "select n.oid from (" + q.sql() + ") n")
                .orElse("select n.oid from pg_catalog.pg_namespace n"
                        + " where n.nspname <> 'information_schema' and n.nspname !~ '^pg_'");
        for (int run = 0; run <= runs; run++) {
            try (Connection connection = source.open()) {
                int pid = BackendCpu.pid(connection);
                String namespaces = begin(connection, namespacesSql);
                for (Query query : queries) {
                    OptionalLong cpuBefore = BackendCpu.nanos(pid);
                    long started = System.nanoTime();
                    try {
                        long[] size = drain(connection, query.sql(), namespaces);
                        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
                        OptionalLong cpuAfter = BackendCpu.nanos(pid);
                        if (run > 0) {
                            times.computeIfAbsent(query.name(), k -> new ArrayList<>()).add(elapsed);
                            if (cpuBefore.isPresent() && cpuAfter.isPresent()) {
                                cpu.computeIfAbsent(query.name(), k -> new ArrayList<>())
                                        .add(Duration.ofNanos(cpuAfter.getAsLong() - cpuBefore.getAsLong()));
                            }
                        }
                        sizes.put(query.name(), size);
                    } catch (SQLException e) {
                        errors.put(query.name(), e.getMessage());
                        connection.rollback();
                        begin(connection, namespacesSql);
                    }
                }
                connection.rollback();
            }
        }
        List<Result> results = new ArrayList<>();
        for (Query query : queries) {
            long[] size = sizes.getOrDefault(query.name(), new long[] {0, 0});
            List<Duration> samples = times.getOrDefault(query.name(), List.of(Duration.ZERO));
            results.add(new Result(query.name(), (int) size[0], size[1], new Samples(samples),
                    Optional.ofNullable(cpu.get(query.name())).map(Samples::new),
                    Optional.ofNullable(errors.get(query.name()))));
        }
        return results;
    }

    /** Opens the snapshot transaction and returns the inspected namespaces as an {@code oid[]} literal. */
    private static String begin(Connection connection, String namespacesSql) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set transaction isolation level repeatable read, read only");
            statement.execute("select pg_catalog.set_config('search_path', '', true)");
        }
        List<String> oids = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(namespacesSql)) {
            while (rs.next()) {
                oids.add(rs.getString(1));
            }
        }
        return "{" + String.join(",", oids) + "}";
    }

    /** Runs a query to the end, reading every value as text; returns {rows, characters}. */
    private static long[] drain(Connection connection, String sql, String namespaces) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            // Every parameter of a catalog query is the array of inspected namespaces.
            int parameter = 0;
            for (int i = sql.indexOf('?'); i >= 0; i = sql.indexOf('?', i + 1)) {
                statement.setString(++parameter, namespaces);
            }
            statement.setFetchSize(5000);
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                long rows = 0;
                long characters = 0;
                while (rs.next()) {
                    rows++;
                    for (int c = 1; c <= columns; c++) {
                        String value = rs.getString(c);
                        characters += value == null ? 0 : value.length();
                    }
                }
                return new long[] {rows, characters};
            }
        }
    }
}
