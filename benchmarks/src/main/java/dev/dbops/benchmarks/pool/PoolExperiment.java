package dev.dbops.benchmarks.pool;

import dev.dbops.pool.LocalPgBouncer;
import dev.dbops.postgres.EmbeddedPostgres;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The pool-sizing load experiment: an open-loop driver with Poisson arrivals against a real
 * PostgreSQL through HikariCP. It prints the model's predictions next to the measurements, never a
 * pass/fail verdict.
 *
 * <ol>
 *   <li>Model check: three workloads (exponential, log-normal plus a real query, bimodal), each at the
 *       recommended pool size and one smaller, on an embedded PostgreSQL 15;</li>
 *   <li>Budget check: 4 instances (6 during a rolling deploy) on a server with {@code max_connections}
 *       40, HikariCP's defaults against the recommendation;</li>
 *   <li>PgBouncer check: 12 instances (16 during the deploy) through a real PgBouncer in transaction
 *       mode, when one is installed.</li>
 * </ol>
 *
 * <p>Options: {@code --seconds=40} measured per run, {@code --warmup=5}, {@code --parts=model,budget,pgbouncer},
 * {@code --pgbouncer=PATH} (default: {@code $PGBOUNCER}, the {@code PATH}, {@code /usr/sbin/pgbouncer}).
 */
public final class PoolExperiment {

    private PoolExperiment() {
    }

    /** Runs the experiment; see the class comment for the options. */
    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "off");
        System.setProperty("org.slf4j.simpleLogger.log.dev.dbops", "warn");
        Duration seconds = Duration.ofSeconds(40);
        Duration warmup = Duration.ofSeconds(5);
        Set<String> parts = Set.of("model", "budget", "pgbouncer");
        Optional<Path> bouncer = LocalPgBouncer.findBinary();
        List<String> problems = new ArrayList<>();
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            String value = pair.length == 2 ? pair[1] : "";
            switch (pair[0]) {
                case "--seconds" -> seconds = Duration.ofSeconds(Long.parseLong(value));
                case "--warmup" -> warmup = Duration.ofSeconds(Long.parseLong(value));
                case "--parts" -> parts = Set.of(value.split(","));
                case "--pgbouncer" -> bouncer = Optional.of(Path.of(value));
                default -> problems.add("unknown option " + arg);
            }
        }
        if (seconds.toSeconds() < 10) {
            problems.add("--seconds must be at least 10, so that a p99 rests on enough requests");
        }
        if (!problems.isEmpty()) {
            System.err.println(String.join("\n", problems) + "\nusage: PoolExperiment [--seconds=40] [--warmup=5]"
                    + " [--parts=model,budget,pgbouncer] [--pgbouncer=PATH]");
            System.exit(2);
        }
        PrintStream out = System.out;
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        out.println("# Pool sizing experiment, " + LocalDate.now() + "\n");
        out.println("Machine: " + os.getAvailableProcessors() + " cores, load average " + String.format("%.1f",
                os.getSystemLoadAverage()) + " at the start; " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + "; embedded PostgreSQL 15.");
        if (parts.contains("model")) {
            try (EmbeddedPostgres server = EmbeddedPostgres.builder().version("15").setting("max_connections", "200")
                    .start()) {
                new ModelCheck(server, seconds, warmup, out).run();
            }
        }
        if (parts.contains("budget") || parts.contains("pgbouncer")) {
            try (EmbeddedPostgres server = EmbeddedPostgres.builder().version("15").setting("max_connections", "40")
                    .start()) {
                if (parts.contains("budget")) {
                    new BudgetCheck(server, seconds, out).run();
                }
                if (parts.contains("pgbouncer")) {
                    if (bouncer.isPresent()) {
                        new PgBouncerCheck(server, bouncer.get(), seconds, warmup, out).run();
                    } else {
                        out.println("\n## 3. PgBouncer: skipped — no pgbouncer program ($PGBOUNCER, PATH,"
                                + " /usr/sbin/pgbouncer); benchmarks/run pool installs it with apt-get when it can.");
                    }
                }
            }
        }
        out.println("\nLoad average at the end: " + String.format("%.1f", os.getSystemLoadAverage()) + ".");
    }
}
