package dev.dbops.pool;

import java.util.Locale;
import java.util.Optional;

/** PgBouncer's {@code pool_mode}: when a server connection goes back to PgBouncer's pool. */
public enum PoolMode {

    /** Released when the client disconnects: every HikariCP connection pins a server connection. */
    SESSION,
    /** Released at the end of each transaction: server connections are shared by all clients. */
    TRANSACTION,
    /** Released after each statement: multi-statement transactions are refused. */
    STATEMENT;

    /** The value as written in {@code pgbouncer.ini}: {@code transaction}. */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code session}, {@code transaction} or {@code statement}, in any case. */
    public static Optional<PoolMode> parse(String text) {
        for (PoolMode mode : values()) {
            if (mode.configValue().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
