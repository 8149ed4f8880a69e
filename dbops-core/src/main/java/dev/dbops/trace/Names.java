package dev.dbops.trace;

import dev.dbops.schema.Identifiers;
import java.util.regex.Pattern;

/** How the trace writes relation names: {@code schema.name}, quoted only where PostgreSQL needs it. */
final class Names {

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    private Names() {
    }

    static String qualified(String schema, String name) {
        return part(schema) + "." + part(name);
    }

    private static String part(String identifier) {
        return PLAIN.matcher(identifier).matches() ? identifier : Identifiers.quote(identifier);
    }
}
