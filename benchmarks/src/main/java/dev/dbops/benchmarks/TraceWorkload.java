package dev.dbops.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The migrations the trace benchmark runs: a schema of four tables applied first, seeded with
 * {@code rows} orders (and as many order lines, a tenth as many customers and payments), then twelve
 * Flyway migrations of the kinds a real application ships — a column added, a type changed (rewrite), an
 * index built plainly and one concurrently, constraints added NOT VALID and validated, NOT NULL set, a
 * backfill, a rename and a drop.
 */
final class TraceWorkload {

    static final String SCHEMA = """
            CREATE TABLE customers (id bigint PRIMARY KEY, name text, created_at timestamptz DEFAULT now());
            CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, amount integer NOT NULL,
                placed_at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE order_lines (id bigint PRIMARY KEY, order_id bigint NOT NULL, sku text, qty integer);
            CREATE TABLE payments (id bigint PRIMARY KEY, order_id bigint, method text, cents bigint);
            """;

    static final List<String> TRACED = List.of(
            "ALTER TABLE orders ADD COLUMN note text;\n",
            "ALTER TABLE orders ALTER COLUMN amount TYPE bigint;\n",
            "CREATE INDEX orders_customer_idx ON orders (customer_id);\n",
            "ALTER TABLE orders ADD CONSTRAINT amount_nonneg CHECK (amount >= 0) NOT VALID;\n",
            "ALTER TABLE orders VALIDATE CONSTRAINT amount_nonneg;\n",
            "ALTER TABLE order_lines ADD CONSTRAINT lines_order_fk FOREIGN KEY (order_id) REFERENCES orders (id)"
                    + " NOT VALID;\n",
            "ALTER TABLE order_lines VALIDATE CONSTRAINT lines_order_fk;\n",
            "CREATE INDEX CONCURRENTLY order_lines_order_idx ON order_lines (order_id);\n",
            "ALTER TABLE customers ALTER COLUMN name SET NOT NULL;\n",
            "UPDATE payments SET method = 'card' WHERE method IS NULL;\n",
            "ALTER TABLE orders RENAME COLUMN note TO remark;\n",
            "DROP INDEX orders_customer_idx;\n");

    private TraceWorkload() {
    }

    /** The seeding statements for {@code rows} orders. */
    static String[] seed(int rows) {
        int customers = Math.max(1, rows / 10);
        return new String[] {
            "INSERT INTO customers (id, name) SELECT g, 'customer ' || g FROM generate_series(1, " + customers + ") g",
            "INSERT INTO orders (id, customer_id, amount) SELECT g, 1 + g % " + customers + ", g % 10000"
                    + " FROM generate_series(1, " + rows + ") g",
            "INSERT INTO order_lines SELECT g, 1 + g % " + rows + ", 'sku-' || g % 500, 1 + g % 5"
                    + " FROM generate_series(1, " + rows + ") g",
            "INSERT INTO payments SELECT g, g, CASE WHEN g % 3 = 0 THEN NULL ELSE 'card' END, g * 100"
                    + " FROM generate_series(1, " + customers + ") g"
        };
    }

    /** Writes the schema as {@code applied/V1__schema.sql} and the traced migrations as {@code traced/V2…}. */
    static void write(Path root) throws IOException {
        Path applied = Files.createDirectories(root.resolve("applied"));
        Files.writeString(applied.resolve("V1__schema.sql"), SCHEMA, StandardCharsets.UTF_8);
        Path traced = Files.createDirectories(root.resolve("traced"));
        for (int i = 0; i < TRACED.size(); i++) {
            Files.writeString(traced.resolve("V" + (i + 2) + "__step_" + (i + 2) + ".sql"), TRACED.get(i),
                    StandardCharsets.UTF_8);
        }
    }
}
