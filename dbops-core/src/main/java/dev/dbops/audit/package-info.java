/**
 * Operational audit of a PostgreSQL database: which indexes, tables, sessions, replicas and
 * statements are degrading it, with the evidence and the SQL that remedies each finding.
 *
 * <p>Entry point: {@link dev.dbops.audit.DatabaseAudit}. Checks have stable ids
 * ({@link dev.dbops.audit.AuditCheck}), thresholds have documented defaults
 * ({@link dev.dbops.audit.AuditThreshold}), findings are data ({@link dev.dbops.audit.AuditFinding})
 * and the report renders as text or versioned JSON ({@link dev.dbops.audit.AuditReport}).
 */
package dev.dbops.audit;
