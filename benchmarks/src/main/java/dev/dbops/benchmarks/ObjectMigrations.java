package dev.dbops.benchmarks;

import dev.dbops.benchmarks.CorpusSchema.Column;
import dev.dbops.benchmarks.CorpusSchema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Migrations around the tables: the baseline, functions and triggers in dollar quotes, DO blocks,
 * enums, views and materialized views, range-partitioned tables, reference data and grants. Each
 * method writes one file and returns the description for its name.
 */
final class ObjectMigrations extends MigrationTemplates {

    private static final List<String> STATES = List.of("draft", "active", "suspended", "archived", "cancelled",
            "expired", "on_hold", "review", "rejected", "approved");

    private final TableMigrations tables;

    ObjectMigrations(Random random, CorpusSchema schema, TableMigrations tables) {
        super(random, schema);
        this.tables = tables;
    }

    /** The first migration: extension, roles, the audit log and the trigger function every table uses. */
    String baseline(MigrationText m) {
        m.blockComment("Roles and the audit log. The tables of releases before 2024 come from the squashed"
                + " history,", "so roles are created here only when they do not exist.");
        m.statement("CREATE EXTENSION IF NOT EXISTS pgcrypto");
        m.statement("""
                DO $$
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'reporting') THEN
                        CREATE ROLE reporting NOLOGIN;
                    END IF;
                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_rw') THEN
                        CREATE ROLE app_rw NOLOGIN;
                    END IF;
                END
                $$""");
        m.statement("""
                CREATE TABLE audit_log (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    table_name text NOT NULL,
                    row_id bigint NOT NULL,
                    action text NOT NULL CHECK (action IN ('INSERT', 'UPDATE', 'DELETE')),
                    changed_by text NOT NULL DEFAULT current_user,
                    changed_at timestamptz NOT NULL DEFAULT now()
                )""");
        m.statement("CREATE INDEX audit_log_table_row_idx ON audit_log (table_name, row_id)");
        m.statement("""
                CREATE OR REPLACE FUNCTION touch_updated_at() RETURNS trigger
                LANGUAGE plpgsql
                AS $$
                BEGIN
                    NEW.updated_at := now();
                    RETURN NEW;
                END;
                $$""");
        m.tight("GRANT USAGE ON SCHEMA public TO reporting, app_rw");
        m.tight("GRANT SELECT ON audit_log TO reporting");
        return "roles_and_audit_log";
    }

    /** A PL/pgSQL audit trigger for one table, or an SQL function that reports on it. */
    String functionAndTrigger(MigrationText m) {
        Table table = schema.anyPlainTable().orElseThrow();
        String function = schema.unique(table.name + (chance(0.6) ? "_audit" : "_recent_count"));
        if (function.endsWith("_audit")) {
            m.statement("CREATE OR REPLACE FUNCTION " + function + "() RETURNS trigger\nLANGUAGE plpgsql\nAS $$\n"
                    + "BEGIN\n"
                    + "    -- TG_OP is INSERT, UPDATE or DELETE; the row id comes from NEW or OLD accordingly.\n"
                    + "    INSERT INTO audit_log (table_name, row_id, action)\n"
                    + "    VALUES (TG_TABLE_NAME, CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END, TG_OP);\n"
                    + "    RETURN coalesce(NEW, OLD);\n"
                    + "END;\n$$");
            m.tight("DROP TRIGGER IF EXISTS " + function + " ON " + name(table));
            m.statement("CREATE TRIGGER " + function + "\n    AFTER INSERT OR UPDATE OR DELETE ON " + name(table)
                    + "\n    FOR EACH ROW EXECUTE FUNCTION " + function + "()");
        } else {
            m.statement("CREATE OR REPLACE FUNCTION " + function + "(p_days integer DEFAULT 30)\nRETURNS bigint\n"
                    + "LANGUAGE sql\nSTABLE\nAS $fn$\n"
                    + "    SELECT count(*)\n      FROM " + table.name + "\n"
                    + "     WHERE created_at >= now() - make_interval(days => p_days);\n$fn$");
            m.tight("REVOKE ALL ON FUNCTION " + function + "(integer) FROM PUBLIC");
            m.tight("GRANT EXECUTE ON FUNCTION " + function + "(integer) TO reporting");
        }
        return "create_function_" + function;
    }

