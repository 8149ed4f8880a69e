package dev.dbops.benchmarks;

import dev.dbops.benchmarks.CorpusSchema.Column;
import dev.dbops.benchmarks.CorpusSchema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Migrations that create and change tables, written the way teams write them: identity keys, foreign
 * keys, checks and comments; columns added with defaults; backfills in batches before {@code SET NOT
 * NULL}; type changes under a lock timeout; indexes built {@code CONCURRENTLY} in a file of their own.
 * Each method writes one file and returns the description for its name.
 */
final class TableMigrations extends MigrationTemplates {

    /** The type a column is widened to, by its current type. */
    private static final Map<String, String> WIDER = Map.of("integer", "bigint", "smallint", "integer",
            "varchar(120)", "varchar(255)", "varchar(16)", "varchar(35)", "varchar(80)", "text",
            "varchar(32)", "varchar(64)", "numeric(12,2)", "numeric(14,2)", "numeric(5,2)", "numeric(7,2)",
            "char(2)", "varchar(8)", "char(3)", "text");

    TableMigrations(Random random, CorpusSchema schema) {
        super(random, schema);
    }

    /** One new table with its indexes, comments and grants. */
    String createTable(MigrationText m) {
        Optional<Table> parent = schema.anyPlainTable();
        Table table = schema.newTable();
        m.comment("Creates " + table.name + ": one row per " + table.singular + ".");
        if (chance(0.6)) {
            m.tight(lockTimeout());
        }
        writeTable(m, table, parent);
        return "create_" + table.name;
    }

    /** Two to four related tables in one file, as a feature launch adds them. */
    String createModule(MigrationText m) {
        int count = between(2, 4);
        boolean wrapped = chance(0.4);
        m.blockComment("A new feature's tables, created together so that the foreign keys resolve.",
                "Reviewed with the data team; retention is handled by the nightly archiver.");
        if (wrapped) {
            m.tight("BEGIN");
        }
        m.tight(lockTimeout());
        Table first = null;
        for (int i = 0; i < count; i++) {
            Optional<Table> parent = first == null ? schema.anyPlainTable() : Optional.of(first);
            Table table = schema.newTable();
            writeTable(m, table, parent);
            first = first == null ? table : first;
        }
        if (wrapped) {
            m.statement("COMMIT");
        }
        return "create_" + first.name + "_module";
    }

    private void writeTable(MigrationText m, Table table, Optional<Table> parent) {
        List<String> lines = new ArrayList<>();
        lines.add("    id bigint GENERATED " + (chance(0.7) ? "ALWAYS" : "BY DEFAULT") + " AS IDENTITY PRIMARY KEY");
        table.columns.add(CorpusSchema.ID);
        String foreignKey = null;
        if (parent.isPresent()) {
            foreignKey = parent.get().singular + "_id";
            lines.add("    " + foreignKey + " bigint NOT NULL REFERENCES " + parent.get().name + " (id)"
                    + (chance(0.4) ? " ON DELETE CASCADE" : ""));
            table.columns.add(new Column(foreignKey, "bigint", "NULL", "NULL", ""));
        }
        int columns = between(3, 7);
        for (int i = 0; i < columns; i++) {
            Column column = schema.newColumnFor(table).orElseThrow();
            lines.add("    " + definition(column, chance(0.6), chance(0.6)));
            table.columns.add(column);
        }
        lines.add("    created_at timestamptz NOT NULL DEFAULT now()");
        lines.add("    updated_at timestamptz NOT NULL DEFAULT now()");
        table.columns.add(CorpusSchema.CREATED_AT);
        table.columns.add(CorpusSchema.UPDATED_AT);
        if (table.has("external_ref")) {
            lines.add("    CONSTRAINT " + table.name + "_external_ref_key UNIQUE (external_ref)");
        }
        m.statement("CREATE TABLE " + (chance(0.2) ? "IF NOT EXISTS " : "") + name(table) + " (\n"
                + String.join(",\n", lines) + "\n)");
        if (foreignKey != null) {
            index(m, table, foreignKey, "");
        }
        if (chance(0.4)) {
            Column column = schema.existingColumnOf(table).orElseThrow();
            index(m, table, column.name(), table.has("deleted_at") ? " WHERE deleted_at IS NULL" : "");
        }
        m.statement("COMMENT ON TABLE " + name(table) + " IS 'One row per " + table.singular + ".'");
        for (int i = between(0, 2); i > 0; i--) {
            m.tight(columnComment(table, schema.existingColumnOf(table).orElseThrow()));
        }
        m.tight("GRANT SELECT ON TABLE " + name(table) + " TO reporting");
        m.statement("GRANT SELECT, INSERT, UPDATE, DELETE ON " + name(table) + " TO app_rw");
        if (chance(0.5)) {
            m.statement("CREATE TRIGGER " + table.name + "_touch BEFORE UPDATE ON " + name(table)
                    + "\n    FOR EACH ROW EXECUTE FUNCTION touch_updated_at()");
        }
        if (table.has("tenant_id") && chance(0.6)) {
            table.pinned.add("tenant_id");
            m.tight("ALTER TABLE " + name(table) + " ENABLE ROW LEVEL SECURITY");
            m.statement("CREATE POLICY " + table.name + "_tenant ON " + name(table)
                    + "\n    USING (tenant_id = current_setting('app.tenant_id')::bigint)");
        }
    }

