package dev.dbops.benchmarks;

import static dev.dbops.benchmarks.Samples.millis;

import dev.dbops.lint.MigrationLinter;
import dev.dbops.migration.MigrationSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lint benchmark: writes the generated {@link LintCorpus}, then times {@code dbops lint} and squawk on
 * it as whole processes, taking turns in the same run, and prints the medians and the ratio of wall
 * times (target ≤ 1.0); then measures dbops's warm in-process throughput in statements per second
 * (target ≥ 50,000) and splits it into splitting, parsing and the rules.
 *
 * <p>Options ({@code --name=value}): {@code --runs} timed rounds of processes (5, at least 5),
 * {@code --warmup-seconds} (10) and {@code --in-process-runs} (20, at least 10) for the in-process part,
 * {@code --out} (the system property {@code dbops.benchmarks.out}, else {@code target/lint-benchmark}),
 * {@code --squawk} the squawk binary and {@code --squawk-npm} the npm wrapper that starts it,
 * {@code --dbops-jar} the CLI jar (used when its {@code lint} command exists), {@code --stand-in-classpath}
 * the class path that runs {@link LintDirectory} otherwise, {@code --explore-jvm-options} to time every
 * start-up option on its own, {@code --skip-processes} and {@code --skip-in-process}.
 */
public final class LintVersusSquawk {

    /** The DESIGN.md §6 throughput target. */
    static final double TARGET_STATEMENTS_PER_SECOND = 50_000;
    /** The first class each start-up milestone loads, in the order they happen. */
    private static final Map<String, String> MILESTONES = milestones();
    private static final int TIMELINE_RUNS = 5;
    /** The fewest statements of the corpus that shows the fixed start-up cost (whole files, so a few more). */
    private static final int SMALL_STATEMENTS = 10;
    private static final Pattern OPTION = Pattern.compile("--([a-z-]+)(?:=(.*))?");

    private final Map<String, String> options;
    private final Path out;

    private LintVersusSquawk(Map<String, String> options) {
        this.options = options;
        this.out = Path.of(options.getOrDefault("out",
                System.getProperty("dbops.benchmarks.out", "target/lint-benchmark")));
    }