    /** A DO block: a guarded constraint, or grants looped over the partitions of a table. */
    String doBlock(MigrationText m) {
        Table table = schema.anyPlainTable().orElseThrow();
        Optional<Column> checked = schema.existingColumnOf(table).filter(c -> !c.check().isEmpty());
        if (checked.isPresent()) {
            Column column = checked.get();
            String constraint = schema.unique(table.name + "_" + column.name() + "_check");
            m.statement("DO $do$\nBEGIN\n"
                    + "    IF NOT EXISTS (\n        SELECT 1 FROM pg_constraint WHERE conname = '" + constraint + "'\n"
                    + "    ) THEN\n"
                    + "        ALTER TABLE " + table.name + " ADD CONSTRAINT " + constraint + " CHECK ("
                    + column.check() + ") NOT VALID;\n"
                    + "    END IF;\nEND\n$do$");
            m.statement("ALTER TABLE " + name(table) + " VALIDATE CONSTRAINT " + constraint);
            return "check_" + table.name + "_" + column.name();
        }
        m.statement("DO $$\nDECLARE\n    t record;\nBEGIN\n"
                + "    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE '"
                + table.name + "%' LOOP\n"
                + "        EXECUTE format('GRANT SELECT ON %I TO reporting', t.tablename);\n"
                + "    END LOOP;\nEND\n$$ LANGUAGE plpgsql");
        return "grant_reporting_on_" + table.name;
    }

    /** An enum type and a column of it. */
    String enumType(MigrationText m) {
        Table table = schema.anyPlainTable().orElseThrow();
        String type = schema.unique(table.singular + "_state");
        schema.enums.add(type);
        List<String> values = new ArrayList<>(STATES.subList(0, between(3, 5)));
        m.statement("CREATE TYPE " + type + " AS ENUM ('" + String.join("', '", values) + "')");
        m.tight(lockTimeout());
        String column = schema.unique("state_of_" + table.singular);
        table.columns.add(new Column(column, type, "'draft'", "'active'", ""));
        m.statement("ALTER TABLE " + name(table) + " ADD COLUMN " + column + " " + type + " NOT NULL DEFAULT 'draft'");
        m.tight("COMMENT ON TYPE " + type + " IS 'Lifecycle of a " + table.singular + "'");
        return "create_type_" + type;
    }

    /** A value added to an existing enum, alone in its file. */
    String enumValue(MigrationText m) {
        if (schema.enums.isEmpty()) {
            return enumType(m);
        }
        String type = pick(schema.enums);
        String value = pick(STATES.subList(5, STATES.size()));
        m.statement("ALTER TYPE " + type + " ADD VALUE IF NOT EXISTS '" + value + "'"
                + (chance(0.5) ? " AFTER 'active'" : ""));
        return "add_" + value + "_to_" + type;
    }

    /** A reporting view over a table, with its comment and grant. */
    String view(MigrationText m) {
        Table table = schema.anyPlainTable().orElseThrow();
        String view = schema.unique(table.name + "_recent");
        schema.views.add(view);
        Optional<Column> shown = schema.existingColumnOf(table);
        shown.ifPresent(column -> table.pinned.add(column.name()));
        String columns = shown.map(c -> ", t." + c.name()).orElse("");
        m.statement("CREATE OR REPLACE VIEW " + view + " AS\n    SELECT t.id, t.created_at" + columns + "\n      FROM "
                + name(table) + " AS t\n     WHERE t.created_at > now() - interval '90 days'"
                + (chance(0.3) ? "\n    WITH LOCAL CHECK OPTION" : ""));
        m.tight("COMMENT ON VIEW " + view + " IS 'The last 90 days of " + table.name + ".'");
        m.tight("GRANT SELECT ON " + view + " TO reporting");
        return "create_view_" + view;
    }

