package dev.dbops.diff;

import dev.dbops.schema.Function;
import dev.dbops.schema.Identifiers;
import dev.dbops.schema.ObjectKind;
import dev.dbops.schema.ObjectRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SQL text helpers of the planner: quoted names (always through {@link Identifiers}), dependency
 * keys, and recognising where catalog-rendered SQL mentions an object.
 */
final class PlanSql {

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    private PlanSql() {
    }

    static String q(String identifier) {
        return Identifiers.quote(identifier);
    }

    static String qn(String schema, String name) {
        return Identifiers.qualified(schema, name);
    }

    static String qn(ObjectRef ref) {
        return Identifiers.qualified(ref.schema(), ref.name());
    }

    static String literal(String text) {
        return Identifiers.literal(text);
    }

    /** {@code IS 'text'} or {@code IS NULL}, the tail of a COMMENT statement. */
    static String commentValue(Optional<String> comment) {
        return comment.map(c -> "IS " + Identifiers.literal(c)).orElse("IS NULL");
    }

    /** A function or procedure named for ALTER/DROP/GRANT: quoted name plus its identity arguments. */
    static String routine(Function function) {
        return qn(function.schema(), function.name()) + "(" + function.arguments() + ")";
    }

    /** {@code FUNCTION} or {@code PROCEDURE}. */
    static String routineKeyword(Function function) {
        return function.procedure() ? "PROCEDURE" : "FUNCTION";
    }

    /** The name part of a reference as SQL mentions it: a function's name without its arguments. */
    static String baseName(ObjectRef ref) {
        if (ref.kind() == ObjectKind.FUNCTION) {
            int paren = ref.name().indexOf('(');
            return paren < 0 ? ref.name() : ref.name().substring(0, paren);
        }
        return ref.name();
    }

    /** Strips the trailing semicolon and white space that catalog functions append. */
    static String trimStatement(String sql) {
        String result = sql.strip();
        while (result.endsWith(";")) {
            result = result.substring(0, result.length() - 1).strip();
        }
        return result;
    }

    // ---- dependency keys -------------------------------------------------------------------

    static String key(ObjectRef ref) {
        return key(ref.kind(), ref.schema(), ref.name());
    }

    static String key(ObjectKind kind, String schema, String name) {
        String identity = kind == ObjectKind.FUNCTION ? functionIdentity(name) : name;
        return kind.name() + '\u0000' + schema + '\u0000' + identity;
    }

    private static final List<String> MULTI_WORD_TYPES = List.of("double precision", "character varying",
            "bit varying", "time with time zone", "time without time zone", "timestamp with time zone",
            "timestamp without time zone");
    private static final List<String> MODES = List.of("IN ", "OUT ", "INOUT ", "VARIADIC ");

    /**
     * A function's identity as PostgreSQL sees it: its name and argument types, without argument
     * names, so that renaming an argument changes the function instead of replacing it by another:
     * {@code add(a integer, b integer)} → {@code add(integer, integer)}.
     */
    static String functionIdentity(String signature) {
        int open = signature.indexOf('(');
        if (open < 0 || !signature.endsWith(")")) {
            return signature;
        }
        String arguments = signature.substring(open + 1, signature.length() - 1);
        List<String> types = new ArrayList<>();
        for (String argument : splitTopLevel(arguments)) {
            String item = argument.strip();
            for (String mode : MODES) {
                if (item.startsWith(mode)) {
                    item = (mode.equals("VARIADIC ") ? mode : "") + item.substring(mode.length());
                }
            }
            types.add(withoutName(item));
        }
        return signature.substring(0, open + 1) + String.join(", ", types) + ")";
    }

