/**
 * Framework-neutral pieces the Spring and Micronaut modules wire: the database dbops reaches on connections of its
 * own ({@link dev.dbops.runtime.MonitorDatabase}), the background pool monitor and the pool sizing for the
 * endpoint, the replication probe, what is known about backups, the status document both endpoints show, the lint of pending migrations and the startup
 * drift check's result, and the test of whether a failure means the database is unreachable. No class here
 * depends on a framework: the modules map their configuration onto these (a {@code Naming}, a lint
 * {@code Settings} record, the framework's own startup exception) and start and stop them with the context.
 */
package dev.dbops.runtime;