    /** Runs the benchmark; see the class comment for the options. */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        List<String> problems = new ArrayList<>();
        Set<String> known = Set.of("runs", "warmup-seconds", "in-process-runs", "out", "squawk", "squawk-npm",
                "dbops-jar", "stand-in-classpath", "explore-jvm-options", "skip-processes", "skip-in-process");
        for (String arg : args) {
            Matcher matcher = OPTION.matcher(arg);
            if (!matcher.matches() || !known.contains(matcher.group(1))) {
                problems.add("unknown option " + arg);
            } else {
                options.put(matcher.group(1), matcher.group(2) == null ? "true" : matcher.group(2));
            }
        }
        if (Integer.parseInt(options.getOrDefault("runs", "5")) < 5
                || Integer.parseInt(options.getOrDefault("in-process-runs", "20")) < 10) {
            problems.add("--runs must be at least 5 and --in-process-runs at least 10, so that medians mean something");
        }
        if (!problems.isEmpty()) {
            System.err.println(String.join("\n", problems) + "\nusage: LintVersusSquawk [--runs=5] [--warmup-seconds=10]"
                    + " [--in-process-runs=20] [--out=DIR] [--squawk=BIN] [--squawk-npm=BIN] [--dbops-jar=JAR]"
                    + " [--stand-in-classpath=CP] [--explore-jvm-options] [--skip-processes] [--skip-in-process]");
            System.exit(2);
        }
        new LintVersusSquawk(options).run();
    }

    private void run() throws Exception {
        heading("machine");
        line("date", LocalDate.now().toString());
        line("cores (available to the JVM)", Integer.toString(Runtime.getRuntime().availableProcessors()));
        line("JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        line("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        line("load average (1, 5, 15 min) at start", loadAverage());

        heading("corpus");
        LintCorpus corpus = LintCorpus.standard();
        Path directory = out.resolve("corpus");
        corpus.write(directory);
        line("written to", directory.toAbsolutePath().toString());
        line("files, statements, size", "%,d files, %,d statements, %,d KiB (seed %d)".formatted(
                corpus.migrations().size(), corpus.statements(), corpus.bytes() / 1024, corpus.seed()));

        if (!options.containsKey("skip-processes")) {
            wholeProcesses(directory);
        }
        if (!options.containsKey("skip-in-process")) {
            inProcess(corpus, corpus.load(directory));
        }
        line("load average (1, 5, 15 min) at end", loadAverage());
    }

    private void wholeProcesses(Path directory) throws Exception {
        heading("whole process: dbops lint vs squawk on the same files, same run");
        Optional<Path> squawkBinary = executable("squawk");
        if (squawkBinary.isPresent()) {
            line("squawk", squawkBinary.get() + " (" + new TimedProcess("version",
                    List.of(squawkBinary.get().toString(), "--version"), Set.of(0)).output().strip() + ")");
            String json = new TimedProcess("squawk json", List.of(squawkBinary.get().toString(),
                    "--pg-version=15", "--reporter=json", directory + "/*.sql"), Set.of(0, 1)).output();
            line("squawk's findings, of them syntax errors", count(json, "\"rule_name\":") + ", "
                    + count(json, "\"rule_name\":\"syntax-error\""));
        } else {
            line("squawk", "not found: benchmarks/run lint installs it, or pass --squawk=BIN; no ratio");
        }

        String name;
        LintProcesses dbops;
        Optional<Path> jar = Optional.ofNullable(options.get("dbops-jar")).map(Path::of).filter(Files::isRegularFile);
        boolean cli = jar.isPresent() && new TimedProcess("probe", List.of(Path.of(System.getProperty("java.home"),
                "bin", "java").toString(), "-jar", jar.get().toString(), "lint", "--help"), Set.of(0, 1, 2))
                .output().contains("lint");
        if (cli) {
            name = "dbops lint (jar)";
            dbops = new LintProcesses(List.of("-jar", jar.get().toString()),
                    dir -> List.of("lint", dir.toString(), "--format", "text"), directory, out);
        } else {
            name = "dbops (LintDirectory stand-in)";
            dbops = standIn(directory, out);
        }
        line("dbops command", String.join(" ", dbops.command(List.of())));
        long started = System.nanoTime();
        dbops.buildArchives().forEach(problem -> line("AppCDS", problem));
        line("AppCDS archives built in", "%.1f s (static archive %s)".formatted(
                millis(Duration.ofNanos(System.nanoTime() - started)) / 1000,
                dbops.staticArchiveMiB().map(mib -> "%.1f MiB".formatted(mib)).orElse("missing")));
        dbops.classLoading(List.of()).forEach((source, count) -> line("classes loaded, default: " + source,
                Integer.toString(count)));
        dbops.classLoading(dbops.staticArchiveOptions()).forEach((source, count) ->
                line("classes loaded, static AppCDS: " + source, Integer.toString(count)));

        List<TimedProcess> variants = new ArrayList<>(dbops.standard(name));
        if (cli) {
            variants.add(standIn(directory, out.resolve("stand-in"))
                    .standard("dbops (LintDirectory stand-in: no picocli, no renderer)").get(0));
        }
        if (options.containsKey("explore-jvm-options")) {
            variants.addAll(dbops.exploration(name));
        }
        List<TimedProcess> peers = new ArrayList<>();
        squawk(directory, "squawk (native binary)", "squawk").ifPresent(peers::add);
        squawk(directory, "squawk via npm's node wrapper", "squawk-npm").ifPresent(peers::add);
        peers.add(dbops.jvmFloor());
        compare(peers, variants);

        LintCorpus small = LintCorpus.generate(LintCorpus.SEED, 1, SMALL_STATEMENTS);
        heading("start-up: the same commands on the corpus's first " + small.migrations().size() + " files ("
                + small.statements() + " statements)");
        Path smallDirectory = out.resolve("corpus-small");
        small.write(smallDirectory);
        List<TimedProcess> smallPeers = new ArrayList<>();
        squawk(smallDirectory, "squawk (native binary)", "squawk").ifPresent(smallPeers::add);
        compare(smallPeers, dbops.on(smallDirectory).standard(name));

        System.out.printf("%n  %-54s %10s %10s%n", "where the start-up goes: ms since JVM start, median of "
                + TIMELINE_RUNS, "default", "tuned");
        Map<String, Double> plain = dbops.on(smallDirectory).timeline(List.of(), MILESTONES, TIMELINE_RUNS);
        Map<String, Double> tuned = dbops.on(smallDirectory).timeline(dbops.tunedOptions(), MILESTONES, TIMELINE_RUNS);
        plain.forEach((label, millis) -> System.out.printf("  %-54s %10.0f %10s%n", label, millis,
                Optional.ofNullable(tuned.get(label)).map(t -> "%.0f".formatted(t)).orElse("-")));
    }

    /** squawk on every file of the directory, linted as PostgreSQL 15 like dbops; exit code 1 means findings. */
    private Optional<TimedProcess> squawk(Path directory, String label, String option) {
        return executable(option).map(bin -> new TimedProcess(label,
                List.of(bin.toString(), "--pg-version=15", directory + "/*.sql"), Set.of(0, 1)));
    }

    /**
     * Times the peers and the dbops variants, taking turns, and prints their medians and the ratio of each
     * dbops variant to the first peer.
     */
    private void compare(List<TimedProcess> peers, List<TimedProcess> variants) throws Exception {
        List<TimedProcess> processes = new ArrayList<>(peers);
        processes.addAll(variants);
        int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        Map<TimedProcess, List<TimedProcess.Timing>> timings = LintProcesses.alternate(processes, runs);
        int width = processes.stream().mapToInt(p -> p.label().length()).max().orElse(20);
        System.out.printf("%n  %-" + width + "s %8s %8s %8s %8s%n", "process (median of " + runs
                + ", output to /dev/null)", "wall ms", "min", "max", "CPU ms");
        timings.forEach((process, values) -> {
            Samples wall = LintProcesses.samples(values, false);
            Samples cpu = LintProcesses.samples(values, true);
            System.out.printf("  %-" + width + "s %8.0f %8.0f %8.0f %8.0f%n", process.label(), millis(wall.median()),
                    millis(wall.min()), millis(wall.max()), millis(cpu.median()));
        });
        if (peers.isEmpty() || !peers.get(0).label().startsWith("squawk")) {
            return;
        }
        Samples peerWall = LintProcesses.samples(timings.get(peers.get(0)), false);
        Samples peerCpu = LintProcesses.samples(timings.get(peers.get(0)), true);
        System.out.printf("%n  %-" + width + "s %8s %8s%n", "ratio dbops/squawk (native), medians; target <= 1.0",
                "wall", "CPU");
        for (TimedProcess variant : variants) {
            Samples wall = LintProcesses.samples(timings.get(variant), false);
            Samples cpu = LintProcesses.samples(timings.get(variant), true);
            // CPU times have the 10 ms resolution of /proc; a 0 would make the ratio meaningless.
            System.out.printf("  %-" + width + "s %8.2f %8.2f%n", variant.label(),
                    millis(wall.median()) / millis(peerWall.median()),
                    millis(cpu.median()) / Math.max(10, millis(peerCpu.median())));
        }
    }

    private static Map<String, String> milestones() {
        Map<String, String> milestones = new LinkedHashMap<>();
        milestones.put("main() starts (JVM started)", "dev.dbops.cli.Dbops");
        milestones.put("main() starts (stand-in)", LintDirectory.class.getName());
        milestones.put("picocli's model reaches the lint command", "dev.dbops.cli.LintCommand");
        milestones.put("migrations loaded, linting starts", "dev.dbops.lint.LintRun");
        milestones.put("rendering the text report starts", "dev.dbops.lint.TextLintRenderer");
        milestones.put("exit", "java.lang.Shutdown");
        return milestones;
    }

    private LintProcesses standIn(Path directory, Path work) {
        return new LintProcesses(List.of("-cp", options.getOrDefault("stand-in-classpath",
                System.getProperty("java.class.path")), LintDirectory.class.getName()),
                dir -> List.of(dir.toString()), directory, work);
    }

    private void inProcess(LintCorpus corpus, MigrationSet migrations) {
        heading("in process: warm dbops lint throughput, all rules");
        MigrationLinter linter = MigrationLinter.builder().pgVersion(15).build();
        line("rules", linter.rules().size() + " (PostgreSQL " + linter.pgVersion() + ")");
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup-seconds", "10")));
        int runs = Integer.parseInt(options.getOrDefault("in-process-runs", "20"));
        LintThroughput.Figures figures = new LintThroughput(corpus, migrations, linter).measure(warmup, runs);
        long uninspected = figures.report().statements().stream().filter(s -> !s.inspected()).count();
        line("violations; statements not understood", figures.report().violations().size() + "; " + uninspected
                + " of " + figures.report().statements().size());
        double split = millis(figures.split().median());
        double parse = millis(figures.parse().median());
        double lint = millis(figures.lint().median());
        line("split (SqlScript.parse)", figures.split().summary() + share(split, lint));
        line("split + parse (StatementParser.parse)", figures.parse().summary() + share(parse - split, lint)
                + " for parsing");
        line("lint (split + parse + rules + engine)", figures.lint().summary() + share(lint - parse, lint)
                + " for rules and engine");
        line("lint, CPU time of the linting thread", figures.lintCpu().summary());
        line("lint, memory allocated per run", "%.1f MiB (%,d bytes per statement)".formatted(
                figures.allocatedBytes() / (1024.0 * 1024.0), figures.allocatedBytes() / figures.statements()));
        line("statements per second, warm (target >= 50,000)", "%,.0f (ratio to target %.2f)".formatted(
                figures.statementsPerSecond(), figures.statementsPerSecond() / TARGET_STATEMENTS_PER_SECOND));
        line("statements per CPU second", "%,.0f (ratio to target %.2f)".formatted(figures.statementsPerCpuSecond(),
                figures.statementsPerCpuSecond() / TARGET_STATEMENTS_PER_SECOND));
    }

    private Optional<Path> executable(String option) {
        return Optional.ofNullable(options.get(option)).map(Path::of).filter(Files::isExecutable);
    }

    private static String share(double part, double whole) {
        return ", %.0f %%".formatted(100 * part / whole);
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            count++;
        }
        return count;
    }

    /** Other work on the machine skews every figure; the load average says how much there was. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (Exception e) {
            return "unknown (/proc/loadavg not readable)";
        }
    }

    private static void heading(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    private static void line(String label, String value) {
        System.out.printf("  %-54s %s%n", label, value);
    }
}
