package dev.dbops.benchmarks;

import dev.dbops.benchmarks.CorpusSchema.Column;
import dev.dbops.benchmarks.CorpusSchema.Table;
import java.util.List;
import java.util.Random;

/** What the migration templates share: the seeded random source, the schema so far, and small SQL helpers. */
abstract class MigrationTemplates {

    final Random random;
    final CorpusSchema schema;

    MigrationTemplates(Random random, CorpusSchema schema) {
        this.random = random;
        this.schema = schema;
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** A number from {@code min} to {@code max}, both included. */
    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** The table's name, schema-qualified now and then, as teams mix both styles. */
    String name(Table table) {
        return chance(0.15) ? "public." + table.name : table.name;
    }

    /** A lock timeout setting, in the forms teams write it. */
    String lockTimeout() {
        return pick(List.of("SET lock_timeout = '5s'", "SET lock_timeout TO '3s'", "SET lock_timeout = '2s'",
                "SET lock_timeout = 10000"));
    }

    /** {@code name type [NOT NULL DEFAULT d] [CHECK (…)]} for a CREATE TABLE or ADD COLUMN. */
    String definition(Column column, boolean required, boolean checked) {
        StringBuilder sql = new StringBuilder(column.name()).append(' ').append(column.type());
        if (!column.defaultSql().equals("NULL")) {
            if (required) {
                sql.append(" NOT NULL");
            }
            sql.append(" DEFAULT ").append(column.defaultSql());
        }
        if (checked && !column.check().isEmpty()) {
            sql.append(" CHECK (").append(column.check()).append(')');
        }
        return sql.toString();
    }

    /** Whether a column can be backfilled and made NOT NULL (it has a non-null default). */
    static boolean fillable(Column column) {
        return !column.defaultSql().equals("NULL");
    }

    /** A {@code COMMENT ON COLUMN} text for the column. */
    static String columnComment(Table table, Column column) {
        return "COMMENT ON COLUMN " + table.name + "." + column.name() + " IS '" + column.name().replace('_', ' ')
                + " of the " + table.singular + "; see the ''" + table.name + "'' runbook'";
    }
}
