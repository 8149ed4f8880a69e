package dev.dbops.backup;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresConnector;
import dev.dbops.postgres.PostgresUrl;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A base backup started as a throwaway PostgreSQL cluster on {@code 127.0.0.1} and a free port.
 *
 * <p>The source's own configuration stays in the copy, but everything that could reach outside it is
 * overridden on the command line: the port and addresses, archiving, replication and restore commands,
 * SSL files, the authentication files (password authentication from {@code 127.0.0.1} only, so the copy
 * accepts the source's users and passwords and nobody without them), durability (off: the copy is thrown
 * away). Starting it performs the WAL recovery that a real restore performs, which is why it is timed.
 * PostgreSQL refuses to run as root; when this JVM is root, it runs under {@code unshare -U}.
 */
final class ScratchCluster implements AutoCloseable {

    private final Process process;
    private final PostgresUrl url;
    private final Path log;

    private ScratchCluster(Process process, PostgresUrl url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /**
     * Starts the data directory and waits until it accepts connections as the source's user.
     *
     * @throws DbopsException with {@link ErrorCode#BACKUP_DRILL_FAILED} and the server log's last lines when it
     *     exits or does not accept connections within {@code timeout}
     */
    static ScratchCluster start(ServerPrograms programs, Path dataDirectory, PostgresUrl source, int versionNum,
            Duration timeout) {
        try {
            prepare(dataDirectory);
            int port = freePort();
            Path log = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
            List<String> command = new ArrayList<>();
            if (isRoot()) {
                command.addAll(List.of("unshare", "-U"));
            }
            command.addAll(List.of(programs.postgres().toString(), "-D", dataDirectory.toString()));
            settings(dataDirectory, port, versionNum).forEach((name, value) -> {
                command.add("-c");
                command.add(name + "=" + value);
            });
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
            ScratchCluster cluster = new ScratchCluster(builder.start(),
                    new PostgresUrl("127.0.0.1", port, source.database(), source.user(), source.password(), Map.of()),
                    log);
            cluster.awaitReady(timeout);
            return cluster;
        } catch (IOException e) {
            throw new DbopsException(ErrorCode.BACKUP_DRILL_FAILED, "Cannot start the backup in " + dataDirectory
                    + " as a scratch cluster: " + e.getMessage(), e);
        }
    }

    /** The copy of the source database, with the source's credentials. */
    PostgresUrl url() {
        return url;
    }

    private static Map<String, String> settings(Path dataDirectory, int port, int versionNum) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("port", Integer.toString(port));
        settings.put("listen_addresses", "127.0.0.1");
        settings.put("unix_socket_directories", "");
        settings.put("data_directory", dataDirectory.toString());
        settings.put("hba_file", dataDirectory.resolve("dbops_hba.conf").toString());
        settings.put("ident_file", dataDirectory.resolve("dbops_ident.conf").toString());
        settings.put("external_pid_file", "");
        settings.put("archive_mode", "off");
        settings.put("archive_command", "");
        settings.put("restore_command", "");
        settings.put("primary_conninfo", "");
        settings.put("ssl", "off");
        settings.put("logging_collector", "off");
        settings.put("shared_buffers", "128MB");
        settings.put("fsync", "off");
        settings.put("synchronous_commit", "off");
        settings.put("cluster_name", "dbops-backup-drill");
        if (versionNum < 150_000) {
            settings.put("stats_temp_directory", "pg_stat_tmp");
        }
        return settings;
    }

    /** Writes the authentication files and the empty configuration a Debian-style backup lacks; removes signals. */
    private static void prepare(Path dataDirectory) throws IOException {
        Path config = dataDirectory.resolve("postgresql.conf");
        if (!Files.exists(config)) {
            Files.writeString(config, "# written by dbops: the backup had no postgresql.conf\n");
        }
        Files.writeString(dataDirectory.resolve("dbops_hba.conf"),
                "# written by dbops for a backup drill: passwords, from this machine only\n"
                        + "host all all 127.0.0.1/32 md5\n", StandardCharsets.UTF_8);
        Files.writeString(dataDirectory.resolve("dbops_ident.conf"), "", StandardCharsets.UTF_8);
        // A backup of a standby must not come up as a standby following nobody.
        Files.deleteIfExists(dataDirectory.resolve("standby.signal"));
        Files.deleteIfExists(dataDirectory.resolve("recovery.signal"));
    }

    /** Waits until the cluster accepts connections, for example again after a backend crashed and it reinitialized. */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        DbopsException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new DbopsException(ErrorCode.BACKUP_DRILL_FAILED, "The scratch cluster stopped while starting"
                        + " (exit code " + process.exitValue() + "); its log:\n" + tail());
            }
            try (Connection connection = PostgresConnector.open(url)) {
                return;
            } catch (DbopsException e) {
                if (e.code() == ErrorCode.AUTHENTICATION_FAILED) {
                    close();
                    throw new DbopsException(ErrorCode.BACKUP_DRILL_FAILED, "The scratch cluster is up but rejects the"
                            + " source's credentials (it allows password logins from 127.0.0.1 only): " + e.getMessage(),
                            e);
                }
                last = e;
            } catch (SQLException e) {
                return; // Connected; only closing the probe failed.
            }
            sleep(200);
        }
        close();
        throw new DbopsException(ErrorCode.BACKUP_DRILL_FAILED, "The scratch cluster did not accept connections within "
                + timeout.toSeconds() + " s" + (last == null ? "" : " (" + last.getMessage() + ")")
                + " — WAL recovery may need longer; its log:\n" + tail());
    }

    /** The last lines of the cluster's log. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the cluster with a fast shutdown, or kills it after 60 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        // SIGTERM is PostgreSQL's smart shutdown, SIGINT its fast one; Java sends SIGTERM, so ask for fast via kill.
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor(10, TimeUnit.SECONDS);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("Uid:")) {
                    String[] ids = line.substring(4).trim().split("\\s+");
                    return ids.length > 1 && ids[1].equals("0");
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbopsException(ErrorCode.BACKUP_DRILL_FAILED, "Interrupted while the scratch cluster started.", e);
        }
    }
}
