package dev.dbops.testkit;

import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresUrl;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * A field or parameter annotated with {@link DbopsPostgres}: what it is, the server its database comes
 * from (its own attributes over the class's), and whether that database is kept when a test fails.
 *
 * @param description how messages name it: {@code field OrderTest.dataSource}, {@code parameter 0 (url) of OrderTest.saves(String)}
 * @param type the declared type, one of {@link #TYPES}
 * @param server the server the database comes from
 * @param keepOnFailure whether the database is kept when a test fails
 */
record InjectionPoint(String description, Class<?> type, ServerChoice server, boolean keepOnFailure) {

    /** The types a database can be injected as. */
    static final List<Class<?>> TYPES = List.of(DataSource.class, String.class, PostgresDatabase.class, PostgresUrl.class);

    /**
     * Reads and checks an injection point.
     *
     * @param own the annotation on the field or parameter
     * @param defaults the annotation on the test class or an enclosing class, when there is one
     * @param isFinal whether it is a final field, which cannot be injected
     * @throws ExtensionConfigurationException listing every problem, naming the point
     */
    static InjectionPoint of(String description, Class<?> type, boolean isFinal, DbopsPostgres own,
            Optional<DbopsPostgres> defaults) {
        List<String> problems = new ArrayList<>();
        if (!TYPES.contains(type)) {
            problems.add("its type " + type.getName() + " cannot be injected; use one of " + TYPES.stream()
                    .map(Class::getName).toList() + " (a String is the JDBC URL with user and password)");
        }
        if (isFinal) {
            problems.add("it is final, so the database cannot be injected into it; remove 'final'");
        }
        String version = own.version().isBlank() ? defaults.map(DbopsPostgres::version).orElse("") : own.version();
        String server = own.server().isBlank() ? defaults.map(DbopsPostgres::server).orElse("") : own.server();
        ServerChoice choice = null;
        try {
            choice = ServerChoice.of(version, server, ServerChoice.configuredSpec());
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new ExtensionConfigurationException("@DbopsPostgres on " + description + ": "
                    + String.join("; ", problems));
        }
        boolean keep = own.keepOnFailure() || defaults.map(DbopsPostgres::keepOnFailure).orElse(false);
        return new InjectionPoint(description, type, choice, keep);
    }

    /** What to inject for this point's type. */
    Object valueFor(PostgresDatabase database) {
        if (type == DataSource.class) {
            return database.dataSource();
        }
        if (type == String.class) {
            return jdbcUrlWithCredentials(database.url());
        }
        if (type == PostgresUrl.class) {
            return database.url();
        }
        return database;
    }

    /** The JDBC URL with {@code user} and {@code password} as parameters, so that a driver needs nothing else. */
    static String jdbcUrlWithCredentials(PostgresUrl url) {
        StringBuilder text = new StringBuilder(url.jdbcUrl());
        char separator = url.parameters().isEmpty() ? '?' : '&';
        if (url.user().isPresent()) {
            text.append(separator).append("user=").append(URLEncoder.encode(url.user().get(), StandardCharsets.UTF_8));
            separator = '&';
        }
        if (url.password().isPresent()) {
            text.append(separator).append("password=")
                    .append(URLEncoder.encode(url.password().get(), StandardCharsets.UTF_8));
        }
        return text.toString();
    }
}
