package dev.dbops.samples.shop;

import dev.dbops.spring.guard.DriftStatus;
import java.lang.management.ManagementFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One timed start of the shop, in a JVM of its own, for {@link StartupBenchmark}: starts the application with
 * the given properties, prints one line of figures, and exits.
 *
 * <p>{@code startup-ms} is the wall time from {@code main} to a started application (the web server listening,
 * every bean ready), {@code uptime-ms} the JVM's uptime then, {@code cpu-ms} the CPU the JVM used until then,
 * {@code guard-ms} the drift check's own time as the drift report says (0 without the guard).
 */
public final class StartupProbe {

    private StartupProbe() {
    }

    /** Starts the shop with {@code args} as {@code key=value} properties. */
    public static void main(String[] args) {
        long started = System.nanoTime();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ShopApplication.class).properties(args)
                .logStartupInfo(false).run();
        long startupMillis = (System.nanoTime() - started) / 1_000_000;
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
        long guard = app.getBeanProvider(DriftStatus.class).stream().flatMap(s -> s.latest().stream())
                .flatMap(r -> r.report().stream()).mapToLong(r -> r.took().toMillis()).sum();
        System.out.println("probe startup-ms=" + startupMillis + " uptime-ms=" + uptime + " cpu-ms=" + cpu
                + " guard-ms=" + guard);
        app.close();
        System.exit(0);
    }
}
