package dev.dbops.lint.rules;

import dev.dbops.sql.Expression;
import dev.dbops.sql.Token;
import dev.dbops.sql.TokenKind;
import dev.dbops.sql.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which functions an expression calls, sorted by volatility ({@code pg_proc.provolatile}). Since
 * PostgreSQL 11, {@code ADD COLUMN … DEFAULT expr} stores one value for the existing rows instead of
 * rewriting the table, unless the expression calls a volatile function; so for a default, "not
 * volatile" means "no rewrite".
 *
 * <p>The built-in lists were checked against {@code pg_proc} on PostgreSQL 14 and 18 (core,
 * {@code pgcrypto}, {@code uuid-ossp}). A function in neither list, and not created with a known
 * volatility by the linted migrations, is reported as unknown rather than guessed at: functions are
 * {@code VOLATILE} unless declared otherwise.
 */
final class Volatility {

    /** Volatile built-ins: a new value on every call. */
    private static final Set<String> VOLATILE = Set.of(
            "random", "random_normal", "setseed", "clock_timestamp", "timeofday", "gen_random_uuid", "uuidv4",
            "uuidv7", "nextval", "currval", "lastval", "setval", "array_shuffle", "array_sample", "set_config",
            "lo_create", "lo_from_bytea", "current_query",
            // uuid-ossp and pgcrypto
            "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "gen_random_bytes", "gen_salt",
            "pgp_sym_encrypt", "pgp_sym_encrypt_bytea", "pgp_pub_encrypt", "pgp_pub_encrypt_bytea");

    /** Stable or immutable built-ins that defaults and generated columns commonly call. */
    private static final Set<String> NOT_VOLATILE = Set.of(
            // date and time: now() and friends are STABLE, the fast default stores their value once
            "now", "statement_timestamp", "transaction_timestamp", "current_setting", "date_trunc", "date_part",
            "date_bin", "make_date", "make_time", "make_timestamp", "make_timestamptz", "make_interval", "age",
            "timezone", "to_char", "to_date", "to_timestamp", "to_number", "justify_days", "justify_hours",
            "justify_interval", "isfinite",
            // text
            "lower", "upper", "initcap", "btrim", "ltrim", "rtrim", "substr", "left", "right", "length",
            "char_length", "character_length", "octet_length", "bit_length", "replace", "regexp_replace",
            "split_part", "concat", "concat_ws", "format", "md5", "sha224", "sha256", "sha384", "sha512", "encode",
            "decode", "repeat", "lpad", "rpad", "reverse", "strpos", "starts_with", "translate", "chr", "ascii",
            "quote_ident", "quote_literal", "quote_nullable", "to_hex", "convert_from", "convert_to",
            // numbers
            "abs", "round", "ceil", "ceiling", "floor", "trunc", "mod", "power", "pow", "sqrt", "cbrt", "exp", "ln",
            "log", "log10", "sign", "div", "pi", "degrees", "radians", "width_bucket", "gcd", "lcm", "scale",
            // json and arrays
            "to_json", "to_jsonb", "json_build_object", "jsonb_build_object", "json_build_array",
            "jsonb_build_array", "jsonb_object", "jsonb_set", "jsonb_insert", "jsonb_strip_nulls", "row_to_json",
            "array_to_json", "array_fill", "array_length", "array_append", "array_prepend", "array_cat",
            "array_remove", "array_replace", "array_to_string", "string_to_array", "cardinality", "array_lower",
            "array_upper", "array_position",
            // session and server: STABLE
            "current_database", "current_schema", "current_schemas", "version", "inet_client_addr",
            "inet_server_addr", "pg_backend_pid", "txid_current", "pg_current_xact_id", "to_regclass",
            // ranges, geometry, network, text search, null counting
            "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange", "point", "box", "circle",
            "host", "network", "masklen", "to_tsvector", "to_tsquery", "plainto_tsquery", "setweight",
            "num_nonnulls", "num_nulls",
            // uuid-ossp and pgcrypto
            "uuid_nil", "uuid_ns_dns", "uuid_ns_url", "uuid_ns_oid", "uuid_ns_x500", "uuid_generate_v3",
            "uuid_generate_v5", "digest", "hmac", "crypt", "armor", "dearmor");

    /**
     * Key words that are followed by a parenthesis without being a function call, or that are SQL
     * syntax for a non-volatile construct ({@code COALESCE}, {@code CURRENT_TIMESTAMP(3)}, {@code CAST}…).
     */
    private static final Set<String> SYNTAX = Set.of(
            "cast", "coalesce", "nullif", "greatest", "least", "extract", "position", "substring", "overlay", "trim",
            "row", "array", "exists", "in", "any", "all", "some", "not", "and", "or", "is", "values", "case", "when",
            "then", "else", "current_timestamp", "current_time", "localtime", "localtimestamp", "collation",
            "normalize", "treat", "xmlelement", "xmlforest", "xmlconcat", "xmlparse", "xmlpi", "xmlroot",
            "xmlserialize", "xmlexists", "json_object", "json_array", "json_scalar", "json_serialize", "json",
            "filter", "over", "within", "like", "ilike", "similar", "between", "distinct", "from");

