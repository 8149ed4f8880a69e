package dev.dbops.audit;

import dev.dbops.postgres.EmbeddedPostgres;

/**
 * Embedded servers configured so that every audit check has something to look at: pg_stat_statements
 * preloaded, prepared transactions allowed, logical decoding on, WAL archiving on with an
 * {@code archive_command} that always fails, and small shared buffers so a scan misses the cache.
 */
final class AuditServers {

    private AuditServers() {
    }

    static EmbeddedPostgres start(String version) {
        return EmbeddedPostgres.builder().version(version)
                .setting("shared_preload_libraries", "pg_stat_statements")
                .setting("max_prepared_transactions", "4")
                .setting("wal_level", "logical")
                .setting("archive_mode", "on")
                .setting("archive_command", "false")
                .setting("shared_buffers", "1MB")
                .setting("max_connections", "20")
                .start();
    }
}
