package dev.dbops.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The launch variants of {@code dbops lint} that the whole-process comparison times: the command (the
 * real CLI jar, or {@link LintDirectory} until the CLI has a lint command) with the default JVM options
 * and with the start-up options under test, including the AppCDS archives this class builds by training
 * runs on the corpus.
 */
final class LintProcesses {

    /** The JVM options of the recommended launcher: C1 only, the serial collector, an AppCDS archive. */
    static final String TUNED = "tuned (-XX:TieredStopAtLevel=1 -XX:+UseSerialGC, AppCDS)";

    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private final List<String> launch;
    private final Function<Path, List<String>> arguments;
    private final Path corpus;
    private final Path work;
    private Optional<Path> staticArchive = Optional.empty();
    private Optional<Path> dynamicArchive = Optional.empty();

    /**
     * @param launch what follows {@code java [options]}: {@code -jar dbops.jar} or {@code -cp … main-class}
     * @param arguments the command's arguments after that, for a corpus directory
     * @param corpus the directory to lint
     * @param work where the class list and the archives are written
     */
    LintProcesses(List<String> launch, Function<Path, List<String>> arguments, Path corpus, Path work) {
        this.launch = List.copyOf(launch);
        this.arguments = arguments;
        this.corpus = corpus;
        this.work = work;
    }

    /** The same command and archives on another corpus. */
    LintProcesses on(Path otherCorpus) {
        LintProcesses other = new LintProcesses(launch, arguments, otherCorpus, work);
        other.staticArchive = staticArchive;
        other.dynamicArchive = dynamicArchive;
        return other;
    }

    /** The command with these JVM options in front. */
    List<String> command(List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.addAll(launch);
        command.addAll(arguments.apply(corpus));
        return command;
    }

    /** The same JVM doing nothing but start and print its version: the floor of any Java command. */
    TimedProcess jvmFloor() {
        return new TimedProcess("JVM floor: java -version", List.of(java.toString(), "-version"), Set.of(0));
    }

