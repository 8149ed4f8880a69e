package dev.dbops.postgres;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a PostgreSQL database is and who connects to it: host, port, database, optional
 * credentials and extra driver parameters.
 *
 * <p>Read one with {@link #parse(String)} from either of the forms dbops accepts on {@code --url}:
 * <ul>
 *   <li>{@code jdbc:postgresql://host[:port]/database[?user=…&password=…&other=…]}</li>
 *   <li>{@code postgresql://[user[:password]@]host[:port]/database[?other=…]} (or {@code postgres://…}),
 *       with the user and password percent-encoded</li>
 * </ul>
 *
 * <p>{@link #toString()} and {@link #masked()} never show the password, so a {@code PostgresUrl} is
 * safe to log; {@link #jdbcUrl()} leaves the credentials out entirely. Equality compares every part,
 * the password included.
 *
 * @param host the host name or IP address (an IPv6 address without brackets); {@code localhost} when
 *     the URL names none
 * @param port the TCP port; {@value #DEFAULT_PORT} when the URL names none
 * @param database the database name, never empty
 * @param user the user name, if the URL gives one
 * @param password the password, if the URL gives one; never printed
 * @param parameters further driver parameters in the order given (for example {@code sslmode}),
 *     without {@code user} and {@code password}; unmodifiable
 */
public record PostgresUrl(
        String host,
        int port,
        String database,
        Optional<String> user,
        Optional<String> password,
        Map<String, String> parameters) {

    /** The port PostgreSQL listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 5432;

    /** The accepted URL forms, quoted in every error message about a URL. */
    static final String ACCEPTED_FORMS = "jdbc:postgresql://host[:port]/database[?user=…&password=…&…]"
            + " or postgresql://[user[:password]@]host[:port]/database[?…] (postgres://… works too;"
            + " percent-encode special characters in the user and password)";

    /** Checks every part and copies the parameters; use {@link #parse(String)} to read a URL. */
    public PostgresUrl {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(parameters, "parameters");
        if (host.isBlank()) {
            throw invalidPart("the host is empty", "give a host name or IP address");
        }
        if (port < 1 || port > 65_535) {
            throw invalidPart("the port " + port + " is outside 1–65535", "give a valid TCP port");
        }
        if (database.isEmpty()) {
            throw invalidPart("the database name is empty", "give a database name");
        }
        if (user.filter(String::isEmpty).isPresent()) {
            throw invalidPart("the user name is empty", "give a user name or none at all");
        }
        for (String key : parameters.keySet()) {
            String lower = key.toLowerCase(Locale.ROOT);
            if (lower.equals("user") || lower.equals("password")) {
                throw invalidPart("the parameters contain '" + key + "'",
                        "pass credentials as user and password, not as parameters");
            }
        }
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * Reads a PostgreSQL URL in either accepted form, percent-decoding every part.
     *
     * @throws DbopsException with {@link ErrorCode#INVALID_URL} when the text is not a PostgreSQL URL
     *     (for example {@code jdbc:mysql://…}) or a part of it is malformed; the message shows the
     *     input with its password masked and the accepted forms
     */
    public static PostgresUrl parse(String url) {
        Objects.requireNonNull(url, "url");
        return PostgresUrlParser.parse(url);
    }

    /** A URL without credentials or parameters, for example {@code of("localhost", 5432, "app")}. */
    public static PostgresUrl of(String host, int port, String database) {
        return new PostgresUrl(host, port, database, Optional.empty(), Optional.empty(), Map.of());
    }

    /**
     * The JDBC URL for the PostgreSQL driver, without user or password: pass those separately.
     * Parameters are kept as given (an {@code sslpassword} too), so log {@link #masked()} instead.
     */
    public String jdbcUrl() {
        StringBuilder url = new StringBuilder("jdbc:postgresql://")
                .append(hostAndPort())
                .append('/')
                .append(PostgresUrlParser.encode(database));
        String separator = "?";
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            url.append(separator)
                    .append(PostgresUrlParser.encode(parameter.getKey()))
                    .append('=')
                    .append(PostgresUrlParser.encode(parameter.getValue()));
            separator = "&";
        }
        return url.toString();
    }

    /** The same server and credentials, another database on it. */
    public PostgresUrl withDatabase(String otherDatabase) {
        return new PostgresUrl(host, port, otherDatabase, user, password, parameters);
    }

    /** The same database, reached as another user with that user's password. */
    public PostgresUrl withCredentials(String otherUser, String otherPassword) {
        Objects.requireNonNull(otherUser, "otherUser");
        Objects.requireNonNull(otherPassword, "otherPassword");
        return new PostgresUrl(host, port, database, Optional.of(otherUser), Optional.of(otherPassword), parameters);
    }

    /**
     * The URL in JDBC form with the user and every password replaced by {@code ***}, safe to log:
     * {@code jdbc:postgresql://db.example.com:5432/app?sslmode=require&user=alice&password=***}.
     */
    public String masked() {
        StringBuilder url = new StringBuilder("jdbc:postgresql://")
                .append(hostAndPort())
                .append('/')
                .append(PostgresUrlParser.encode(database));
        String query = parameters.entrySet().stream()
                .map(p -> PostgresUrlParser.encode(p.getKey()) + "="
                        + (isSecret(p.getKey()) ? "***" : PostgresUrlParser.encode(p.getValue())))
                .collect(Collectors.joining("&"));
        StringBuilder credentials = new StringBuilder();
        user.ifPresent(u -> credentials.append("user=").append(PostgresUrlParser.encode(u)));
        password.ifPresent(p -> credentials.append(credentials.length() > 0 ? "&" : "").append("password=***"));
        String all = query.isEmpty() ? credentials.toString()
                : credentials.length() == 0 ? query : query + "&" + credentials;
        if (!all.isEmpty()) {
            url.append('?').append(all);
        }
        return url.toString();
    }

    /** The masked URL, never the password; see {@link #masked()}. */
    @Override
    public String toString() {
        return masked();
    }

    /** {@code host:port}, with an IPv6 host in brackets, for messages and URLs. */
    public String hostAndPort() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** {@code host:port/database}, for messages: no user, no password. */
    public String location() {
        return hostAndPort() + "/" + database;
    }

    private static boolean isSecret(String parameterName) {
        return parameterName.toLowerCase(Locale.ROOT).contains("password");
    }

    private static DbopsException invalidPart(String problem, String fix) {
        return new DbopsException(ErrorCode.INVALID_URL,
                "Cannot build a PostgreSQL URL: " + problem + " — " + fix + ".");
    }
}
