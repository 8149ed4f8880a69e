package dev.dbops.postgres;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** Waits until a starting postmaster accepts connections, or says why it never did. */
final class ReadinessProbe {

    private static final long POLL_MILLIS = 25;

    private ReadinessProbe() {
    }

    /** The server's version once it answers, or what went wrong. */
    record Outcome(OptionalInt versionNum, String problem, Optional<Throwable> failure) {
        static Outcome ready(int versionNum) {
            return new Outcome(OptionalInt.of(versionNum), "", Optional.empty());
        }

        static Outcome failed(String problem, Throwable failure) {
            return new Outcome(OptionalInt.empty(), problem, Optional.ofNullable(failure));
        }
    }

    /**
     * Polls a connection every 25 ms until the server answers, the process exits, or the timeout
     * passes; a server older than PostgreSQL 12 fails the check.
     */
    static Outcome await(Process process, PostgresUrl url, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        DbopsException last = null;
        while (true) {
            if (!process.isAlive()) {
                return Outcome.failed("the postgres process exited with code " + process.exitValue(), last);
            }
            try (Connection connection = PostgresConnector.open(url, Duration.ofSeconds(2))) {
                return Outcome.ready(PostgresConnector.requireSupportedVersion(connection));
            } catch (DbopsException e) {
                if (e.code() == ErrorCode.UNSUPPORTED_SERVER_VERSION) {
                    return Outcome.failed(e.getMessage(), e);
                }
                last = e;
            } catch (SQLException e) {
                last = PostgresConnector.translate(e, url);
            }
            if (System.nanoTime() > deadline) {
                return Outcome.failed("it did not accept connections within " + timeout.toSeconds() + " s (last error: "
                        + last.getMessage() + ")", last);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcome.failed("interrupted while waiting for it", e);
            }
        }
    }
}