    /**
     * Builds the AppCDS archives from one training run each on the corpus: a static one
     * ({@code -XX:DumpLoadedClassList}, then {@code -Xshare:dump}) and a dynamic one
     * ({@code -XX:ArchiveClassesAtExit}). Returns what went wrong, if anything; the variants that need a
     * missing archive are left out.
     */
    List<String> buildArchives() throws IOException, InterruptedException {
        Files.createDirectories(work);
        List<String> problems = new ArrayList<>();
        Path classList = work.resolve("dbops.classlist");
        Path archive = work.resolve("dbops-static.jsa");
        Path dynamic = work.resolve("dbops-dynamic.jsa");
        Files.deleteIfExists(archive);
        Files.deleteIfExists(dynamic);
        new TimedProcess("class list training run", command(List.of("-XX:DumpLoadedClassList=" + classList)),
                Set.of(0, 1)).run();
        List<String> classPath = launch.get(0).equals("-jar") ? List.of("-cp", launch.get(1))
                : launch.subList(0, 2);
        List<String> dump = new ArrayList<>(List.of(java.toString(), "-Xshare:dump",
                "-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + archive));
        dump.addAll(classPath);
        new TimedProcess("static AppCDS dump", dump, Set.of(0)).run();
        if (Files.isRegularFile(archive)) {
            staticArchive = Optional.of(archive);
        } else {
            problems.add("the static AppCDS archive was not written");
        }
        new TimedProcess("dynamic AppCDS training run", command(List.of("-XX:ArchiveClassesAtExit=" + dynamic)),
                Set.of(0, 1)).run();
        if (Files.isRegularFile(dynamic)) {
            dynamicArchive = Optional.of(dynamic);
        } else {
            problems.add("the dynamic AppCDS archive was not written (a directory on the class path?)");
        }
        return problems;
    }

    /** The size of the static archive in MiB, if there is one. */
    Optional<Double> staticArchiveMiB() throws IOException {
        return staticArchive.isEmpty() ? Optional.empty()
                : Optional.of(Files.size(staticArchive.get()) / (1024.0 * 1024.0));
    }

    /** The variants timed by default: the JVM's defaults, and the tuned launcher when its archive exists. */
    List<TimedProcess> standard(String name) {
        List<TimedProcess> variants = new ArrayList<>();
        variants.add(variant(name + ", default JVM", List.of()));
        staticArchive.ifPresent(archive -> variants.add(variant(name + ", " + TUNED, tuned(archive))));
        return variants;
    }

    /** The JVM options of {@link #TUNED} with the static archive, or without it when it is missing. */
    List<String> tunedOptions() {
        return staticArchive.map(LintProcesses::tuned).orElse(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    }

    /** The JVM options of {@link #TUNED} with this archive. */
    static List<String> tuned(Path archive) {
        return List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:SharedArchiveFile=" + archive);
    }

    /** One variant per start-up option on its own, and two combinations without AppCDS. */
    List<TimedProcess> exploration(String name) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        options.put("-Xshare:off (no CDS at all)", List.of("-Xshare:off"));
        options.put("-XX:TieredStopAtLevel=1", List.of("-XX:TieredStopAtLevel=1"));
        options.put("-XX:+UseSerialGC", List.of("-XX:+UseSerialGC"));
        options.put("-XX:-UsePerfData", List.of("-XX:-UsePerfData"));
        options.put("-Xss512k", List.of("-Xss512k"));
        staticArchive.ifPresent(a -> options.put("static AppCDS", List.of("-XX:SharedArchiveFile=" + a)));
        dynamicArchive.ifPresent(a -> options.put("dynamic AppCDS (ArchiveClassesAtExit)",
                List.of("-XX:SharedArchiveFile=" + a)));
        options.put("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC", List.of("-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC"));
        staticArchive.ifPresent(a -> options.put("tuned and -XX:-UsePerfData",
                concat(tuned(a), List.of("-XX:-UsePerfData"))));
        List<TimedProcess> variants = new ArrayList<>();
        options.forEach((label, jvmOptions) -> variants.add(variant(name + ", " + label, jvmOptions)));
        return variants;
    }

    private TimedProcess variant(String label, List<String> jvmOptions) {
        return new TimedProcess(label, command(jvmOptions), Set.of(0, 1));
    }

    /**
     * How many classes one run loads, by where they come from ({@code shared objects file} is CDS, a jar
     * name is the application), read from {@code -Xlog:class+load}.
     */
    Map<String, Integer> classLoading(List<String> jvmOptions) throws IOException, InterruptedException {
        Path log = work.resolve("class-load.log");
        Files.deleteIfExists(log);
        new TimedProcess("class loading run", command(concat(jvmOptions,
                List.of("-Xlog:class+load=info:file=" + log))), Set.of(0, 1)).run();
        Map<String, Integer> bySource = new TreeMap<>();
        for (String line : Files.readAllLines(log)) {
            int source = line.indexOf("source: ");
            String from = source < 0 ? "other (generated: lambdas, proxies)" : line.substring(source + 8);
            if (from.startsWith("file:") || from.startsWith("jar:")) {
                from = "application: " + from.substring(from.lastIndexOf('/') + 1);
            } else if (from.startsWith("jrt:/")) {
                from = "JDK modules (jrt:/), not from CDS";
            } else if (from.startsWith("shared objects file")) {
                from = "CDS archive (" + from + ")";
            } else if (source >= 0) {
                from = "other (generated: lambdas, proxies)";
            }
            bySource.merge(from, 1, Integer::sum);
        }
        return bySource;
    }

    /**
     * When each milestone of a run is reached, in milliseconds since the JVM started (median of
     * {@code runs}): the first load of the class that marks it, from {@code -Xlog:class+load} with uptime
     * stamps. A milestone whose class never loads is left out.
     *
     * @param milestones label to fully qualified class name, in the order they happen
     */
    Map<String, Double> timeline(List<String> jvmOptions, Map<String, String> milestones, int runs)
            throws IOException, InterruptedException {
        Map<String, List<Duration>> at = new LinkedHashMap<>();
        milestones.keySet().forEach(label -> at.put(label, new ArrayList<>()));
        Path log = work.resolve("timeline.log");
        for (int i = 0; i < runs; i++) {
            Files.deleteIfExists(log);
            new TimedProcess("timeline run", command(concat(jvmOptions,
                    List.of("-Xlog:class+load=info:file=" + log + ":uptime"))), Set.of(0, 1)).run();
            List<String> lines = Files.readAllLines(log);
            milestones.forEach((label, className) -> lines.stream()
                    .filter(line -> line.contains(" " + className + " "))
                    .findFirst()
                    .map(line -> line.substring(1, line.indexOf("s]")))
                    .ifPresent(seconds -> at.get(label).add(Duration.ofNanos(
                            (long) (Double.parseDouble(seconds) * 1e9)))));
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        at.forEach((label, values) -> {
            if (!values.isEmpty()) {
                medians.put(label, Samples.millis(new Samples(values).median()));
            }
        });
        return medians;
    }

    /** The static archive's options, or none. */
    List<String> staticArchiveOptions() {
        return staticArchive.map(a -> List.of("-XX:SharedArchiveFile=" + a)).orElse(List.of());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Times each process {@code rounds} times, taking turns in a rotating order after one untimed round. */
    static Map<TimedProcess, List<TimedProcess.Timing>> alternate(List<TimedProcess> processes, int rounds)
            throws IOException, InterruptedException {
        for (TimedProcess process : processes) {
            process.run();
        }
        Map<TimedProcess, List<TimedProcess.Timing>> timings = new LinkedHashMap<>();
        processes.forEach(p -> timings.put(p, new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < processes.size(); i++) {
                TimedProcess process = processes.get((i + round) % processes.size());
                timings.get(process).add(process.run());
            }
        }
        return timings;
    }

    /** The wall or CPU samples of one process's timings. */
    static Samples samples(List<TimedProcess.Timing> timings, boolean cpu) {
        List<Duration> values = timings.stream().map(t -> cpu ? t.cpu() : t.wall()).toList();
        return new Samples(values);
    }
}
