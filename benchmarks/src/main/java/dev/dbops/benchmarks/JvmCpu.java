package dev.dbops.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The CPU time this JVM has used so far: all of it (every thread, those that have ended included),
 * and the part its JIT compiler threads used. In the first seconds of a JVM the compilers can
 * use as much CPU as the work being measured; on two cores they take it from the inspection and
 * its backends, so the benchmark reports them next to the wall time.
 *
 * @param process nanoseconds of CPU of the whole process
 * @param compilers nanoseconds of CPU of the live compiler threads ({@code C1/C2 CompilerThread*},
 *     from {@code /proc/self/task}); empty where {@code /proc} cannot tell. The JVM starts extra compiler
 *     threads when its queue grows and lets them end when it drains, and an ended thread takes its CPU out
 *     of the sum: an interval in which the sum fell reports no figure, and one in which a thread ended may
 *     report too little (C1-only runs, {@code -XX:TieredStopAtLevel=1}, show this most)
 */
record JvmCpu(long process, Optional<Long> compilers) {

    /** The CPU used so far. */
    static JvmCpu now() {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new JvmCpu(os.getProcessCpuTime(), compilerNanos());
    }

    /** The CPU used from {@code before} to this point: process, then compilers. */
    Spent since(JvmCpu before) {
        Optional<Duration> jit = compilers.isPresent() && before.compilers.isPresent()
                && compilers.get() >= before.compilers.get()
                ? Optional.of(Duration.ofNanos(compilers.get() - before.compilers.get()))
                : Optional.empty();
        return new Spent(Duration.ofNanos(process - before.process), jit);
    }

    /** CPU used over an interval: by the whole JVM, and by its JIT compilers. */
    record Spent(Duration process, Optional<Duration> compilers) {
    }

    /** The compiler threads' CPU, read from {@code /proc} (threads that have ended are not counted). */
    private static Optional<Long> compilerNanos() {
        long sum = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                String name;
                String schedstat;
                try {
                    name = Files.readString(task.resolve("comm")).strip();
                    schedstat = Files.readString(task.resolve("schedstat"));
                } catch (IOException e) {
                    continue; // the thread ended meanwhile
                }
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    sum += Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(sum);
    }
}
