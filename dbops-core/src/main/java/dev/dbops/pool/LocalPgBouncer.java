package dev.dbops.pool;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresUrl;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PgBouncer started from the system's installation on 127.0.0.1, in front of one database, for
 * tests and experiments (the Debian package {@code pgbouncer}). Clients are trusted; PgBouncer logs
 * in to PostgreSQL with the backend URL's user and password. Closing it stops the process and deletes
 * its files.
 *
 * <p>PgBouncer refuses to run as root; as root it runs under {@code unshare -U}, as the embedded
 * PostgreSQL does.
 */
public final class LocalPgBouncer implements AutoCloseable {

    private final Process process;
    private final Path directory;
    private final int port;
    private final PostgresUrl backend;
    private final PgBouncerVersion version;

    private LocalPgBouncer(Process process, Path directory, int port, PostgresUrl backend, PgBouncerVersion version) {
        this.process = process;
        this.directory = directory;
        this.port = port;
        this.backend = backend;
        this.version = version;
    }

    /** The {@code pgbouncer} program: {@code $PGBOUNCER}, else the {@code PATH}, else {@code /usr/sbin/pgbouncer}. */
    public static Optional<Path> findBinary() {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("PGBOUNCER")).filter(s -> !s.isBlank()).map(Path::of).ifPresent(candidates::add);
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "pgbouncer"));
            }
        }
        candidates.add(Path.of("/usr/sbin/pgbouncer"));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /**
     * The release of a {@code pgbouncer} program, from {@code pgbouncer --version}.
     *
     * @throws DbopsException with {@link ErrorCode#IO_FAILED} when it cannot be run or prints no version
     */
    public static PgBouncerVersion versionOf(Path binary) {
        return Builder.version(Objects.requireNonNull(binary, "binary"));
    }

    /** Starts configuring a PgBouncer run by {@code binary} in front of the database {@code backend} names. */
    public static Builder builder(Path binary, PostgresUrl backend) {
        return new Builder(binary, backend);
    }

    /** The URL of the database through PgBouncer, as the backend's user (no password: clients are trusted). */
    public PostgresUrl url() {
        return new PostgresUrl("127.0.0.1", port, backend.database(), backend.user(), Optional.empty(), Map.of());
    }

    /** The URL of PgBouncer's admin console (database {@code pgbouncer}), as an admin user. */
    public PostgresUrl adminUrl() {
        return url().withDatabase("pgbouncer");
    }

    /** The release running. */
    public PgBouncerVersion version() {
        return version;
    }

    /** The port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** Stops PgBouncer and deletes its configuration and log. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: a leftover temporary directory is harmless.
        }
    }

    /** Configures a {@link LocalPgBouncer}. */
    public static final class Builder {

        private final Path binary;
        private final PostgresUrl backend;
        private final Map<String, String> settings = new LinkedHashMap<>();
        private String authType = "trust";
        private String clientPassword = "";

        private Builder(Path binary, PostgresUrl backend) {
            this.binary = Objects.requireNonNull(binary, "binary");
            this.backend = Objects.requireNonNull(backend, "backend");
            settings.put("pool_mode", "transaction");
            settings.put("default_pool_size", "20");
            settings.put("max_client_conn", "100");
        }

        /** {@code pool_mode} (default transaction). */
        public Builder poolMode(PoolMode mode) {
            settings.put("pool_mode", mode.configValue());
            return this;
        }

        /** {@code default_pool_size} (default 20). */
        public Builder defaultPoolSize(int size) {
            settings.put("default_pool_size", Integer.toString(size));
            return this;
        }

        /** {@code max_client_conn} (default 100). */
        public Builder maxClientConn(int clients) {
            settings.put("max_client_conn", Integer.toString(clients));
            return this;
        }

        /**
         * How clients log in (default: {@code trust}): {@code auth_type} ({@code plain}, {@code md5},
         * {@code scram-sha-256}) and the password PgBouncer's {@code auth_file} gives the backend's user.
         */
        public Builder clientAuthentication(String type, String password) {
            this.authType = Objects.requireNonNull(type, "type");
            this.clientPassword = Objects.requireNonNull(password, "password");
            return this;
        }

        /** Any other {@code [pgbouncer]} setting, for example {@code max_prepared_statements}. */
        public Builder setting(String name, String value) {
            settings.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Writes the configuration, starts PgBouncer and waits until it listens.
         *
         * @throws DbopsException with {@link ErrorCode#IO_FAILED} when it does not start; the message ends
         *     with its log
         */
        public LocalPgBouncer start() {
            PgBouncerVersion version = version(binary);
            Path directory = null;
            try {
                directory = Files.createTempDirectory("dbops-pgbouncer");
                int port = freePort();
                Path ini = directory.resolve("pgbouncer.ini");
                Path log = directory.resolve("pgbouncer.log");
                String user = backend.user().orElse("postgres");
                Files.writeString(directory.resolve("userlist.txt"), quote(user) + " " + quote(clientPassword) + "\n",
                        StandardCharsets.UTF_8);
                StringBuilder text = new StringBuilder("[databases]\n").append(backend.database()).append(" = host=")
                        .append(backend.host()).append(" port=").append(backend.port()).append(" dbname=")
                        .append(backend.database()).append(" user=").append(user);
                backend.password().ifPresent(p -> text.append(" password=").append(p));
                text.append("\n\n[pgbouncer]\nlisten_addr = 127.0.0.1\nlisten_port = ").append(port)
                        .append("\nunix_socket_dir =\nauth_type = ").append(authType).append("\nauth_file = ").append(directory.resolve("userlist.txt"))
                        .append("\nadmin_users = ").append(user).append("\nstats_users = ").append(user)
                        .append("\nignore_startup_parameters = extra_float_digits\nlogfile = ").append(log).append('\n');
                settings.forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
                Files.writeString(ini, text, StandardCharsets.UTF_8);
                List<String> command = new ArrayList<>();
                if ("root".equals(System.getProperty("user.name"))) {
                    command.add("unshare");
                    command.add("-U");
                }
                command.add(binary.toString());
                command.add(ini.toString());
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(directory.resolve("stdout.txt").toFile()).start();
                awaitListening(process, port, directory);
                return new LocalPgBouncer(process, directory, port, backend, version);
            } catch (IOException e) {
                throw new DbopsException(ErrorCode.IO_FAILED, "cannot start PgBouncer " + binary + ": " + e.getMessage()
                        + (directory == null ? "" : logs(directory)), e);
            }
        }

        private static void awaitListening(Process process, int port, Path directory) throws IOException {
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IOException("it exited with status " + process.exitValue());
                }
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return;
                } catch (IOException notYet) {
                    sleep();
                }
            }
            process.destroyForcibly();
            throw new IOException("it did not listen on 127.0.0.1:" + port + " within 15 s");
        }

        private static PgBouncerVersion version(Path binary) {
            try {
                Process process = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                process.waitFor(10, TimeUnit.SECONDS);
                return PgBouncerVersion.parse(output).orElseThrow(() -> new IOException(
                        "'" + binary + " --version' printed no version: " + output.strip()));
            } catch (IOException e) {
                throw new DbopsException(ErrorCode.IO_FAILED, "cannot run " + binary + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DbopsException(ErrorCode.IO_FAILED, "interrupted while running " + binary, e);
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }

        private static String quote(String value) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }

        private static String logs(Path directory) {
            StringBuilder text = new StringBuilder();
            for (String name : List.of("stdout.txt", "pgbouncer.log")) {
                try {
                    text.append("\n").append(name).append(":\n").append(Files.readString(directory.resolve(name)));
                } catch (IOException e) {
                    // Not written (yet).
                }
            }
            return text.toString();
        }

        private static void sleep() {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
