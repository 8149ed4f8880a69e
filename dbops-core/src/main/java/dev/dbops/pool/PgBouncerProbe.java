package dev.dbops.pool;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresUrl;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads PgBouncer's admin console ({@code SHOW VERSION}, {@code SHOW CONFIG}, {@code SHOW POOLS},
 * {@code SHOW STATS}) over
 * its own small protocol client, with a connect and read timeout of 5 s. The URL names PgBouncer's host
 * and port and a user in {@code admin_users} or {@code stats_users}; its database is ignored (the
 * console is always {@code pgbouncer}).
 */
public final class PgBouncerProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private PgBouncerProbe() {
    }

    /**
     * Reads the admin console.
     *
     * @throws DbopsException with {@link ErrorCode#CONNECTION_FAILED} when nothing answers or the
     *     console refuses the user, or {@link ErrorCode#INSPECTION_FAILED} when a {@code SHOW} fails or
     *     the server is not PgBouncer
     */
    public static PgBouncerFacts read(PostgresUrl adminUrl) {
        Objects.requireNonNull(adminUrl, "adminUrl");
        String where = adminUrl.hostAndPort();
        String user = adminUrl.user().orElse("pgbouncer");
        AdminConsole console;
        try {
            console = AdminConsole.open(adminUrl.host(), adminUrl.port(), user, adminUrl.password(), TIMEOUT);
        } catch (AdminConsole.ConsoleException e) {
            throw new DbopsException(ErrorCode.CONNECTION_FAILED, "PgBouncer's admin console at " + where
                    + " refused " + user + ": " + e.getMessage() + " — connect as a user listed in admin_users or"
                    + " stats_users, or check that this port is PgBouncer's", e);
        } catch (IOException e) {
            String why = e instanceof ConnectException ? "nothing listens there"
                    : e instanceof SocketTimeoutException ? "no answer within " + TIMEOUT.toSeconds() + " s"
                    : e.getMessage();
            throw new DbopsException(ErrorCode.CONNECTION_FAILED, "cannot open PgBouncer's admin console at " + where
                    + ": " + why + " — check PgBouncer's listen_addr and listen_port, and that it runs", e);
        }
        try (console) {
            String versionText = console.query("SHOW VERSION").stream().findFirst()
                    .flatMap(row -> row.values().stream().findFirst()).orElse("");
            PgBouncerVersion version = PgBouncerVersion.parse(versionText).filter(v -> versionText.contains("PgBouncer"))
                    .orElseThrow(() -> new DbopsException(ErrorCode.INSPECTION_FAILED, "the server at " + where
                            + " answered SHOW VERSION with '" + versionText + "': it is not PgBouncer's admin console"));
            Map<String, String> settings = new LinkedHashMap<>();
            for (Map<String, String> row : console.query("SHOW CONFIG")) {
                settings.put(row.get("key"), row.get("value"));
            }
            List<PgBouncerPool> pools = new ArrayList<>();
            for (Map<String, String> row : console.query("SHOW POOLS")) {
                long waitMicros = number(row, "maxwait") * 1_000_000 + number(row, "maxwait_us");
                pools.add(new PgBouncerPool(row.getOrDefault("database", ""), row.getOrDefault("user", ""),
                        (int) number(row, "cl_active"), (int) number(row, "cl_waiting"), (int) number(row, "sv_active"),
                        (int) number(row, "sv_idle"), Duration.ofNanos(waitMicros * 1000),
                        row.getOrDefault("pool_mode", "")));
            }
            List<PgBouncerStats> stats = new ArrayList<>();
            for (Map<String, String> row : console.query("SHOW STATS")) {
                stats.add(new PgBouncerStats(row.getOrDefault("database", ""), number(row, "total_xact_count"),
                        Duration.ofNanos(number(row, "total_xact_time") * 1000),
                        Duration.ofNanos(number(row, "total_wait_time") * 1000)));
            }
            return new PgBouncerFacts(version, settings, pools, stats);
        } catch (IOException e) {
            throw new DbopsException(ErrorCode.INSPECTION_FAILED, "reading PgBouncer's admin console at " + where
                    + " failed: " + e.getMessage() + " — the user needs admin_users or stats_users", e);
        }
    }

    private static long number(Map<String, String> row, String column) {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
