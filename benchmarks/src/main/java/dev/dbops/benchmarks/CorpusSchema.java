package dev.dbops.benchmarks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * What the generated migrations have created so far, so that later migrations alter, index, view and
 * drop objects that exist, under the names an application team would give them.
 */
final class CorpusSchema {

    /**
     * A column the generator knows how to add, default, backfill and check.
     *
     * @param name the column name
     * @param type its SQL type
     * @param defaultSql a default expression
     * @param backfillSql an expression an {@code UPDATE} backfill sets it to, from the row's other columns
     * @param check a {@code CHECK} expression, or empty
     */
    record Column(String name, String type, String defaultSql, String backfillSql, String check) {
    }

    /** A table and what the migrations did to it. */
    static final class Table {
        final String name;
        final String singular;
        final List<Column> columns = new ArrayList<>();
        final List<String> indexes = new ArrayList<>();
        final List<String> partitions = new ArrayList<>();
        /** Columns that views or policies read: PostgreSQL refuses to drop them or change their type. */
        final Set<String> pinned = new HashSet<>();
        boolean partitioned;
        boolean defaultPartition;
        int nextPartitionMonth;

        Table(String name, String singular) {
            this.name = name;
            this.singular = singular;
        }

        boolean has(String column) {
            return columns.stream().anyMatch(c -> c.name().equals(column));
        }
    }

    /** Every column kind, in a fixed order so that a seed always gives the same corpus. */
    static final List<Column> COLUMNS = List.of(
            new Column("email", "text", "''", "'user' || id || '@example.com'", ""),
            new Column("display_name", "varchar(120)", "''", "'unnamed ' || id", ""),
            new Column("status", "text", "'pending'", "'active'", "status IN ('pending', 'active', 'closed')"),
            new Column("amount", "numeric(12,2)", "0", "0", "amount >= 0"),
            new Column("quantity", "integer", "1", "1", "quantity > 0"),
            new Column("notes", "text", "''", "''", ""),
            new Column("external_ref", "uuid", "gen_random_uuid()", "gen_random_uuid()", ""),
            new Column("archived", "boolean", "false", "false", ""),
            new Column("last_seen_at", "timestamptz", "now()", "created_at", ""),
            new Column("due_on", "date", "current_date", "created_at::date + 30", ""),
            new Column("metadata", "jsonb", "'{}'::jsonb", "jsonb_build_object('migrated', true)", ""),
            new Column("tenant_id", "bigint", "0", "0", ""),
            new Column("priority", "smallint", "3", "3", "priority BETWEEN 1 AND 5"),
            new Column("currency", "char(3)", "'EUR'", "'EUR'", "currency ~ '^[A-Z]{3}$'"),
            new Column("country_code", "char(2)", "'DE'", "'DE'", ""),
            new Column("score", "double precision", "0", "0.5", "score >= 0"),
            new Column("revision", "integer", "1", "1", ""),
            new Column("locale", "varchar(16)", "'en'", "'en'", ""),
            new Column("source", "text", "'web'", "'import'", ""),
            new Column("discount", "numeric(5,2)", "0", "0", "discount BETWEEN 0 AND 100"),
            new Column("is_active", "boolean", "true", "true", ""),
            new Column("deleted_at", "timestamptz", "NULL", "NULL", ""),
            new Column("sort_order", "integer", "0", "id::integer", ""),
            new Column("slug", "varchar(80)", "''", "'item-' || id", ""),
            new Column("phone", "varchar(32)", "''", "''", ""),
            new Column("settings", "jsonb", "'{}'::jsonb", "'{}'::jsonb", ""),
            new Column("approved_at", "timestamptz", "NULL", "updated_at", ""),
            new Column("retries", "integer", "0", "0", "retries >= 0"));

    /** The identity key every generated table has. */
    static final Column ID = new Column("id", "bigint", "NULL", "NULL", "");
    /** When the row was created; every generated table has it. */
    static final Column CREATED_AT = new Column("created_at", "timestamptz", "now()", "now()", "");
    /** When the row was last changed; every generated table has it. */
    static final Column UPDATED_AT = new Column("updated_at", "timestamptz", "now()", "now()", "");

