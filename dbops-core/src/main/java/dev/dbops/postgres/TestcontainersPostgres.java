package dev.dbops.postgres;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A PostgreSQL container started through Testcontainers, found reflectively so that dbops does not
 * depend on it: the caller puts {@code org.testcontainers:testcontainers-postgresql} (2.x; {@code postgresql} in
 * 1.x) on the classpath.
 */
final class TestcontainersPostgres implements PostgresServer {

    static final Path DEFAULT_DOCKER_SOCKET = Path.of("/var/run/docker.sock");
    /** The image tag when none is given: 15, matching the system's pg_dump (see {@link EmbeddedPostgres}). */
    static final String DEFAULT_TAG = "15";
    private static final String[] CONTAINER_CLASSES = {
        "org.testcontainers.postgresql.PostgreSQLContainer", // Testcontainers 2.x
        "org.testcontainers.containers.PostgreSQLContainer", // Testcontainers 1.x
    };

    private final AutoCloseable container;
    private final ExternalPostgres server;

    private TestcontainersPostgres(AutoCloseable container, ExternalPostgres server) {
        this.container = container;
        this.server = server;
    }

    /** Starts {@code postgres:<tag>} when a Docker engine is found, else explains why it cannot. */
    static PostgresServer start(String tag, Map<String, String> environment, Path dockerSocket) {
        Optional<String> engine = dockerEngine(environment, dockerSocket);
        if (engine.isEmpty()) {
            throw new DbopsException(ErrorCode.INVALID_CONFIGURATION, "DBOPS_TEST_POSTGRES asks for testcontainers,"
                    + " but no Docker engine was found: DOCKER_HOST is not set and " + dockerSocket
                    + " does not accept connections — use 'embedded' (the default; no Docker needed) or the URL of"
                    + " an existing server (jdbc:postgresql://…), or start Docker.");
        }
        Class<?> type = containerClass().orElseThrow(() -> new DbopsException(ErrorCode.INVALID_CONFIGURATION,
                "DBOPS_TEST_POSTGRES asks for testcontainers and a Docker engine is there (" + engine.get()
                        + "), but Testcontainers' PostgreSQLContainer is not on the classpath — add the test dependency"
                        + " org.testcontainers:testcontainers-postgresql (2.x; org.testcontainers:postgresql in 1.x),"
                        + " or use 'embedded'."));
        String image = "postgres:" + tag;
        Object container = null;
        try {
            container = type.getConstructor(String.class).newInstance(image);
            type.getMethod("start").invoke(container);
            String jdbcUrl = (String) type.getMethod("getJdbcUrl").invoke(container);
            String user = (String) type.getMethod("getUsername").invoke(container);
            String password = (String) type.getMethod("getPassword").invoke(container);
            ExternalPostgres server = ExternalPostgres.connect(PostgresUrl.parse(jdbcUrl).withCredentials(user, password));
            return new TestcontainersPostgres((AutoCloseable) container, server);
        } catch (ReflectiveOperationException | ClassCastException | DbopsException e) {
            stopQuietly(container);
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            throw new DbopsException(ErrorCode.EMBEDDED_POSTGRES_FAILED, "Cannot start the Testcontainers image "
                    + image + " via " + engine.get() + ": " + cause + " — check that Docker can pull and run it,"
                    + " or use 'embedded'.", cause);
        }
    }

    /** Where a Docker engine is, if any: {@code DOCKER_HOST}, else a socket file that accepts a connection. */
    static Optional<String> dockerEngine(Map<String, String> environment, Path dockerSocket) {
        String dockerHost = environment.getOrDefault("DOCKER_HOST", "");
        if (!dockerHost.isBlank()) {
            return Optional.of("DOCKER_HOST=" + dockerHost);
        }
        if (Files.exists(dockerSocket)) {
            try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                channel.connect(UnixDomainSocketAddress.of(dockerSocket));
                return Optional.of(dockerSocket.toString());
            } catch (IOException | UnsupportedOperationException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<Class<?>> containerClass() {
        for (String name : CONTAINER_CLASSES) {
            try {
                return Optional.of(Class.forName(name, true, TestcontainersPostgres.class.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next name
            }
        }
        return Optional.empty();
    }

    private static void stopQuietly(Object container) {
        if (container instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // the start failure is the one worth reporting
            }
        }
    }

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
        server.close();
        stopQuietly(container);
    }
}
