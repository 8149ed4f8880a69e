/**
 * Backup verification: can this backup be restored, is the data the same, and how long does it take?
 *
 * <p>{@link dev.dbops.backup.BackupDrill} runs a timed restore drill: {@code pg_dump} at an exported
 * snapshot with a {@link dev.dbops.backup.DataFingerprint} (per-table row counts and content hashes)
 * computed in that same snapshot, a restore with {@code pg_restore -j N} into a marked scratch database,
 * and a comparison of data and schema. It also verifies existing archives, and physical base backups
 * started as scratch clusters. Each run gives a {@link dev.dbops.backup.DrillReport}: the measured RTO
 * per phase, the RPO, every {@link dev.dbops.backup.Mismatch}, and what was not covered;
 * {@link dev.dbops.backup.DrillHistory} keeps reports as JSON Lines and shows the trend. See
 * {@code docs/backup-verification.md}.
 */
package dev.dbops.backup;