    private static String withoutName(String item) {
        String prefix = item.startsWith("VARIADIC ") ? "VARIADIC " : "";
        String rest = item.substring(prefix.length());
        for (String type : MULTI_WORD_TYPES) {
            if (rest.startsWith(type)) {
                return prefix + rest;
            }
        }
        int end = 0;
        if (rest.startsWith("\"")) {
            end = 1;
            while (end < rest.length()) {
                if (rest.charAt(end) == '"') {
                    if (end + 1 < rest.length() && rest.charAt(end + 1) == '"') {
                        end += 2;
                        continue;
                    }
                    end++;
                    break;
                }
                end++;
            }
        } else {
            while (end < rest.length() && rest.charAt(end) != ' ') {
                end++;
            }
        }
        if (end < rest.length() && rest.charAt(end) == ' ' && !rest.substring(0, end).contains(".")) {
            return prefix + rest.substring(end + 1);
        }
        return prefix + rest;
    }

    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        if (text.isBlank()) {
            return parts;
        }
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    static String schemaKey(String schema) {
        return key(ObjectKind.SCHEMA, "", schema);
    }

    static String tableKey(String schema, String table) {
        return key(ObjectKind.TABLE, schema, table);
    }

    static String columnKey(String schema, String table, String column) {
        return key(ObjectKind.COLUMN, schema, table + '\u0000' + column);
    }

    /** Provided by every unique constraint and unique index of a table: what foreign keys need. */
    static String uniquesKey(String schema, String table) {
        return "UNIQUES\u0000" + schema + '\u0000' + table;
    }

    /** Provided by every step that finishes a column change of a table: constraints come after. */
    static String columnsDoneKey(String schema, String table) {
        return "COLUMNS\u0000" + schema + '\u0000' + table;
    }

    /** Provided by every drop of a constraint, index, trigger or policy of a table: DROP COLUMN comes after. */
    static String partsDroppedKey(String schema, String table) {
        return "PARTSDROPPED\u0000" + schema + '\u0000' + table;
    }

    static String partKey(ObjectKind kind, String schema, String table, String name) {
        return key(kind, schema, table + '\u0000' + name);
    }

    /** The old incarnation of a type that is being recreated under a temporary name. */
    static String oldTypeKey(ObjectRef type) {
        return "OLD\u0000" + key(type);
    }

    // ---- recognising mentions in catalog-rendered SQL ----------------------------------------

    /**
     * The ways {@code quote_ident}-style rendering can spell {@code schema.name}: each part either
     * bare (only possible for lower-case plain names) or double-quoted.
     */
    static List<String> renderings(String schema, String name) {
        List<String> result = new ArrayList<>(4);
        for (String s : parts(schema)) {
            for (String n : parts(name)) {
                result.add(s + "." + n);
            }
        }
        return result;
    }

    private static List<String> parts(String identifier) {
        List<String> result = new ArrayList<>(2);
        result.add(Identifiers.quote(identifier));
        if (PLAIN.matcher(identifier).matches()) {
            result.add(identifier);
        }
        return result;
    }

    /** Whether the text mentions {@code schema.name} as a whole qualified name. */
    static boolean mentions(String text, String schema, String name) {
        return containsWholeWord(text, renderings(schema, name));
    }

    /** Whether the text mentions a bare (unqualified) identifier, such as a column name. */
    static boolean mentionsIdentifier(String text, String identifier) {
        return containsWholeWord(text, parts(identifier));
    }

    /** Whether any of the renderings occurs in the text, not as part of a longer identifier. */
    private static boolean containsWholeWord(String text, Iterable<String> renderings) {
        for (String rendering : renderings) {
            int from = 0;
            while (true) {
                int at = text.indexOf(rendering, from);
                if (at < 0) {
                    break;
                }
                int end = at + rendering.length();
                if ((at == 0 || !identifierChar(text.charAt(at - 1)))
                        && (end >= text.length() || !identifierChar(text.charAt(end)))) {
                    return true;
                }
                from = at + 1;
            }
        }
        return false;
    }

    /** Whether a rendered type (as {@code format_type} prints it) is {@code schema.name} or an array of it. */
    static boolean isType(String renderedType, String schema, String name) {
        String base = renderedType;
        while (base.endsWith("[]")) {
            base = base.substring(0, base.length() - 2);
        }
        return renderings(schema, name).contains(base);
    }

    private static boolean identifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '"';
    }
}
