package dev.dbops.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The CPU time of a whole local PostgreSQL server: the postmaster, its live children (backends,
 * WAL writer, checkpointer…) and the children that have already exited (the postmaster waits for
 * them, so the kernel adds their time to its {@code cutime}/{@code cstime}). The difference of two
 * readings is the server's CPU cost of what ran in between, on however many backends it ran.
 * Linux only, server on this machine (as the embedded one is).
 */
final class ServerCpu {

    /** Clock ticks per second of {@code /proc/<pid>/stat} times ({@code getconf CLK_TCK} is 100 on Linux). */
    private static final double TICKS = 100.0;

    private final long postmaster;

    private ServerCpu(long postmaster) {
        this.postmaster = postmaster;
    }

    /** The server the connection is attached to, found through {@code postmaster.pid} in its data directory. */
    static ServerCpu of(Connection connection) throws SQLException, IOException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select current_setting('data_directory')")) {
            rs.next();
            String pid = Files.readAllLines(Path.of(rs.getString(1), "postmaster.pid")).get(0).trim();
            return new ServerCpu(Long.parseLong(pid));
        }
    }

    /** Seconds of CPU the server has used so far. */
    double seconds() throws IOException {
        long ticks = 0;
        long[] own = stat(postmaster);
        ticks += own[0] + own[1] + own[2] + own[3];
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                long[] fields = stat(pid);
                if (fields != null && fields[4] == postmaster) {
                    ticks += fields[0] + fields[1];
                }
            }
        }
        return ticks / TICKS;
    }

    /**
     * Seconds of CPU used so far, read once the backends of connections closed just before have been
     * reaped (a backend that is exiting is neither a live child nor in {@code cutime} yet): reads until
     * two readings 50 ms apart agree, at most one second.
     */
    double secondsAfterExits() throws IOException, InterruptedException {
        double previous = seconds();
        for (int i = 0; i < 20; i++) {
            Thread.sleep(50);
            double now = seconds();
            if (now == previous) {
                return now;
            }
            previous = now;
        }
        return previous;
    }

    /** utime, stime, cutime, cstime and the parent pid of a process, or null when it is gone. */
    private static long[] stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name is in parentheses and may hold spaces; the fields after it are fixed.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
                Long.parseLong(fields[14]), Long.parseLong(fields[1])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