    private void index(MigrationText m, Table table, String column, String where) {
        String index = schema.unique(table.name + "_" + column + "_idx");
        table.indexes.add(index);
        m.statement("CREATE INDEX " + index + " ON " + name(table) + " (" + column + ")" + where);
    }

    /** One to three columns added with defaults, under a lock timeout. */
    String addColumns(MigrationText m) {
        Table table = schema.anyPlainTable().orElseThrow();
        List<Column> added = new ArrayList<>();
        for (int i = between(1, 3); i > 0; i--) {
            schema.newColumnFor(table).ifPresent(column -> {
                added.add(column);
                table.columns.add(column);
            });
        }
        if (added.isEmpty()) {
            return createTable(m);
        }
        m.tight(lockTimeout());
        if (added.size() > 1 && chance(0.5)) {
            List<String> clauses = added.stream().map(c -> "    ADD COLUMN " + definition(c, chance(0.5), false))
                    .toList();
            m.statement("ALTER TABLE " + name(table) + "\n" + String.join(",\n", clauses));
        } else {
            for (Column column : added) {
                m.statement("ALTER TABLE " + name(table) + " ADD COLUMN " + (chance(0.3) ? "IF NOT EXISTS " : "")
                        + definition(column, chance(0.5), chance(0.2)));
            }
        }
        if (chance(0.6)) {
            m.tight(columnComment(table, added.get(0)));
        }
        if (chance(0.4)) {
            m.tight("RESET lock_timeout");
        }
        return "add_" + added.get(0).name() + "_to_" + table.name;
    }

    /** One index built CONCURRENTLY, alone in its file: it cannot run in a transaction, and Flyway refuses mixing. */
    String concurrentIndex(MigrationText m) {
        Table table = schema.anyPlainTable().orElseThrow();
        Optional<Column> chosen = schema.existingColumnOf(table);
        if (chosen.isEmpty()) {
            return addColumns(m);
        }
        Column column = chosen.get();
        String index = schema.unique(table.name + "_" + column.name() + "_idx");
        table.indexes.add(index);
        String key = switch (column.type()) {
            case "jsonb" -> "USING gin (" + column.name() + ")";
            case "text" -> column.name().equals("email") ? "(lower(email))" : "(" + column.name() + ")";
            default -> "(" + column.name() + (chance(0.3) ? ", created_at DESC" : "") + ")";
        };
        // Flyway runs a script with CREATE INDEX CONCURRENTLY outside a transaction and refuses to mix other
        // statements into it, so the index is alone in its file.
        m.comment("Built CONCURRENTLY, so Flyway runs this script outside a transaction; keep it alone here.");
        m.statement("CREATE INDEX CONCURRENTLY IF NOT EXISTS " + index + "\n    ON " + name(table) + " " + key
                + (table.has("deleted_at") && chance(0.5) ? " WHERE deleted_at IS NULL" : ""));
        return "index_" + table.name + "_" + column.name();
    }

