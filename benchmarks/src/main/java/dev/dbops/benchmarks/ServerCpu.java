package dev.dbops.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time of a whole local PostgreSQL server and of this JVM: the postmaster's own and its reaped
 * children's time ({@code utime + stime + cutime + cstime} of {@code /proc/<pid>/stat}, where the time of
 * every backend that has exited ends up) plus the time of the children still running. Linux only; elsewhere
 * the server's figure is -1.
 */
final class ServerCpu {

    private static final double TICKS_PER_SECOND = 100.0;

    private ServerCpu() {
    }

    /** The seconds of CPU the server whose backend is {@code backendPid} has used so far, or -1. */
    static double serverSeconds(long backendPid) {
        try {
            ProcessHandle postmaster = ProcessHandle.of(backendPid).flatMap(ProcessHandle::parent).orElseThrow();
            double seconds = ticks(postmaster.pid(), true) / TICKS_PER_SECOND;
            List<ProcessHandle> children = postmaster.children().toList();
            for (ProcessHandle child : children) {
                seconds += ticks(child.pid(), false) / TICKS_PER_SECOND;
            }
            return seconds;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The seconds of CPU this JVM has used so far. */
    static double jvmSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static long ticks(long pid, boolean withReapedChildren) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // Fields after "(comm) ": state is index 0, utime 11, stime 12, cutime 13, cstime 14.
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        if (withReapedChildren) {
            ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        }
        return ticks;
    }
}
