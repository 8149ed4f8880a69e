package dev.dbops.audit;

import dev.dbops.schema.Identifiers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** Pieces of SQL shared by the checks: the user-schema filter and quoting for remediation SQL. */
final class Sql {

    /** Keeps objects of user schemas, where {@code n} is the {@code pg_namespace} row. */
    static final String USER_SCHEMA = "n.nspname not in ('pg_catalog', 'information_schema')"
            + " and n.nspname !~ '^pg_(toast|temp_)'";

    /** The server's block size in bytes, as an SQL expression. */
    static final String BLOCK_SIZE = "current_setting('block_size')::bigint";

    /** Whether autovacuum may process table {@code c}: on globally and not turned off by its storage parameter. */
    static final String AUTOVACUUM_ENABLED = "(current_setting('autovacuum')::bool and coalesce((select"
            + " o.option_value from pg_options_to_table(c.reloptions) o where o.option_name = 'autovacuum_enabled'),"
            + " 'on')::bool)";

    private Sql() {
    }

    /**
     * The value of an autovacuum parameter for table {@code c}: its storage parameter if set, else the
     * server setting, as {@code float8}. {@code parameter} is one of dbops's own constants.
     */
    static String tableSetting(String parameter) {
        return "coalesce((select o.option_value from pg_options_to_table(c.reloptions) o where o.option_name = '"
                + parameter + "'), current_setting('" + parameter + "'))::float8";
    }

    /** {@code "schema"."name"}. */
    static String name(String schema, String name) {
        return Identifiers.qualified(schema, name);
    }

    /** A quoted identifier. */
    static String ident(String name) {
        return Identifiers.quote(name);
    }

    /** A string literal. */
    static String literal(String text) {
        return Identifiers.literal(text);
    }

    /** {@code ("a", "b")}. */
    static String columnList(List<String> columns) {
        return columns.stream().map(Identifiers::quote).collect(Collectors.joining(", ", "(", ")"));
    }

    /** {@code schema.name} unquoted, for messages and finding objects. */
    static String display(String schema, String name) {
        return schema + "." + name;
    }

    /** An index name made of the table and columns, cut to PostgreSQL's 63 bytes like PostgreSQL does. */
    static String indexName(String table, List<String> columns) {
        StringBuilder name = new StringBuilder(table);
        columns.forEach(column -> name.append('_').append(column));
        String full = name.append("_idx").toString();
        while (full.getBytes(StandardCharsets.UTF_8).length > 63) {
            full = full.substring(0, full.length() - 5) + "_idx";
        }
        return full;
    }
}
