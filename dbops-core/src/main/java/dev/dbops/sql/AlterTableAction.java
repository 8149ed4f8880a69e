package dev.dbops.sql;

import java.util.Optional;

/**
 * One subcommand of {@code ALTER TABLE}; a statement may carry several, separated by commas.
 * Subcommands dbops has no rule for are kept as {@link Other}, with their text.
 */
public sealed interface AlterTableAction {

    /** The subcommand exactly as written. */
    String text();

    /** {@code ADD [COLUMN] [IF NOT EXISTS] definition}. */
    record AddColumn(String text, ColumnDefinition column, boolean ifNotExists) implements AlterTableAction {
    }

    /** {@code DROP [COLUMN] [IF EXISTS] name [CASCADE]}. */
    record DropColumn(String text, String column, boolean ifExists, boolean cascade) implements AlterTableAction {
    }

    /** {@code ALTER [COLUMN] name [SET DATA] TYPE type [COLLATE c] [USING expr]}. */
    record AlterColumnType(String text, String column, TypeName type, Optional<Expression> using)
            implements AlterTableAction {
    }

    /** {@code ALTER [COLUMN] name SET NOT NULL}. */
    record SetNotNull(String text, String column) implements AlterTableAction {
    }

    /** {@code ALTER [COLUMN] name DROP NOT NULL}. */
    record DropNotNull(String text, String column) implements AlterTableAction {
    }

    /** {@code ALTER [COLUMN] name SET DEFAULT expr}. */
    record SetDefault(String text, String column, Expression value) implements AlterTableAction {
    }

    /** {@code ALTER [COLUMN] name DROP DEFAULT}. */
    record DropDefault(String text, String column) implements AlterTableAction {
    }

    /** {@code ADD table_constraint [NOT VALID]}, including {@code … USING INDEX}. */
    record AddConstraint(String text, TableConstraint constraint) implements AlterTableAction {
    }

    /** {@code VALIDATE CONSTRAINT name}. */
    record ValidateConstraint(String text, String name) implements AlterTableAction {
    }

    /** {@code DROP CONSTRAINT [IF EXISTS] name [CASCADE]}. */
    record DropConstraint(String text, String name, boolean ifExists, boolean cascade) implements AlterTableAction {
    }

    /** {@code RENAME [COLUMN] old TO new}. */
    record RenameColumn(String text, String from, String to) implements AlterTableAction {
    }

    /** {@code RENAME TO new} (the table itself). */
    record RenameTable(String text, String to) implements AlterTableAction {
    }

    /** {@code RENAME CONSTRAINT old TO new}. */
    record RenameConstraint(String text, String from, String to) implements AlterTableAction {
    }

    /** {@code SET SCHEMA name}. */
    record SetSchema(String text, String schema) implements AlterTableAction {
    }

    /** {@code SET TABLESPACE name}. */
    record SetTablespace(String text, String tablespace) implements AlterTableAction {
    }

    /** {@code SET LOGGED} ({@code logged} true) or {@code SET UNLOGGED}. */
    record SetLogged(String text, boolean logged) implements AlterTableAction {
    }

    /** {@code SET ACCESS METHOD name} (PostgreSQL 15+). */
    record SetAccessMethod(String text, String accessMethod) implements AlterTableAction {
    }

    /**
     * {@code ENABLE/DISABLE [REPLICA|ALWAYS] TRIGGER name|ALL|USER}.
     *
     * @param trigger the trigger name, or {@code ALL} / {@code USER} in upper case
     */
    record TriggerToggle(String text, boolean enable, String trigger) implements AlterTableAction {
    }

    /** {@code ENABLE/DISABLE/FORCE/NO FORCE ROW LEVEL SECURITY}. */
    record RowLevelSecurity(String text, RowSecurityChange change) implements AlterTableAction {
    }

    /** {@code ATTACH PARTITION name bound}. */
    record AttachPartition(String text, QualifiedName partition, String bound) implements AlterTableAction {
    }

    /** {@code DETACH PARTITION name [CONCURRENTLY | FINALIZE]}; {@code finalizeDetach} is FINALIZE. */
    record DetachPartition(String text, QualifiedName partition, boolean concurrently, boolean finalizeDetach)
            implements AlterTableAction {
    }

    /**
     * Any other subcommand: {@code SET STATISTICS}, {@code SET (…)}, {@code OWNER TO}, {@code CLUSTER ON},
     * {@code REPLICA IDENTITY}, identity changes, {@code INHERIT}…
     *
     * @param keywords the leading key words in upper case, e.g. {@code OWNER TO} or {@code ALTER COLUMN SET STATISTICS}
     */
    record Other(String text, String keywords) implements AlterTableAction {
    }

    /** The row-level-security switches of {@code ALTER TABLE}. */
    enum RowSecurityChange {
        /** {@code ENABLE ROW LEVEL SECURITY}. */
        ENABLE,
        /** {@code DISABLE ROW LEVEL SECURITY}. */
        DISABLE,
        /** {@code FORCE ROW LEVEL SECURITY}. */
        FORCE,
        /** {@code NO FORCE ROW LEVEL SECURITY}. */
        NO_FORCE
    }
}
