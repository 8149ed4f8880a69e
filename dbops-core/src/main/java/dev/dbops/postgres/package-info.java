/**
 * PostgreSQL plumbing shared by every capability: {@link dev.dbops.postgres.PostgresUrl} (the two URL
 * forms of {@code --url}), {@link dev.dbops.postgres.PostgresConnector} (connections with dbops's
 * defaults and failures that say how to fix them, plus the supported-version check), and throwaway
 * servers and databases for tests and shadow databases: {@link dev.dbops.postgres.PostgresServer},
 * {@link dev.dbops.postgres.EmbeddedPostgres}, {@link dev.dbops.postgres.ExternalPostgres} and
 * {@link dev.dbops.postgres.PostgresProvider}, which picks one from {@code DBOPS_TEST_POSTGRES}.
 */
package dev.dbops.postgres;
