package dev.dbops.lint.rules;

import dev.dbops.sql.Expression;
import dev.dbops.sql.Token;
import dev.dbops.sql.TokenKind;
import dev.dbops.sql.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code ALTER COLUMN … TYPE} does to a table's rows, decided the way PostgreSQL decides it: no
 * rewrite when the old values are valid values of the new type as they are (a binary-coercible cast
 * whose length or precision check the planner removes), otherwise a rewrite of the table and all of
 * its indexes. Every case was observed on PostgreSQL 14 and 18 by comparing {@code relfilenode}
 * before and after; the rules support 12 to 18, which behave alike here.
 *
 * @param outcome what happens
 * @param reason why, in words for a message; for {@link Outcome#DEPENDS_ON_CURRENT_TYPE} the condition
 *     under which no rewrite happens, e.g. "name is currently varchar(n) with n &lt;= 200"
 */
record TypeChange(Outcome outcome, String reason) {

    /** The possible effects of a type change. */
    enum Outcome {
        /** Only the catalog changes; indexes are kept. */
        METADATA_ONLY,
        /** The table is not rewritten, but indexes containing the column are rebuilt (operator class changes). */
        INDEXES_REBUILT,
        /** {@code timestamp} ↔ {@code timestamptz}: no rewrite only with session TimeZone UTC; indexes rebuilt. */
        TIME_ZONE_DEPENDENT,
        /** The table and all its indexes are rewritten. */
        REWRITE,
        /** The current type is unknown; no rewrite only if it is one of the types named in the reason. */
        DEPENDS_ON_CURRENT_TYPE
    }

    private static final int MAX_TIME_PRECISION = 6;

    private static final Set<String> BUILT_IN = Set.of(
            "smallint", "integer", "bigint", "numeric", "real", "double precision", "money", "text",
            "character varying", "character", "name", "bytea", "boolean", "date", "time without time zone",
            "time with time zone", "timestamp without time zone", "timestamp with time zone", "interval", "uuid",
            "json", "jsonb", "xml", "inet", "cidr", "macaddr", "macaddr8", "bit", "bit varying", "oid", "tsvector",
            "tsquery", "point", "line", "lseg", "box", "path", "polygon", "circle", "int4range", "int8range",
            "numrange", "tsrange", "tstzrange", "daterange", "citext", "smallserial", "serial", "bigserial");

    private static final List<String> INTERVAL_FIELDS = List.of("second", "minute", "hour", "day", "month", "year");

    /**
     * The effect of changing {@code column} to {@code target}.
     *
     * @param current the column's type before the change, when the linted migrations declared it
     * @param using the {@code USING} expression
     * @param schema the domains the linted migrations created
     */
    static TypeChange of(Optional<TypeName> current, TypeName target, Optional<Expression> using, String column,
            ReplayedDefinitions schema) {
        if (using.isPresent() && !isPlainConversion(using.get(), column, target)) {
            return new TypeChange(Outcome.REWRITE, "the USING expression computes a new value for every row");
        }
        TypeName to = target;
        Optional<ReplayedDefinitions.Domain> targetDomain = schema.domain(target);
        if (targetDomain.isPresent()) {
            if (targetDomain.get().constrained()) {
                return new TypeChange(Outcome.REWRITE,
                        "every value is checked against the constraints of domain " + target.text());
            }
            to = targetDomain.get().base();
        }
        if (current.isEmpty()) {
            return byTarget(to, column);
        }
        TypeName from = schema.domain(current.get()).map(ReplayedDefinitions.Domain::base).orElse(current.get());
        TypeChange change = between(from, to);
        if (change.outcome == Outcome.REWRITE || change.outcome == Outcome.METADATA_ONLY) {
            return new TypeChange(change.outcome, current.get().text() + " to " + target.text() + " " + change.reason);
        }
        return change;
    }

    /** Whether {@code type} is one of PostgreSQL's built-in types (or citext), whose casts dbops knows. */
    static boolean isBuiltIn(TypeName type) {
        return type.schema().isEmpty() && BUILT_IN.contains(type.name());
    }

    private static TypeChange between(TypeName from, TypeName to) {
        if (from.isArray() || to.isArray()) {
            return same(from, to) ? metadataOnly("does not change the type")
                    : rewrite("is converted element by element");
        }
        if (!isBuiltIn(from) || !isBuiltIn(to)) {
            return same(from, to) ? metadataOnly("does not change the type")
                    : rewrite("is converted value by value (a user-defined type is binary-coercible only as a domain"
                            + " over the other type)");
        }
        if (from.name().equals(to.name())) {
            return sameBaseType(from, to);
        }
        String pair = from.name() + " -> " + to.name();
        switch (pair) {
            case "character varying -> text", "cidr -> inet":
                return metadataOnly("is binary-coercible");
            case "text -> character varying":
                return to.modifiers().isEmpty() ? metadataOnly("is binary-coercible")
                        : rewrite("adds a length limit, so every value is checked and copied");
            case "citext -> text", "text -> citext", "character varying -> citext", "integer -> oid",
                    "oid -> integer":
                return new TypeChange(Outcome.INDEXES_REBUILT, from.text() + " to " + to.text()
                        + " is binary-coercible, but indexes containing the column change operator class");
            case "citext -> character varying":
                return to.modifiers().isEmpty()
                        ? new TypeChange(Outcome.INDEXES_REBUILT, from.text() + " to " + to.text()
                                + " is binary-coercible, but indexes containing the column change operator class")
                        : rewrite("adds a length limit, so every value is checked and copied");
            case "bit -> bit varying":
                return to.modifiers().isEmpty()
                        ? new TypeChange(Outcome.INDEXES_REBUILT, from.text() + " to " + to.text()
                                + " is binary-coercible, but indexes containing the column change operator class")
                        : rewrite("adds a length limit, so every value is checked and copied");
            case "timestamp without time zone -> timestamp with time zone",
                    "timestamp with time zone -> timestamp without time zone":
                if (precisionWidens(from, to)) {
                    return new TypeChange(Outcome.TIME_ZONE_DEPENDENT, from.text() + " to " + to.text());
                }
                return rewrite("lowers the precision, so every value is rounded");
            default:
                return rewrite("is not binary-coercible");
        }
    }

    private static TypeChange sameBaseType(TypeName from, TypeName to) {
        switch (from.name()) {
            case "character varying", "bit varying":
                if (to.length().isEmpty() && to.modifiers().isEmpty()) {
                    return metadataOnly("removes the length limit");
                }
                if (from.modifiers().isEmpty()) {
                    return rewrite("adds a length limit, so every value is checked and copied");
                }
                if (from.length().isPresent() && to.length().isPresent()
                        && from.length().get() <= to.length().get()) {
                    return metadataOnly("only raises the length limit");
                }
                return rewrite("lowers the length limit, so every value is checked and copied");
            case "numeric":
                return numeric(from, to);
            case "timestamp without time zone", "timestamp with time zone", "time without time zone",
                    "time with time zone":
                return precisionWidens(from, to) ? metadataOnly("does not lower the precision")
                        : rewrite("lowers the precision, so every value is rounded");
            case "interval":
                return intervalWidens(from, to) ? metadataOnly("keeps every field and does not lower the precision")
                        : rewrite("narrows the fields or the precision, so every value is truncated");
            default:
                return same(from, to) ? metadataOnly("does not change the type")
                        : rewrite("changes the type modifier, so every value is converted");
        }
    }

    private static TypeChange numeric(TypeName from, TypeName to) {
        if (to.modifiers().isEmpty()) {
            return metadataOnly("removes the precision limit");
        }
        if (from.modifiers().isEmpty()) {
            return rewrite("adds a precision limit, so every value is checked and rounded");
        }
        Optional<int[]> old = precisionAndScale(from);
        Optional<int[]> next = precisionAndScale(to);
        if (old.isPresent() && next.isPresent() && old.get()[1] == next.get()[1] && next.get()[0] >= old.get()[0]) {
            return metadataOnly("raises the precision and keeps the scale");
        }
        return rewrite("changes the scale or lowers the precision, so every value is checked and rounded");
    }

    private static TypeChange byTarget(TypeName to, String column) {
        String c = column;
        if (to.isArray()) {
            return rewrite("dbops cannot see the current type of " + c + ", and every array type but " + to.text()
                    + " itself is converted element by element");
        }
        if (!isBuiltIn(to)) {
            return rewrite("converting to the user-defined type " + to.text() + " goes value by value, unless it is"
                    + " a domain over the current type of " + c);
        }
        String length = to.length().map(String::valueOf).orElse("");
        switch (to.name()) {
            case "character varying":
                return depends(to.modifiers().isEmpty()
                        ? c + " is currently varchar(n) or text (from citext, indexes containing " + c
                                + " are rebuilt)"
                        : c + " is currently varchar(n) with n <= " + length);
            case "text":
                return depends(c + " is currently varchar or varchar(n) (from citext, indexes containing " + c
                        + " are rebuilt)");
            case "numeric":
                if (to.modifiers().isEmpty()) {
                    return depends(c + " is currently numeric(p, s)");
                }
                int scale = precisionAndScale(to).map(ps -> ps[1]).orElse(0);
                return depends(c + " is currently numeric(p, " + scale + ") with p <= " + length);
            case "bit varying":
                return depends(to.modifiers().isEmpty()
                        ? c + " is currently bit varying(n) (from bit(n), indexes containing " + c + " are rebuilt)"
                        : c + " is currently bit varying(n) with n <= " + length);
            case "inet":
                return depends(c + " is currently cidr");
            case "citext":
                return depends(c + " is currently text or varchar(n) (indexes containing " + c + " are rebuilt)");
            case "interval":
                return depends(c + " is currently an interval whose fields and precision this only widens");
            case "timestamp without time zone", "timestamp with time zone", "time without time zone",
                    "time with time zone":
                return depends(dateTimeCondition(to, c));
            default:
                return rewrite("dbops cannot see the current type of " + c + ", and every type but " + to.text()
                        + " itself is converted value by value");
        }
    }

    private static String dateTimeCondition(TypeName to, String c) {
        String precision = to.length().filter(p -> p < MAX_TIME_PRECISION)
                .map(p -> " with precision <= " + p).orElse(" of any precision");
        String base = switch (to.name()) {
            case "timestamp without time zone" -> "timestamp";
            case "timestamp with time zone" -> "timestamptz";
            case "time without time zone" -> "time";
            default -> "timetz";
        };
        String condition = c + " is currently " + base + precision;
        if (base.equals("timestamp")) {
            condition += ", or timestamptz while the session TimeZone is UTC (then indexes containing " + c
                    + " are rebuilt)";
        } else if (base.equals("timestamptz")) {
            condition += ", or timestamp while the session TimeZone is UTC (then indexes containing " + c
                    + " are rebuilt)";
        }
        return condition;
    }

    private static boolean precisionWidens(TypeName from, TypeName to) {
        Optional<Integer> target = to.length();
        if (to.modifiers().isEmpty() || target.filter(p -> p >= MAX_TIME_PRECISION).isPresent()) {
            return true;
        }
        Optional<Integer> source = from.length();
        return !from.modifiers().isEmpty() && source.isPresent() && target.isPresent()
                && source.get() <= target.get();
    }

    /** PostgreSQL's rule: no rewrite when the least field stays or gets finer and the precision does not drop. */
    private static boolean intervalWidens(TypeName from, TypeName to) {
        List<String> toFields = intervalFields(to);
        if (toFields.isEmpty() && to.modifiers().isEmpty()) {
            return true;
        }
        List<String> fromFields = intervalFields(from);
        boolean fromHasTypmod = !fromFields.isEmpty() || !from.modifiers().isEmpty();
        int fromLeast = fromHasTypmod ? leastField(fromFields) : 0;
        int toLeast = leastField(toFields);
        int full = Integer.MAX_VALUE;
        int fromPrecision = from.modifiers().isEmpty() ? full : from.length().orElse(full);
        int toPrecision = to.modifiers().isEmpty() ? full : to.length().orElse(full);
        return toLeast <= fromLeast
                && (fromLeast > 0 || toPrecision >= MAX_TIME_PRECISION || toPrecision >= fromPrecision);
    }

    private static List<String> intervalFields(TypeName type) {
        List<String> fields = new ArrayList<>();
        for (String word : type.text().toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (INTERVAL_FIELDS.contains(word)) {
                fields.add(word);
            }
        }
        return fields;
    }

    private static int leastField(List<String> fields) {
        return fields.isEmpty() ? 0 : INTERVAL_FIELDS.indexOf(fields.get(fields.size() - 1));
    }

    private static Optional<int[]> precisionAndScale(TypeName type) {
        try {
            int precision = Integer.parseInt(type.modifiers().get(0).strip());
            int scale = type.modifiers().size() > 1 ? Integer.parseInt(type.modifiers().get(1).strip()) : 0;
            return Optional.of(new int[] {precision, scale});
        } catch (RuntimeException notNumbers) {
            return Optional.empty();
        }
    }

    private static boolean same(TypeName a, TypeName b) {
        return a.schema().equals(b.schema()) && a.name().equals(b.name()) && a.arrayDimensions() == b.arrayDimensions()
                && normalized(a.modifiers()).equals(normalized(b.modifiers()));
    }

    private static List<String> normalized(List<String> modifiers) {
        return modifiers.stream().map(m -> m.replaceAll("\\s+", "").toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * Whether {@code USING} only names the column, maybe cast to the new type ({@code c}, {@code c::T},
     * {@code CAST(c AS T)}): then PostgreSQL plans the same conversion as without it.
     */
    static boolean isPlainConversion(Expression using, String column, TypeName target) {
        List<Token> tokens = unwrap(using.tokens());
        if (tokens.size() >= 4 && tokens.get(0).is("cast") && tokens.get(1).isPunctuation("(")
                && tokens.get(tokens.size() - 1).isPunctuation(")")) {
            List<Token> inner = tokens.subList(2, tokens.size() - 1);
            int as = indexOfWord(inner, "as");
            return as > 0 && namesColumn(inner.subList(0, as), column)
                    && sameTypeText(inner.subList(as + 1, inner.size()), target);
        }
        int cast = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).isPunctuation("::")) {
                cast = i;
                break;
            }
        }
        if (cast < 0) {
            return namesColumn(tokens, column);
        }
        return namesColumn(unwrap(tokens.subList(0, cast)), column)
                && sameTypeText(tokens.subList(cast + 1, tokens.size()), target);
    }

    private static List<Token> unwrap(List<Token> tokens) {
        List<Token> inner = tokens;
        while (inner.size() >= 2 && inner.get(0).isPunctuation("(") && inner.get(inner.size() - 1).isPunctuation(")")
                && closingOfFirst(inner) == inner.size() - 1) {
            inner = inner.subList(1, inner.size() - 1);
        }
        return inner;
    }

    private static int closingOfFirst(List<Token> tokens) {
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).isPunctuation("(")) {
                depth++;
            } else if (tokens.get(i).isPunctuation(")")) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int indexOfWord(List<Token> tokens, String word) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).is(word)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean namesColumn(List<Token> tokens, String column) {
        Token last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
        boolean name = last != null && (last.kind() == TokenKind.WORD || last.kind() == TokenKind.QUOTED_IDENTIFIER)
                && last.value().equals(column);
        return name && (tokens.size() == 1 || tokens.size() == 3 && tokens.get(1).isPunctuation("."));
    }

    private static boolean sameTypeText(List<Token> tokens, TypeName target) {
        StringBuilder written = new StringBuilder();
        for (Token token : tokens) {
            written.append(written.isEmpty() ? "" : " ").append(token.text());
        }
        return canonicalTypeText(written.toString()).equals(canonicalTypeText(target.text()));
    }

    private static String canonicalTypeText(String text) {
        String lower = text.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
        int cut = lower.length();
        for (int i = 0; i < lower.length(); i++) {
            if (lower.charAt(i) == '(' || lower.charAt(i) == '[') {
                cut = i;
                break;
            }
        }
        String head = TypeName.canonical(lower.substring(0, cut).strip());
        return (head + lower.substring(cut)).replace(" ", "");
    }

    private static TypeChange metadataOnly(String reason) {
        return new TypeChange(Outcome.METADATA_ONLY, reason);
    }

    private static TypeChange rewrite(String reason) {
        return new TypeChange(Outcome.REWRITE, reason);
    }

    private static TypeChange depends(String condition) {
        return new TypeChange(Outcome.DEPENDS_ON_CURRENT_TYPE, condition);
    }
}
