package dev.dbops.postgres;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Provides the PostgreSQL server that tests run against, chosen by configuration.
 *
 * <p>The choice comes from the system property {@value #SYSTEM_PROPERTY}, else the environment
 * variable {@value #ENVIRONMENT_VARIABLE}, else {@code embedded}:
 * <ul>
 *   <li>{@code embedded} — an {@link EmbeddedPostgres} 15;</li>
 *   <li>{@code embedded:<version>} — another major ({@code embedded:18}) or exact release
 *       ({@code embedded:15.19.0});</li>
 *   <li>{@code jdbc:postgresql://…} or {@code postgresql://…} — an existing server
 *       ({@link ExternalPostgres}; its user needs CREATEDB);</li>
 *   <li>{@code testcontainers} or {@code testcontainers:<image tag>} — a {@code postgres} container,
 *       only when a Docker engine is present and Testcontainers is on the classpath.</li>
 * </ul>
 */
public final class PostgresProvider {

    /** The environment variable that chooses the test server. */
    public static final String ENVIRONMENT_VARIABLE = "DBOPS_TEST_POSTGRES";
    /** The system property that chooses the test server, winning over the environment variable. */
    public static final String SYSTEM_PROPERTY = "dbops.test.postgres";
    /** The choice when neither is set. */
    public static final String DEFAULT_SPEC = "embedded";

    static final String ACCEPTED_SPECS = "embedded (the default: PostgreSQL 15), embedded:<major or exact version>"
            + " (embedded:18, embedded:15.19.0), a URL of an existing server (jdbc:postgresql://host:port/db?user=…"
            + "&password=… or postgresql://user:password@host:port/db), testcontainers or testcontainers:<image tag>";

    private static final Object LOCK = new Object();
    private static PostgresServer shared;
    private static DbopsException sharedFailure;

    private PostgresProvider() {
    }

    /**
     * The one server of this JVM, started on first use from the configured spec and closed when the
     * JVM exits; calling {@code close()} on it does nothing. Thread-safe. A failed start is remembered,
     * so later calls fail fast with the same message.
     *
     * @throws DbopsException as {@link #fromSpec(String)} does
     */
    public static PostgresServer shared() {
        synchronized (LOCK) {
            if (shared != null) {
                return shared;
            }
            if (sharedFailure != null) {
                throw new DbopsException(sharedFailure.code(), sharedFailure.getMessage(), sharedFailure);
            }
            String spec = configuredSpec(System::getProperty, System.getenv());
            try {
                PostgresServer server = fromSpec(spec);
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dbops-shared-postgres-shutdown"));
                shared = new SharedServer(server);
                return shared;
            } catch (DbopsException e) {
                sharedFailure = e;
                throw e;
            }
        }
    }

    /**
     * Starts or connects to the server a spec names; the caller closes it.
     *
     * @throws DbopsException with {@link ErrorCode#INVALID_CONFIGURATION} for a spec that is none of
     *     the accepted forms (the message lists them), {@link ErrorCode#INVALID_URL} for a malformed URL,
     *     or the failure of starting or connecting to the server
     */
    public static PostgresServer fromSpec(String spec) {
        Objects.requireNonNull(spec, "spec");
        String trimmed = spec.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.equals("embedded")) {
            return EmbeddedPostgres.builder().start();
        }
        if (lower.startsWith("embedded:")) {
            return EmbeddedPostgres.builder().version(trimmed.substring("embedded:".length())).start();
        }
        if (lower.startsWith("jdbc:") || lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
            return ExternalPostgres.connect(PostgresUrl.parse(trimmed));
        }
        if (lower.equals("testcontainers") || lower.startsWith("testcontainers:")) {
            String tag = lower.equals("testcontainers") ? TestcontainersPostgres.DEFAULT_TAG
                    : trimmed.substring("testcontainers:".length());
            if (tag.isBlank()) {
                throw invalidSpec(spec, "the image tag after 'testcontainers:' is empty");
            }
            return TestcontainersPostgres.start(tag, System.getenv(), TestcontainersPostgres.DEFAULT_DOCKER_SOCKET);
        }
        throw invalidSpec(spec, trimmed.isEmpty() ? "it is empty" : "it is none of the accepted forms");
    }

    /** The spec from the system property, else the environment variable, else {@value #DEFAULT_SPEC}. */
    static String configuredSpec(UnaryOperator<String> systemProperties, Map<String, String> environment) {
        String property = systemProperties.apply(SYSTEM_PROPERTY);
        if (property != null && !property.isBlank()) {
            return property;
        }
        String variable = environment.get(ENVIRONMENT_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return variable;
        }
        return DEFAULT_SPEC;
    }

    private static DbopsException invalidSpec(String spec, String problem) {
        String shown = PostgresUrlParser.maskText(spec.strip());
        return new DbopsException(ErrorCode.INVALID_CONFIGURATION, "Cannot choose a test PostgreSQL from '" + shown
                + "' (" + ENVIRONMENT_VARIABLE + " or -D" + SYSTEM_PROPERTY + "): " + problem
                + ". Accepted forms: " + ACCEPTED_SPECS + ".");
    }

    /** The shared server as handed out: everything but {@code close()}, which only the shutdown hook may do. */
    private record SharedServer(PostgresServer server) implements PostgresServer {
        @Override
        public PostgresUrl adminUrl() {
            return server.adminUrl();
        }

        @Override
        public int majorVersion() {
            return server.majorVersion();
        }

        @Override
        public PostgresDatabase createDatabase() {
            return server.createDatabase();
        }

        @Override
        public void close() {
            // Shared by every test of this JVM; closed by the shutdown hook.
        }

        @Override
        public String toString() {
            return "shared " + server;
        }
    }
}
