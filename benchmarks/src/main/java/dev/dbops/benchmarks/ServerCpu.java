package dev.dbops.benchmarks;

import dev.dbops.postgres.PostgresConnector;
import dev.dbops.postgres.PostgresUrl;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The CPU time a whole local PostgreSQL server has used so far: the postmaster's own and its reaped
 * children's (from {@code /proc/<pid>/stat}: utime, stime, cutime, cstime), plus the live children's.
 * Parallel query workers and backends of closed connections are children of the postmaster, so this
 * counts all the work of a pass, unlike the CPU time of one backend. Together with this JVM's own CPU
 * time it is what a pass costs on a shared machine, where wall times swing with the load.
 */
final class ServerCpu {

    /** Clock ticks per second of {@code /proc/<pid>/stat}; 100 on Linux. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final long postmaster;

    private ServerCpu(long postmaster) {
        this.postmaster = postmaster;
    }

    /** The meter for the server {@code url} names, found as the parent of one of its backends. */
    static ServerCpu of(PostgresUrl url) throws Exception {
        try (Connection connection = PostgresConnector.open(url)) {
            int backend = BackendCpu.pid(connection);
            return new ServerCpu(Long.parseLong(fields(backend)[3]));
        }
    }

    /** Milliseconds of CPU the server has used so far, or empty when {@code /proc} cannot tell. */
    OptionalLong millis() {
        try {
            String[] own = fields(postmaster);
            long ticks = ticks(own, 13) + ticks(own, 14) + ticks(own, 15) + ticks(own, 16);
            for (long child : children()) {
                try {
                    String[] stat = fields(child);
                    ticks += ticks(stat, 13) + ticks(stat, 14);
                } catch (IOException e) {
                    // The child ended between listing and reading; it is counted in the postmaster's cutime now.
                }
            }
            return OptionalLong.of(Math.round(ticks * 1000 / TICKS_PER_SECOND));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Milliseconds of CPU this JVM has used so far. */
    static long jvmMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    private List<Long> children() throws IOException {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.map(path -> path.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong).filter(pid -> {
                        try {
                            return Long.parseLong(fields(pid)[3]) == postmaster;
                        } catch (IOException | RuntimeException e) {
                            return false;
                        }
                    }).toList();
        }
    }

    /** The fields of {@code /proc/<pid>/stat} after the command name, numbered as in proc(5) minus one. */
    private static String[] fields(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String afterName = stat.substring(stat.lastIndexOf(')') + 2);
        String[] rest = afterName.split(" ");
        String[] all = new String[rest.length + 2];
        all[0] = Long.toString(pid);
        all[1] = "";
        System.arraycopy(rest, 0, all, 2, rest.length);
        return all;
    }

    private static long ticks(String[] fields, int index) {
        return Long.parseLong(fields[index]);
    }
}
