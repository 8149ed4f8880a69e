package dev.dbops.sql;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A data type as written in DDL, with PostgreSQL's aliases resolved to one canonical name, so that
 * {@code int4}, {@code integer} and {@code int} all read {@code integer}.
 *
 * @param schema the schema, when the type was qualified by a schema other than {@code pg_catalog}
 * @param name the canonical type name, e.g. {@code integer}, {@code character varying},
 *     {@code timestamp with time zone}, {@code serial}; user types keep their own name
 * @param modifiers the type modifiers as written, e.g. {@code ["10", "2"]} for {@code numeric(10,2)}
 * @param arrayDimensions how many {@code []} (or {@code ARRAY}) follow the type
 * @param text the type exactly as written
 */
public record TypeName(Optional<String> schema, String name, List<String> modifiers, int arrayDimensions,
        String text) {

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("integer", "integer"),
            Map.entry("int8", "bigint"), Map.entry("int2", "smallint"),
            Map.entry("serial4", "serial"), Map.entry("serial8", "bigserial"), Map.entry("serial2", "smallserial"),
            Map.entry("varchar", "character varying"), Map.entry("char", "character"),
            Map.entry("bpchar", "character"), Map.entry("decimal", "numeric"),
            Map.entry("float8", "double precision"), Map.entry("float4", "real"), Map.entry("bool", "boolean"),
            Map.entry("timestamptz", "timestamp with time zone"), Map.entry("timestamp", "timestamp without time zone"),
            Map.entry("timetz", "time with time zone"), Map.entry("time", "time without time zone"),
            Map.entry("varbit", "bit varying"));

    /** Validates the parts and copies the modifiers. */
    public TypeName {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        modifiers = List.copyOf(modifiers);
        Objects.requireNonNull(text, "text");
    }

    /**
     * The canonical name for a type name written without modifiers: lower case, PostgreSQL's aliases
     * resolved ({@code int4} → {@code integer}, {@code timestamptz} → {@code timestamp with time zone}).
     * Multi-word names ({@code double precision}) must be passed with single spaces.
     */
    public static String canonical(String written) {
        String lower = written.toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(lower, lower);
    }

    /** Whether this is the type {@code canonicalName} (compared after alias resolution), not an array of it. */
    public boolean is(String canonicalName) {
        return arrayDimensions == 0 && name.equals(canonical(canonicalName));
    }

    /** Whether the type is an array. */
    public boolean isArray() {
        return arrayDimensions > 0;
    }

    /** The first modifier as a number, e.g. 255 for {@code varchar(255)}, when it is one. */
    public Optional<Integer> length() {
        if (modifiers.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(modifiers.get(0).trim()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
