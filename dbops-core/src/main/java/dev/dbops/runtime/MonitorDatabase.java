package dev.dbops.runtime;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresConnector;
import dev.dbops.postgres.PostgresUrl;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An application's database as dbops reaches it on connections of its own, never borrowed from the
 * application's pool: the pool inspector, the replication probe, the audit and scheduled drills use it, so that
 * they answer in bounded time when the pool is exhausted.
 *
 * <p>The URL and credentials are those the application connects with (the framework module finds them, in the
 * pool's configuration or the framework's settings). {@link #location()} names the database without credentials,
 * and {@link Naming} how messages name it, for messages.
 */
public final class MonitorDatabase {

    private final Optional<PostgresUrl> url;
    private final String location;
    private final Naming naming;

    /**
     * How messages name the database and the setting to fix when dbops cannot reach it on its own connections.
     *
     * @param database the database, e.g. {@code the application's database}
     * @param source what to give a PostgreSQL URL, e.g. {@code the DataSource}
     */
    public record Naming(String database, String source) {

        /** Checks that nothing is null. */
        public Naming {
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(source, "source");
        }
    }

    private MonitorDatabase(Optional<PostgresUrl> url, String location, Naming naming) {
        this.url = url;
        this.location = location;
        this.naming = Objects.requireNonNull(naming, "naming");
    }

    /**
     * The database a JDBC URL names, reached as {@code user}; a URL dbops cannot read (another database system,
     * several hosts) gives a database whose {@link #url()} is empty.
     */
    public static MonitorDatabase of(String jdbcUrl, String user, String password, Naming naming) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        try {
            PostgresUrl parsed = PostgresUrl.parse(jdbcUrl);
            if (user != null && !user.isEmpty()) {
                parsed = parsed.withCredentials(user, password == null ? "" : password);
            }
            return new MonitorDatabase(Optional.of(parsed), withoutCredentials(parsed), naming);
        } catch (DbopsException e) {
            return unknown("its JDBC URL is not one dbops can read (" + e.getMessage() + ")", naming);
        }
    }

    /** A database dbops cannot reach on its own connections, and why. */
    public static MonitorDatabase unknown(String why, Naming naming) {
        return new MonitorDatabase(Optional.empty(), "(unknown: " + why + ")", naming);
    }

    /** The URL with the application's credentials, when known; its {@code toString()} masks the password. */
    public Optional<PostgresUrl> url() {
        return url;
    }

    /** The JDBC URL without user or password ({@code jdbc:postgresql://db:5432/app}), safe for any message. */
    public String location() {
        return location;
    }

    /**
     * Opens a connection of dbops's own, with connect and login timeouts; the caller closes it.
     *
     * @throws DbopsException with {@link ErrorCode#CONNECTION_FAILED} when the URL is unknown or the server
     *     cannot be reached, {@link ErrorCode#AUTHENTICATION_FAILED} when it rejects the credentials
     */
    public Connection open(Duration connectTimeout) {
        PostgresUrl target = url.orElseThrow(() -> new DbopsException(ErrorCode.CONNECTION_FAILED,
                "dbops cannot open a connection of its own to " + naming.database() + " " + location
                        + " — give " + naming.source() + " a jdbc:postgresql:// URL"));
        return PostgresConnector.open(withTimeouts(target, connectTimeout));
    }

    /** The URL with connect and login timeouts, unless it sets them itself. */
    static PostgresUrl withTimeouts(PostgresUrl url, Duration connectTimeout) {
        Map<String, String> parameters = new LinkedHashMap<>(url.parameters());
        String seconds = Long.toString(Math.max(1, connectTimeout.toSeconds()));
        parameters.putIfAbsent("connectTimeout", seconds);
        parameters.putIfAbsent("loginTimeout", seconds);
        return new PostgresUrl(url.host(), url.port(), url.database(), url.user(), url.password(), parameters);
    }

    private static String withoutCredentials(PostgresUrl url) {
        return new PostgresUrl(url.host(), url.port(), url.database(), Optional.empty(), Optional.empty(),
                url.parameters()).masked();
    }

    @Override
    public String toString() {
        return "MonitorDatabase[" + location + "]";
    }
}
