package dev.dbops.postgres;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A hot standby streaming from an {@link EmbeddedPostgres} primary, for tests that need a real
 * replica: copied with the system's {@code pg_basebackup} (the PostgreSQL 15 client, so the primary
 * must be 15) and started from the primary's own binaries. Closing it stops it and deletes its files.
 */
public final class StreamingStandby implements AutoCloseable {

    /** The client the standby is copied with. */
    public static final Path PG_BASEBACKUP = Path.of("/usr/bin/pg_basebackup");

    private final Process process;
    private final Path dataDirectory;
    private final PostgresUrl adminUrl;

    private StreamingStandby(Process process, Path dataDirectory, PostgresUrl adminUrl) {
        this.process = process;
        this.dataDirectory = dataDirectory;
        this.adminUrl = adminUrl;
    }

    /** Copies the primary with {@code pg_basebackup -R} and starts the copy as a hot standby. */
    public static StreamingStandby of(EmbeddedPostgres primary) throws IOException, InterruptedException {
        PostgresUrl primaryUrl = primary.adminUrl();
        Path data = Files.createTempDirectory("dbops-standby-");
        ProcessBuilder backup = new ProcessBuilder(PG_BASEBACKUP.toString(), "-h", primaryUrl.host(), "-p",
                Integer.toString(primaryUrl.port()), "-U", primaryUrl.user().orElseThrow(), "-D", data.toString(),
                "-R", "-X", "stream", "-c", "fast", "--no-sync")
                .redirectErrorStream(true)
                .redirectOutput(data.resolveSibling(data.getFileName() + ".basebackup.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        backup.environment().put("PGPASSWORD", primaryUrl.password().orElseThrow());
        Process copy = backup.start();
        if (!copy.waitFor(2, TimeUnit.MINUTES) || copy.exitValue() != 0) {
            copy.destroyForcibly();
            throw new IllegalStateException("pg_basebackup failed: " + Files.readString(
                    data.resolveSibling(data.getFileName() + ".basebackup.log"), StandardCharsets.UTF_8));
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("listen_addresses", "127.0.0.1");
        settings.put("unix_socket_directories", data.toString().length() < 80 ? data.toString() : "");
        settings.put("hot_standby", "on");
        settings.put("fsync", "off");
        Path home = PostgresBinaries.fromEnvironment().install(primary.version());
        Process process = PostgresCommands.forInstallation(home).startPostgres(data, port, settings,
                data.resolve("standby.log"));
        PostgresUrl url = PostgresUrl.of("127.0.0.1", port, "postgres")
                .withCredentials(primaryUrl.user().orElseThrow(), primaryUrl.password().orElseThrow());
        ReadinessProbe.Outcome outcome = ReadinessProbe.await(process, url, Duration.ofSeconds(60));
        if (outcome.versionNum().isEmpty()) {
            ServerStopper.stop(process, data);
            throw new IllegalStateException("the standby did not start: " + outcome.problem() + "\n"
                    + PostgresCommands.tail(data.resolve("standby.log")));
        }
        return new StreamingStandby(process, data, url);
    }

    /** The standby's URL for a database copied from the primary. */
    public PostgresUrl url(String database) {
        return adminUrl.withDatabase(database);
    }

    /** Stops the standby and deletes its data directory. */
    @Override
    public void close() {
        ServerStopper.stop(process, dataDirectory);
        BinariesCache.deleteRecursively(dataDirectory);
        try {
            Files.deleteIfExists(dataDirectory.resolveSibling(dataDirectory.getFileName() + ".basebackup.log"));
        } catch (IOException e) {
            // A leftover log in the temp directory is harmless.
        }
    }
}
