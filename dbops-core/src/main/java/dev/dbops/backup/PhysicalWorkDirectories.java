package dev.dbops.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The temporary directories of physical drills ({@code dbops-physical-*} in {@code java.io.tmpdir}), each
 * marked with the process that owns it, and the removal of those whose owner was killed.
 *
 * <p>A physical drill killed mid-way (a JVM crash, {@code kill -9}) leaves its base backup on disk and
 * possibly its scratch cluster running. The next physical drill on this machine stops such a cluster
 * (only a {@code postgres} whose {@code postmaster.pid} names that very directory) and deletes the
 * directory. A directory whose owner still runs, or that carries no marker, is never touched.
 */
final class PhysicalWorkDirectories {

    static final String PREFIX = "dbops-physical-";
    static final String MARKER = "dbops-drill-owner";
    private static final Pattern OWNER = Pattern.compile("pid (\\d+) started (\\d+)");
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private PhysicalWorkDirectories() {
    }

    /** Creates a work directory owned by this process. */
    static Path create() throws IOException {
        Path work = Files.createTempDirectory(PREFIX);
        ProcessHandle self = ProcessHandle.current();
        mark(work, self.pid(), self.info().startInstant().orElse(Instant.EPOCH));
        return work;
    }

    /** Writes the owner marker: the process id and its start time, which together name one process. */
    static void mark(Path work, long pid, Instant started) throws IOException {
        Files.writeString(work.resolve(MARKER), "pid " + pid + " started " + started.toEpochMilli() + "\n",
                StandardCharsets.UTF_8);
    }

    /**
     * Removes the work directories of killed drills, stopping their scratch clusters first.
     *
     * @return one sentence per directory removed, for the report
     */
    static List<String> removeAbandoned() {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        List<String> removed = new ArrayList<>();
        try (Stream<Path> entries = Files.list(temporary)) {
            for (Path work : entries.filter(p -> p.getFileName().toString().startsWith(PREFIX)).toList()) {
                Optional<String> owner = deadOwner(work);
                if (owner.isPresent()) {
                    String stopped = stopCluster(work.resolve("data"));
                    WorkFiles.deleteTree(work);
                    removed.add("Removed " + work + ", left behind by a physical drill that was killed (" + owner.get()
                            + ")" + stopped + ".");
                }
            }
        } catch (IOException e) {
            // An unreadable temporary directory holds nothing this drill could clean up.
        }
        return removed;
    }

    /** The owner, in words, when the directory is marked and its owner process no longer runs. */
    private static Optional<String> deadOwner(Path work) {
        Matcher owner;
        try {
            owner = OWNER.matcher(Files.readString(work.resolve(MARKER), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!owner.matches()) {
            return Optional.empty();
        }
        long pid = Long.parseLong(owner.group(1));
        long started = Long.parseLong(owner.group(2));
        boolean running = ProcessHandle.of(pid).flatMap(process -> process.info().startInstant())
                .filter(start -> Math.abs(start.toEpochMilli() - started) < 1000).isPresent();
        return running ? Optional.empty() : Optional.of("process " + pid);
    }

    /**
     * Stops the postmaster running on {@code data}, if any: one whose {@code postmaster.pid} names this
     * directory and whose process is a {@code postgres} started on it. Fast shutdown, then a kill.
     */
    private static String stopCluster(Path data) {
        List<String> lines;
        try {
            lines = Files.readAllLines(data.resolve("postmaster.pid"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
        if (lines.size() < 2 || !lines.get(0).strip().matches("\\d+")) {
            return "";
        }
        long pid = Long.parseLong(lines.get(0).strip());
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid).filter(process -> runsOn(process, data, lines.get(1)));
        if (postmaster.isEmpty()) {
            return "";
        }
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor(10, TimeUnit.SECONDS);
            postmaster.get().onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return "; its scratch cluster (postmaster pid " + pid + ") was stopped";
        } catch (Exception e) {
            postmaster.get().destroyForcibly();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return "; its scratch cluster (postmaster pid " + pid + ") was killed";
        }
    }

    private static boolean runsOn(ProcessHandle process, Path data, String pidFileDirectory) {
        try {
            if (!Files.isSameFile(Path.of(pidFileDirectory.strip()), data)) {
                return false;
            }
            byte[] commandLine = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            String arguments = new String(commandLine, StandardCharsets.UTF_8).replace('\0', ' ');
            return arguments.contains("postgres") && arguments.contains(data.toString());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