    /** The words that continue a multi-word type name after {@code ::} or {@code AS}. */
    private static final Set<String> TYPE_WORDS = Set.of(
            "precision", "varying", "with", "without", "time", "zone", "year", "month", "day", "hour", "minute",
            "second", "to");

    private Volatility() {
    }

    /**
     * The function calls of one expression, sorted.
     *
     * @param volatileCalls functions known to be volatile, e.g. {@code gen_random_uuid}
     * @param unknownCalls functions whose volatility dbops cannot tell (user-defined, or not in its lists)
     */
    record Calls(List<String> volatileCalls, List<String> unknownCalls) {

        Calls {
            volatileCalls = List.copyOf(volatileCalls);
            unknownCalls = List.copyOf(unknownCalls);
        }

        /** Whether a known volatile function is called. */
        boolean anyVolatile() {
            return !volatileCalls.isEmpty();
        }

        /** Whether nothing known to be volatile is called, but something of unknown volatility is. */
        boolean onlyUnknown() {
            return volatileCalls.isEmpty() && !unknownCalls.isEmpty();
        }
    }

    /** Sorts the calls of {@code expression}; {@code declared} knows the functions the linted migrations created. */
    static Calls of(Expression expression, ReplayedDefinitions declared) {
        List<String> volatileCalls = new ArrayList<>();
        List<String> unknownCalls = new ArrayList<>();
        for (String name : calledFunctions(expression.tokens())) {
            Optional<ReplayedDefinitions.Function> function = declared.function(name);
            boolean isVolatile;
            boolean isUnknown;
            if (function.isPresent()) {
                isVolatile = function.get().certainlyVolatile();
                isUnknown = function.get().maybeVolatile();
            } else {
                isVolatile = VOLATILE.contains(name);
                isUnknown = !isVolatile && !NOT_VOLATILE.contains(name) && !isBuiltInType(name);
            }
            List<String> target = isVolatile ? volatileCalls : isUnknown ? unknownCalls : null;
            if (target != null && !target.contains(name)) {
                target.add(name);
            }
        }
        return new Calls(volatileCalls, unknownCalls);
    }

    /**
     * The names of the functions called in {@code tokens}, lower case for unquoted names, without schema;
     * type names after {@code ::} and {@code AS} (with their modifiers) and SQL syntax such as
     * {@code CURRENT_TIMESTAMP(3)} or {@code COALESCE(…)} are not calls.
     */
    static List<String> calledFunctions(List<Token> tokens) {
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Token token = tokens.get(i);
            if (token.isPunctuation("::") || token.is("as")) {
                i = skipTypeName(tokens, i + 1);
                continue;
            }
            boolean name = token.kind() == TokenKind.WORD || token.kind() == TokenKind.QUOTED_IDENTIFIER;
            if (name && i + 1 < tokens.size() && tokens.get(i + 1).isPunctuation("(")) {
                String value = token.value();
                boolean syntax = token.kind() == TokenKind.WORD && SYNTAX.contains(value);
                if (!syntax) {
                    names.add(value);
                }
            }
            i++;
        }
        return names;
    }

    private static int skipTypeName(List<Token> tokens, int from) {
        int i = from;
        boolean first = true;
        while (i < tokens.size()) {
            Token token = tokens.get(i);
            boolean word = token.kind() == TokenKind.WORD || token.kind() == TokenKind.QUOTED_IDENTIFIER;
            if (word && (first || TYPE_WORDS.contains(token.value()) || tokens.get(i - 1).isPunctuation("."))) {
                first = false;
                i++;
            } else if (token.isPunctuation(".") && !first) {
                i++;
            } else if ((token.isPunctuation("(") || token.isPunctuation("[")) && !first) {
                i = afterClosing(tokens, i);
            } else {
                return i;
            }
        }
        return i;
    }

    private static int afterClosing(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isPunctuation("(") || token.isPunctuation("[")) {
                depth++;
            } else if (token.isPunctuation(")") || token.isPunctuation("]")) {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return tokens.size();
    }

    /** Whether {@code name} is a built-in type, which also works as a conversion function: {@code int8(x)}. */
    static boolean isBuiltInType(String name) {
        return TypeChange.isBuiltIn(new TypeName(Optional.empty(), TypeName.canonical(name), List.of(), 0, name));
    }
}
