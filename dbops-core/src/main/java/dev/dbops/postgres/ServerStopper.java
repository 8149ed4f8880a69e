package dev.dbops.postgres;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a postmaster quickly and for sure.
 *
 * <p>{@link Process#destroy()} sends SIGTERM, which PostgreSQL treats as a <em>smart</em> shutdown
 * that waits for every client to disconnect — a leaked test connection would hang it. So this sends
 * SIGINT (fast shutdown: sessions are ended, a checkpoint is written) with the {@code kill} program,
 * then SIGQUIT (immediate shutdown), then SIGKILL.
 */
final class ServerStopper {

    private static final Logger LOG = LoggerFactory.getLogger(ServerStopper.class);

    private ServerStopper() {
    }

    static void stop(Process process, Path dataDirectory) {
        if (!process.isAlive()) {
            return;
        }
        try {
            if (!signal(process, "INT")) {
                process.destroy();
            }
            if (process.waitFor(30, TimeUnit.SECONDS)) {
                return;
            }
            LOG.warn("PostgreSQL in {} ignored a fast shutdown for 30 s; sending SIGQUIT", dataDirectory);
            signal(process, "QUIT");
            if (process.waitFor(5, TimeUnit.SECONDS)) {
                return;
            }
            LOG.warn("PostgreSQL in {} ignored SIGQUIT for 5 s; killing it", dataDirectory);
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Sends a signal with the {@code kill} program; false when it cannot be run or fails. */
    private static boolean signal(Process process, String signal) throws InterruptedException {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            LOG.debug("Cannot run kill -{} {}: {}", signal, process.pid(), e.getMessage());
            return false;
        }
    }
}