    /** A new column filled in batches, then made NOT NULL through a validated check constraint. */
    String backfill(MigrationText m) {
        Table table = schema.anyPlainTable().orElseThrow();
        Optional<Column> chosen = schema.newColumnFor(table).filter(MigrationTemplates::fillable);
        if (chosen.isEmpty()) {
            return addColumns(m);
        }
        Column column = chosen.get();
        table.columns.add(column);
        String constraint = table.name + "_" + column.name() + "_not_null";
        m.comment("Adds " + column.name() + " to " + table.name + " and backfills it in batches of 50,000 rows.");
        m.tight(lockTimeout());
        m.statement("ALTER TABLE " + name(table) + " ADD COLUMN " + column.name() + " " + column.type());
        int batches = between(3, 6);
        for (int i = 0; i < batches; i++) {
            m.statement("UPDATE " + name(table) + "\n   SET " + column.name() + " = " + column.backfillSql()
                    + "\n WHERE id > " + i * 50_000 + " AND id <= " + (i + 1) * 50_000 + " AND " + column.name()
                    + " IS NULL");
        }
        m.statement("ALTER TABLE " + name(table) + " ADD CONSTRAINT " + constraint + " CHECK (" + column.name()
                + " IS NOT NULL) NOT VALID");
        m.tight("ALTER TABLE " + name(table) + " VALIDATE CONSTRAINT " + constraint);
        m.tight("ALTER TABLE " + name(table) + " ALTER COLUMN " + column.name() + " SET NOT NULL");
        m.statement("ALTER TABLE " + name(table) + " DROP CONSTRAINT " + constraint);
        m.statement("ANALYZE " + name(table));
        return "backfill_" + table.name + "_" + column.name();
    }

    /** A column widened, which rewrites the table unless PostgreSQL can skip it. */
    String alterType(MigrationText m) {
        Table table = schema.anyPlainTable().orElseThrow();
        Optional<Column> chosen = schema.unpinnedColumnOf(table).filter(c -> WIDER.containsKey(c.type()));
        if (chosen.isEmpty()) {
            return backfill(m);
        }
        Column column = chosen.get();
        String wider = WIDER.get(column.type());
        table.columns.set(table.columns.indexOf(column),
                new Column(column.name(), wider, column.defaultSql(), column.backfillSql(), column.check()));
        m.comment("Widens " + table.name + "." + column.name() + " from " + column.type() + " to " + wider + ".");
        m.tight(lockTimeout());
        m.tight("SET statement_timeout = '30min'");
        m.statement("ALTER TABLE " + name(table) + " ALTER COLUMN " + column.name() + " TYPE " + wider
                + (chance(0.3) ? " USING " + column.name() + "::" + wider : ""));
        m.tight("RESET statement_timeout");
        return "widen_" + table.name + "_" + column.name();
    }

    /** A default set, the NULLs filled and the column made NOT NULL directly. */
    String setNotNull(MigrationText m) {
        Table table = schema.anyPlainTable().orElseThrow();
        Optional<Column> chosen = schema.existingColumnOf(table).filter(MigrationTemplates::fillable);
        if (chosen.isEmpty()) {
            return backfill(m);
        }
        Column column = chosen.get();
        m.tight("ALTER TABLE " + name(table) + " ALTER COLUMN " + column.name() + " SET DEFAULT " + column.defaultSql());
        m.tight("UPDATE " + name(table) + " SET " + column.name() + " = " + column.defaultSql() + " WHERE "
                + column.name() + " IS NULL");
        m.tight("ALTER TABLE " + name(table) + " ALTER COLUMN " + column.name() + " SET NOT NULL");
        return "require_" + table.name + "_" + column.name();
    }

