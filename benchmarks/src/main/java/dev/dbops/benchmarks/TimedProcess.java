package dev.dbops.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A command timed as a whole process (start, read, work, write, exit) with its standard output sent to
 * {@code /dev/null}: wall time from start to exit, and the CPU time the process and its children used,
 * which other work on a shared machine disturbs much less than the wall time.
 *
 * @param label how the report names it
 * @param command the program and its arguments
 * @param okExitCodes the exit codes that mean the command did its job (a linter exits 1 when it finds something)
 */
record TimedProcess(String label, List<String> command, Set<Integer> okExitCodes) {

    /** How long one run may take before the benchmark gives up. */
    private static final long TIMEOUT_MINUTES = 5;
    /** Clock ticks per second of the {@code /proc} CPU counters; 100 on every Linux x86-64 kernel in use. */
    private static final int TICKS_PER_SECOND = 100;

    /** One run: wall and CPU time. */
    record Timing(Duration wall, Duration cpu) {
    }

    /** Copies the lists. */
    TimedProcess {
        command = List.copyOf(command);
        okExitCodes = Set.copyOf(okExitCodes);
    }

    /**
     * Runs the command once and times it. The CPU time is read from this JVM's {@code cutime + cstime}
     * in {@code /proc/self/stat}, which grow by the child's user and system time once it has been waited
     * for (10 ms resolution).
     *
     * @throws IllegalStateException when the command exits with a code not in {@link #okExitCodes}, with
     *     its standard error
     */
    Timing run() throws IOException, InterruptedException {
        Path errors = Files.createTempFile("dbops-lint-benchmark", ".stderr");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errors.toFile());
            long cpuBefore = childrenCpuTicks();
            long started = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(label + " did not finish within " + TIMEOUT_MINUTES + " minutes");
            }
            Duration wall = Duration.ofNanos(System.nanoTime() - started);
            Duration cpu = Duration.ofMillis((childrenCpuTicks() - cpuBefore) * 1000 / TICKS_PER_SECOND);
            if (!okExitCodes.contains(process.exitValue())) {
                throw new IllegalStateException(label + " exited with " + process.exitValue() + ": "
                        + Files.readString(errors, StandardCharsets.UTF_8).strip() + "\ncommand: "
                        + String.join(" ", command));
            }
            return new Timing(wall, cpu);
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    /** Runs the command once, untimed, and returns what it printed on standard output. */
    String output() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }

    /** The user and system time of this process's waited-for children, in clock ticks. */
    private static long childrenCpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        // The command name in field 2 may hold spaces; the fields after its closing parenthesis do not.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // Field 3 (state) is fields[0]; cutime and cstime are fields 16 and 17.
        return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    }
}
