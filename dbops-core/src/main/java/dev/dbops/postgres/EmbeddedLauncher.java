package dev.dbops.postgres;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of starting an {@link EmbeddedPostgres} from validated options: binaries, data directory,
 * {@code initdb}, {@code postgres}, readiness.
 */
final class EmbeddedLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final String SUPERUSER = "postgres";
    /** sockaddr_un.sun_path is 108 bytes including the terminating NUL. */
    private static final int MAX_SOCKET_PATH = 107;
    private static final int PORT_ATTEMPTS = 3;

    private final String exactVersion;
    private final int port;
    private final Map<String, String> settings;
    private final Optional<Path> dataDirectory;
    private final Duration startTimeout;

    EmbeddedLauncher(String exactVersion, int port, Map<String, String> settings, Optional<Path> dataDirectory,
            Duration startTimeout) {
        this.exactVersion = exactVersion;
        this.port = port;
        this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        this.dataDirectory = dataDirectory;
        this.startTimeout = startTimeout;
    }

    EmbeddedPostgres launch() {
        long unpackStarted = System.nanoTime();
        Path home = PostgresBinaries.fromEnvironment().install(exactVersion);
        long started = System.nanoTime();
        PostgresCommands commands = PostgresCommands.forInstallation(home);
        boolean owned = dataDirectory.isEmpty();
        Path data;
        try {
            if (owned) {
                data = Files.createTempDirectory("dbops-pg" + exactVersion.split("\\.")[0] + "-");
            } else {
                data = dataDirectory.get();
                Files.createDirectories(data);
                Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new DbopsException(ErrorCode.EMBEDDED_POSTGRES_FAILED, "Cannot create the data directory: "
                    + e.getMessage() + " — check that " + dataDirectory.orElse(Path.of(System.getProperty(
                            "java.io.tmpdir"))) + " is writable.", e);
        }
        try {
            String password = initdb(commands, data);
            long initialized = System.nanoTime();
            EmbeddedPostgres server = startServer(commands, data, owned, password);
            LOG.info("Started embedded PostgreSQL {} on 127.0.0.1:{} in {} ms (binaries {} ms, initdb {} ms,"
                    + " start {} ms){}", exactVersion, server.port(), (System.nanoTime() - unpackStarted) / 1_000_000,
                    (started - unpackStarted) / 1_000_000, (initialized - started) / 1_000_000,
                    (System.nanoTime() - initialized) / 1_000_000,
                    commands.inUserNamespace() ? " under unshare -U" : "");
            return server;
        } catch (RuntimeException e) {
            if (owned) {
                BinariesCache.deleteRecursively(data);
            }
            throw e;
        }
    }

    private static String initdb(PostgresCommands commands, Path data) {
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Path passwordFile = null;
        Path initdbLog = null;
        try {
            passwordFile = Files.createTempFile("dbops-pg-password", ".txt",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
            initdbLog = Files.createTempFile("dbops-initdb", ".log");
            commands.initdb(data, passwordFile, initdbLog);
            return password;
        } catch (IOException e) {
            throw new DbopsException(ErrorCode.EMBEDDED_POSTGRES_FAILED, "Cannot prepare initdb: " + e.getMessage()
                    + " — check that java.io.tmpdir is writable.", e);
        } finally {
            deleteQuietly(passwordFile);
            deleteQuietly(initdbLog);
        }
    }

    private EmbeddedPostgres startServer(PostgresCommands commands, Path data, boolean owned, String password) {
        Path log = data.resolve("postgres.log");
        Map<String, String> all = new LinkedHashMap<>();
        all.put("listen_addresses", "127.0.0.1");
        String socketDirectory = data.toString();
        boolean socketFits = socketDirectory.length() + "/.s.PGSQL.65535".length() <= MAX_SOCKET_PATH;
        all.put("unix_socket_directories", socketFits ? socketDirectory : "");
        all.put("fsync", "off");
        all.put("synchronous_commit", "off");
        all.put("full_page_writes", "off");
        all.putAll(settings);
        for (int attempt = 1; ; attempt++) {
            int chosenPort = port != 0 ? port : freePort();
            PostgresUrl url = PostgresUrl.of("127.0.0.1", chosenPort, "postgres").withCredentials(SUPERUSER, password);
            long logOffset = sizeOf(log);
            Process process = commands.startPostgres(data, chosenPort, all, log);
            ReadinessProbe.Outcome outcome = ReadinessProbe.await(process, url, startTimeout);
            if (outcome.versionNum().isPresent()) {
                return new EmbeddedPostgres(exactVersion, outcome.versionNum().getAsInt(), data, owned, process, url);
            }
            ServerStopper.stop(process, data);
            String logTail = PostgresCommands.tail(log);
            String thisAttempt = logSince(log, logOffset);
            boolean portTaken = thisAttempt.contains("could not bind") || thisAttempt.contains("already in use");
            if (port == 0 && portTaken && attempt < PORT_ATTEMPTS) {
                LOG.debug("Port {} was taken before PostgreSQL could bind it; trying another", chosenPort);
                continue;
            }
            throw new DbopsException(ErrorCode.EMBEDDED_POSTGRES_FAILED, "Embedded PostgreSQL " + exactVersion
                    + " did not start on port " + chosenPort + ": " + outcome.problem() + (portTaken
                            ? " — the port is in use; choose another with port(…) or 0 for a free one."
                            : " — see the server log below; check the settings given with setting(…) and the"
                                    + " free disk space.") + "\nLast lines of " + log + ":\n" + logTail,
                    outcome.failure().orElse(null));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new DbopsException(ErrorCode.EMBEDDED_POSTGRES_FAILED, "Cannot find a free TCP port on"
                    + " 127.0.0.1: " + e.getMessage() + " — give one with port(…).", e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** What the server wrote to its log after {@code offset}: the output of the latest attempt only. */
    private static String logSince(Path log, long offset) {
        try {
            byte[] all = Files.readAllBytes(log);
            int from = (int) Math.min(offset, all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.debug("Cannot delete {}: {}", file, e.getMessage());
            }
        }
    }
}
