package dev.dbops.drift;

import dev.dbops.schema.ObjectKind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Object names as the schema diff shows them ({@code public.orders.status}, quotes only where needed),
 * and the keys under which migration statements and differences meet.
 */
final class Names {

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    private Names() {
    }

    /** The parts joined by dots, each in double quotes unless it is a plain lower-case name. */
    static String display(String... parts) {
        StringBuilder result = new StringBuilder();
        for (String part : parts) {
            if (result.length() > 0) {
                result.append('.');
            }
            result.append(PLAIN.matcher(part).matches() ? part : '"' + part.replace("\"", "\"\"") + '"');
        }
        return result.toString();
    }

    /** The parts of a displayed name, quotes removed. */
    static List<String> parts(String display) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < display.length(); i++) {
            char c = display.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < display.length() && display.charAt(i + 1) == '"') {
                    part.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '.' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    /** The key group of an object kind: views and materialized views meet, and so do all kinds of types. */
    static String group(ObjectKind kind) {
        return switch (kind) {
            case MATERIALIZED_VIEW, VIEW -> "VIEW";
            case ENUM, DOMAIN, COMPOSITE_TYPE, RANGE_TYPE -> "TYPE";
            default -> kind.name();
        };
    }

    static String key(String group, String... parts) {
        return group + " " + display(parts);
    }
}