    /** A materialized view with the unique index that REFRESH … CONCURRENTLY needs. */
    String materializedView(MigrationText m) {
        Table table = schema.anyPlainTable().orElseThrow();
        String view = schema.unique(table.name + "_daily");
        schema.materializedViews.add(view);
        boolean populated = chance(0.5);
        if (populated) {
            schema.populatedViews.add(view);
        }
        m.statement("CREATE MATERIALIZED VIEW IF NOT EXISTS " + view + " AS\n"
                + "    SELECT date_trunc('day', created_at) AS day, count(*) AS total\n"
                + "      FROM " + name(table) + "\n     GROUP BY 1\n  WITH " + (populated ? "" : "NO ") + "DATA");
        m.statement("CREATE UNIQUE INDEX " + view + "_day_key ON " + view + " (day)");
        m.tight("GRANT SELECT ON " + view + " TO reporting");
        return "create_materialized_view_" + view;
    }

    /** A materialized view refreshed without blocking readers, alone in its file. */
    String refresh(MigrationText m) {
        if (schema.materializedViews.isEmpty()) {
            return materializedView(m);
        }
        String view = pick(schema.materializedViews);
        // CONCURRENTLY needs a populated view; the first refresh of one created WITH NO DATA cannot use it.
        m.statement("REFRESH MATERIALIZED VIEW " + (schema.populatedViews.add(view) ? "" : "CONCURRENTLY ") + view);
        return "refresh_daily_totals";
    }

    /** A table partitioned by month, with its first partitions, sometimes a default partition, and an index. */
    String partitionedTable(MigrationText m) {
        Table table = schema.newTable();
        table.partitioned = true;
        m.comment("Events of " + table.name + " are kept 18 months; one partition per month.");
        m.statement("CREATE TABLE " + table.name + " (\n"
                + "    id bigint GENERATED ALWAYS AS IDENTITY,\n"
                + "    occurred_at timestamptz NOT NULL,\n"
                + "    kind text NOT NULL,\n"
                + "    payload jsonb NOT NULL DEFAULT '{}'::jsonb,\n"
                + "    PRIMARY KEY (id, occurred_at)\n"
                + ") PARTITION BY RANGE (occurred_at)");
        for (int i = between(4, 9); i > 0; i--) {
            m.tight(partition(table));
        }
        if (chance(0.5)) {
            table.defaultPartition = true;
            m.statement("CREATE TABLE " + table.name + "_default PARTITION OF " + table.name + " DEFAULT");
        }
        m.statement("CREATE INDEX " + table.name + "_kind_idx ON " + table.name + " (kind, occurred_at)");
        m.tight("GRANT SELECT ON " + table.name + " TO reporting");
        return "create_partitioned_" + table.name;
    }

