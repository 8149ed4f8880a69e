/**
 * dbops in JUnit 5 tests: {@link dev.dbops.testkit.DbopsPostgres} gives a test or a test class a fresh
 * PostgreSQL database from {@link dev.dbops.postgres.PostgresProvider}, and
 * {@link dev.dbops.testkit.DbopsAssertions} asserts, in AssertJ's style, that migrations are lock-safe
 * ({@link dev.dbops.testkit.MigrationsAssert#areLockSafe()}), build the committed schema snapshot, can be undone
 * and match a live database, and that a backup restores identically within a recovery time
 * ({@link dev.dbops.testkit.BackupDrillAssert}). See {@code docs/testkit.md}.
 */
package dev.dbops.testkit;
