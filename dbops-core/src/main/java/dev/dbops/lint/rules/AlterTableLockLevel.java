package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.TableConstraint;
import java.util.Locale;

/**
 * The lock each {@code ALTER TABLE} subcommand takes on the altered table, as PostgreSQL's
 * {@code AlterTableGetLockLevel} assigns it; a statement with several subcommands takes the strongest.
 * Below ACCESS EXCLUSIVE are only: {@code ADD FOREIGN KEY}, {@code ENABLE/DISABLE TRIGGER} (SHARE ROW
 * EXCLUSIVE); {@code VALIDATE CONSTRAINT}, {@code SET STATISTICS}, per-column {@code SET/RESET (…)},
 * {@code CLUSTER ON}, {@code SET WITHOUT CLUSTER}, {@code SET/RESET (…)} of fillfactor, autovacuum, toast and
 * planner parameters, {@code ATTACH PARTITION} (12+), {@code DETACH PARTITION CONCURRENTLY/FINALIZE}
 * (SHARE UPDATE EXCLUSIVE). Everything else — {@code ALTER CONSTRAINT}, {@code SET STORAGE},
 * {@code SET COMPRESSION}, {@code REPLICA IDENTITY}, {@code OWNER TO}, {@code INHERIT}, identity changes,
 * {@code ADD CHECK … NOT VALID} — takes ACCESS EXCLUSIVE.
 */
final class AlterTableLockLevel {

    private AlterTableLockLevel() {
    }

    /** The lock {@code action} takes on the table being altered, on PostgreSQL {@code pgVersion}. */
    static LockMode of(AlterTableAction action, int pgVersion) {
        if (action instanceof AlterTableAction.AddConstraint add) {
            return add.constraint().kind() == TableConstraint.Kind.FOREIGN_KEY ? LockMode.SHARE_ROW_EXCLUSIVE
                    : LockMode.ACCESS_EXCLUSIVE;
        }
        if (action instanceof AlterTableAction.ValidateConstraint) {
            return LockMode.SHARE_UPDATE_EXCLUSIVE;
        }
        if (action instanceof AlterTableAction.TriggerToggle) {
            return LockMode.SHARE_ROW_EXCLUSIVE;
        }
        if (action instanceof AlterTableAction.AttachPartition) {
            // Reduced from ACCESS EXCLUSIVE in PostgreSQL 12.
            return pgVersion >= 12 ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE;
        }
        if (action instanceof AlterTableAction.DetachPartition detach) {
            return detach.concurrently() || detach.finalizeDetach() ? LockMode.SHARE_UPDATE_EXCLUSIVE
                    : LockMode.ACCESS_EXCLUSIVE;
        }
        if (action instanceof AlterTableAction.Other other) {
            return other(other);
        }
        // ADD/DROP/ALTER COLUMN, SET/DROP NOT NULL, SET/DROP DEFAULT, DROP CONSTRAINT, RENAME…, SET SCHEMA,
        // SET TABLESPACE, SET [UN]LOGGED, SET ACCESS METHOD, ROW LEVEL SECURITY.
        return LockMode.ACCESS_EXCLUSIVE;
    }

    private static LockMode other(AlterTableAction.Other other) {
        String keywords = other.keywords().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        String text = other.text().toLowerCase(Locale.ROOT);
        if (keywords.startsWith("CLUSTER ON") || keywords.startsWith("SET WITHOUT CLUSTER")) {
            return LockMode.SHARE_UPDATE_EXCLUSIVE;
        }
        if (keywords.startsWith("ALTER") && (keywords.contains("SET STATISTICS") || isColumnOptions(keywords, text))) {
            return LockMode.SHARE_UPDATE_EXCLUSIVE;
        }
        if ((keywords.startsWith("SET") || keywords.startsWith("RESET")) && text.matches("(?s)^\\s*(re)?set\\s*\\(.*")) {
            return storageParameters(text);
        }
        if (keywords.startsWith("ENABLE TRIGGER") || keywords.startsWith("DISABLE TRIGGER")
                || keywords.matches("ENABLE (REPLICA|ALWAYS) TRIGGER.*")) {
            return LockMode.SHARE_ROW_EXCLUSIVE;
        }
        return LockMode.ACCESS_EXCLUSIVE;
    }

    /** {@code ALTER [COLUMN] c SET (n_distinct = …)} / {@code RESET (…)}: per-attribute options. */
    private static boolean isColumnOptions(String keywords, String text) {
        return text.matches("(?s)^\\s*alter\\s+(column\\s+)?\\S+\\s+(re)?set\\s*\\(.*") && !keywords.contains("TYPE");
    }

    /**
     * {@code SET (…)}/{@code RESET (…)} on a table: fillfactor, autovacuum, toast and planner parameters take
     * SHARE UPDATE EXCLUSIVE; {@code user_catalog_table} and the view options take ACCESS EXCLUSIVE.
     */
    private static LockMode storageParameters(String text) {
        if (text.contains("user_catalog_table") || text.contains("check_option") || text.contains("security_barrier")
                || text.contains("security_invoker")) {
            return LockMode.ACCESS_EXCLUSIVE;
        }
        return LockMode.SHARE_UPDATE_EXCLUSIVE;
    }
}