    /** Next months' partitions, created standalone and attached, or created directly. */
    String addPartitions(MigrationText m) {
        Optional<Table> chosen = schema.anyPartitionedTable();
        if (chosen.isEmpty()) {
            return partitionedTable(m);
        }
        Table table = chosen.get();
        int month = table.nextPartitionMonth;
        String partition = partitionName(table, month);
        if (chance(0.5)) {
            table.nextPartitionMonth++;
            table.partitions.add(partition);
            m.statement("CREATE TABLE " + partition + " (LIKE " + table.name + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
            m.statement("ALTER TABLE " + partition + " ADD CONSTRAINT " + partition + "_bound CHECK (occurred_at >= '"
                    + monthStart(month) + "' AND occurred_at < '" + monthStart(month + 1) + "')");
            m.tight(lockTimeout());
            m.tight("ALTER TABLE " + table.name + " ATTACH PARTITION " + partition + "\n    FOR VALUES FROM ('"
                    + monthStart(month) + "') TO ('" + monthStart(month + 1) + "')");
        } else {
            for (int i = between(2, 4); i > 0; i--) {
                m.tight(partition(table));
            }
        }
        return "partitions_of_" + table.name + "_from_" + monthStart(month).substring(0, 7).replace('-', '_');
    }

    /** The oldest partition detached, CONCURRENTLY (PostgreSQL 14+) when it can be, alone in its file. */
    String detachPartition(MigrationText m) {
        Optional<Table> chosen = schema.anyPartitionedTable().filter(t -> t.partitions.size() > 2);
        if (chosen.isEmpty()) {
            return addPartitions(m);
        }
        Table table = chosen.get();
        String partition = table.partitions.remove(0);
        // PostgreSQL refuses DETACH … CONCURRENTLY while the table has a default partition, and inside a
        // transaction, which Flyway does not know: the script's configuration tells it.
        if (table.defaultPartition) {
            m.statement("ALTER TABLE " + table.name + " DETACH PARTITION " + partition);
        } else {
            m.config("executeInTransaction=false\n");
            m.statement("ALTER TABLE " + table.name + " DETACH PARTITION " + partition + " CONCURRENTLY");
        }
        return "detach_" + partition;
    }

    private String partition(Table table) {
        int month = table.nextPartitionMonth++;
        String partition = partitionName(table, month);
        table.partitions.add(partition);
        return "CREATE TABLE IF NOT EXISTS " + partition + " PARTITION OF " + table.name + "\n    FOR VALUES FROM ('"
                + monthStart(month) + "') TO ('" + monthStart(month + 1) + "')";
    }

    private static String partitionName(Table table, int month) {
        return table.name + "_" + monthStart(month).substring(0, 7).replace('-', '_');
    }

    /** The first day of the month {@code month} months after January 2024. */
    private static String monthStart(int month) {
        return "%04d-%02d-01".formatted(2024 + month / 12, month % 12 + 1);
    }

    /** A reference-data table and its rows. */
    String lookupTable(MigrationText m) {
        String table = schema.unique(pick(List.of("billing", "catalog", "crm", "shipping")) + "_"
                + pick(List.of("reasons", "kinds", "channels", "regions", "categories")));
        schema.lookups.add(table);
        m.statement("CREATE TABLE " + table + " (\n    code text PRIMARY KEY,\n    label text NOT NULL,\n"
                + "    sort_order integer NOT NULL DEFAULT 0,\n    active boolean NOT NULL DEFAULT true\n)");
        m.statement(seedRows(table, 1));
        m.tight("GRANT SELECT ON " + table + " TO reporting, app_rw");
        return "create_" + table;
    }

    /** Reference rows added, relabelled and retired. */
    String seedData(MigrationText m) {
        if (schema.lookups.isEmpty()) {
            return lookupTable(m);
        }
        String table = pick(schema.lookups);
        int start = between(2, 40);
        m.statement(seedRows(table, start) + "\nON CONFLICT (code) DO UPDATE SET label = EXCLUDED.label");
        m.tight("UPDATE " + table + " SET active = false WHERE code = 'code_" + (start - 1) + "'");
        if (chance(0.3)) {
            m.tight("DELETE FROM " + table + " WHERE code LIKE 'tmp_%'");
        }
        return "seed_" + table;
    }

    private String seedRows(String table, int start) {
        StringBuilder sql = new StringBuilder("INSERT INTO " + table + " (code, label, sort_order) VALUES\n");
        int rows = between(3, 8);
        for (int i = 0; i < rows; i++) {
            int n = start + i;
            sql.append("    ('code_").append(n).append("', 'Label ").append(n).append(" (it''s seeded)', ")
                    .append(n * 10).append(')').append(i + 1 < rows ? ",\n" : "");
        }
        return sql.toString();
    }

    /** Privileges: schema usage, default privileges and a revoke. */
    String grants(MigrationText m) {
        m.tight("GRANT USAGE ON SCHEMA public TO reporting");
        m.tight("GRANT SELECT ON ALL TABLES IN SCHEMA public TO reporting");
        m.tight("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO reporting");
        schema.anyPlainTable().ifPresent(table -> m.tight("REVOKE ALL ON TABLE " + name(table) + " FROM PUBLIC"));
        return "reporting_privileges";
    }

    /** VACUUM ANALYZE after a large backfill, alone in its file because it cannot run in a transaction. */
    String vacuum(MigrationText m) {
        Table table = schema.anyPlainTable().orElseThrow();
        m.comment("Refreshes the visibility map and statistics after the backfill of " + table.name + ".");
        m.statement("VACUUM (ANALYZE) " + name(table));
        return "vacuum_" + table.name;
    }

    /** A view dropped once its readers have moved. */
    String dropView(MigrationText m) {
        if (schema.views.isEmpty()) {
            return tables.addColumns(m);
        }
        String view = schema.views.remove(0);
        m.tight("DROP VIEW IF EXISTS " + view);
        return "drop_" + view;
    }
}
