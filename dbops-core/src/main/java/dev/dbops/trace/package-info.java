/**
 * Lock tracing: runs migrations on a scratch PostgreSQL database the way the migration tool runs them and
 * records, statement by statement, what the database really did — the locks the migrating session held,
 * the relations it rewrote, the tables it scanned, how long it took, and (with a simulated application
 * workload) whom it made wait — next to what the linter predicted. Entry point: {@link dev.dbops.trace.LockTracer}.
 */
package dev.dbops.trace;
