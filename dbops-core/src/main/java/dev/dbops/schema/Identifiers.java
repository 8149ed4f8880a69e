package dev.dbops.schema;

import java.util.Objects;

/**
 * The one place where dbops turns names and text into SQL: every identifier in generated SQL is
 * quoted here, and every string literal escaped here. Nothing user-supplied is concatenated into
 * SQL any other way.
 */
public final class Identifiers {

    private Identifiers() {
    }

    /**
     * Quotes an identifier, always: {@code orders} → {@code "orders"}, {@code we"ird} → {@code "we""ird"}.
     * Always quoting keeps mixed case, reserved words and unicode exactly as they are.
     */
    public static String quote(String identifier) {
        Objects.requireNonNull(identifier, "identifier");
        if (identifier.isEmpty()) {
            throw new IllegalArgumentException("an SQL identifier cannot be empty");
        }
        if (identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an SQL identifier cannot contain a NUL character");
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A schema-qualified name, both parts quoted: {@code "public"."orders"}. */
    public static String qualified(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }

    /**
     * A standard string literal: {@code it's} → {@code 'it''s'}. Assumes
     * {@code standard_conforming_strings = on}, the default since PostgreSQL 9.1; backslashes are
     * therefore ordinary characters.
     */
    public static String literal(String text) {
        Objects.requireNonNull(text, "text");
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a PostgreSQL string literal cannot contain a NUL character");
        }
        return '\'' + text.replace("'", "''") + '\'';
    }
}