    /** A foreign key added NOT VALID and validated separately, so that the long scan takes a weaker lock. */
    String foreignKey(MigrationText m) {
        Table child = schema.anyPlainTable().orElseThrow();
        Table parent = schema.anyPlainTable().orElseThrow();
        String column = parent.singular + "_id";
        if (parent == child || child.has(column)) {
            return addColumns(m);
        }
        child.columns.add(new Column(column, "bigint", "NULL", "NULL", ""));
        String constraint = schema.unique(child.name + "_" + column + "_fkey");
        m.tight(lockTimeout());
        m.tight("ALTER TABLE " + name(child) + " ADD COLUMN " + column + " bigint");
        m.statement("ALTER TABLE " + name(child) + "\n    ADD CONSTRAINT " + constraint + " FOREIGN KEY (" + column
                + ") REFERENCES " + name(parent) + " (id)" + (chance(0.5) ? " ON DELETE SET NULL" : "") + " NOT VALID");
        m.statement("ALTER TABLE " + name(child) + " VALIDATE CONSTRAINT " + constraint);
        return "link_" + child.name + "_to_" + parent.name;
    }

    /** A column renamed inside an explicit transaction, with a view that keeps the old name working. */
    String renameInTransaction(MigrationText m) {
        Table table = schema.anyPlainTable().orElseThrow();
        Optional<Column> chosen = schema.existingColumnOf(table);
        if (chosen.isEmpty()) {
            return addColumns(m);
        }
        Column column = chosen.get();
        String renamed = "legacy_" + column.name();
        table.columns.set(table.columns.indexOf(column),
                new Column(renamed, column.type(), column.defaultSql(), column.backfillSql(), ""));
        table.pinned.add(renamed);
        String view = schema.unique(table.name + "_compat");
        schema.views.add(view);
        m.tight("BEGIN");
        m.tight("SET LOCAL lock_timeout = '2s'");
        m.tight("ALTER TABLE " + name(table) + " RENAME COLUMN " + column.name() + " TO " + renamed);
        m.tight("CREATE OR REPLACE VIEW " + view + " AS\n    SELECT id, " + renamed + " AS " + column.name()
                + ", created_at\n      FROM " + name(table));
        m.tight("COMMENT ON VIEW " + view + " IS 'Keeps " + column.name() + " readable until the clients move.'");
        m.statement("COMMIT");
        return "rename_" + table.name + "_" + column.name();
    }

    /** A column dropped once nothing reads it. */
    String dropColumn(MigrationText m) {
        Table table = schema.anyPlainTable().orElseThrow();
        Optional<Column> chosen = schema.unpinnedColumnOf(table);
        if (chosen.isEmpty()) {
            return addColumns(m);
        }
        Column column = chosen.get();
        table.columns.remove(column);
        m.comment("Nothing has read " + column.name() + " since release 2024.10.");
        m.tight(lockTimeout());
        m.tight("ALTER TABLE " + name(table) + " DROP COLUMN IF EXISTS " + column.name());
        return "drop_" + table.name + "_" + column.name();
    }

    /** An index dropped CONCURRENTLY, alone in its file. */
    String dropIndex(MigrationText m) {
        Optional<Table> withIndex = schema.tables.stream().filter(t -> !t.indexes.isEmpty()).findFirst();
        if (withIndex.isEmpty()) {
            return concurrentIndex(m);
        }
        String index = withIndex.get().indexes.remove(0);
        m.tight("DROP INDEX CONCURRENTLY IF EXISTS " + index);
        return "drop_" + index;
    }
}