    private static final List<String> MODULES = List.of("billing", "catalog", "crm", "inventory", "shipping",
            "identity", "support", "marketing", "payroll", "analytics", "booking", "content");
    private static final String[][] NOUNS = {
        {"accounts", "account"}, {"orders", "order"}, {"invoices", "invoice"}, {"payments", "payment"},
        {"customers", "customer"}, {"products", "product"}, {"addresses", "address"}, {"notes", "note"},
        {"tags", "tag"}, {"sessions", "session"}, {"shipments", "shipment"}, {"tickets", "ticket"},
        {"subscriptions", "subscription"}, {"campaigns", "campaign"}, {"documents", "document"},
        {"contacts", "contact"}, {"reservations", "reservation"}, {"vendors", "vendor"},
    };

    final List<Table> tables = new ArrayList<>();
    final List<String> enums = new ArrayList<>();
    final List<String> views = new ArrayList<>();
    final List<String> materializedViews = new ArrayList<>();
    final Set<String> populatedViews = new HashSet<>();
    final List<String> lookups = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final Random random;

    CorpusSchema(Random random) {
        this.random = random;
    }

    /** A new table name such as {@code billing_invoices}; after every pair is used, with a {@code _v2} suffix. */
    Table newTable() {
        for (int attempt = 0; ; attempt++) {
            String module = MODULES.get(random.nextInt(MODULES.size()));
            String[] noun = NOUNS[random.nextInt(NOUNS.length)];
            String name = module + "_" + noun[0] + (attempt < 50 ? "" : "_v" + (attempt / 50 + 1));
            if (names.add(name)) {
                Table table = new Table(name, noun[1]);
                tables.add(table);
                return table;
            }
        }
    }

    /**
     * Registers {@code count} tables that exist before the corpus's first migration, as in a database
     * whose older migrations were squashed or archived: later migrations change them as live tables, which
     * the lint rules treat differently from tables the linted migrations created. Returns them, so that
     * their DDL can be written for a server that replays the corpus.
     */
    List<Table> preexisting(int count) {
        List<Table> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Table table = newTable();
            created.add(table);
            table.columns.add(ID);
            for (int c = 3 + random.nextInt(4); c > 0; c--) {
                newColumnFor(table).ifPresent(table.columns::add);
            }
            table.columns.add(CREATED_AT);
            table.columns.add(UPDATED_AT);
        }
        return created;
    }

    /** A name that no other object has, built from {@code base}. */
    String unique(String base) {
        String name = base;
        for (int n = 2; !names.add(name); n++) {
            name = base + "_" + n;
        }
        return name;
    }

    /** An existing table that is not partitioned, chosen at random; empty before the first one exists. */
    Optional<Table> anyPlainTable() {
        List<Table> plain = tables.stream().filter(t -> !t.partitioned).toList();
        return plain.isEmpty() ? Optional.empty() : Optional.of(plain.get(random.nextInt(plain.size())));
    }

    /** An existing partitioned table, chosen at random. */
    Optional<Table> anyPartitionedTable() {
        List<Table> partitioned = tables.stream().filter(t -> t.partitioned).toList();
        return partitioned.isEmpty() ? Optional.empty()
                : Optional.of(partitioned.get(random.nextInt(partitioned.size())));
    }

    /** A column kind the table does not have yet, or empty when it has them all. */
    Optional<Column> newColumnFor(Table table) {
        List<Column> missing = COLUMNS.stream().filter(c -> !table.has(c.name())).toList();
        return missing.isEmpty() ? Optional.empty() : Optional.of(missing.get(random.nextInt(missing.size())));
    }

    /** One of the table's generated columns (not id, created_at, updated_at or a foreign key), or empty. */
    Optional<Column> existingColumnOf(Table table) {
        List<Column> known = table.columns.stream()
                .filter(c -> COLUMNS.stream().anyMatch(k -> k.name().equals(c.name()))).toList();
        return known.isEmpty() ? Optional.empty() : Optional.of(known.get(random.nextInt(known.size())));
    }

    /** Like {@link #existingColumnOf}, but only a column no view or policy reads, so that it can be dropped or retyped. */
    Optional<Column> unpinnedColumnOf(Table table) {
        List<Column> free = table.columns.stream()
                .filter(c -> COLUMNS.stream().anyMatch(k -> k.name().equals(c.name())))
                .filter(c -> !table.pinned.contains(c.name())).toList();
        return free.isEmpty() ? Optional.empty() : Optional.of(free.get(random.nextInt(free.size())));
    }
}
