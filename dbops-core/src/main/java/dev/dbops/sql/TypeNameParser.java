package dev.dbops.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a data type at the cursor, with PostgreSQL's multi-word type names and array suffixes. */
final class TypeNameParser {

    private TypeNameParser() {
    }

    static Optional<TypeName> parse(TokenCursor cursor) {
        int start = cursor.position();
        Optional<String> schema = Optional.empty();
        String name;
        if (cursor.accept("double", "precision")) {
            name = "double precision";
        } else if (cursor.accept("character", "varying") || cursor.accept("char", "varying")
                || cursor.accept("national", "character", "varying") || cursor.accept("national", "char", "varying")) {
            name = "character varying";
        } else if (cursor.accept("national", "character") || cursor.accept("national", "char")) {
            name = "character";
        } else if (cursor.accept("bit", "varying")) {
            name = "bit varying";
        } else if (cursor.peekWords("timestamp") || cursor.peekWords("time")) {
            return Optional.of(dateTime(cursor, start));
        } else if (cursor.accept("interval")) {
            return Optional.of(interval(cursor, start));
        } else {
            Optional<QualifiedName> qualified = cursor.qualifiedName();
            if (qualified.isEmpty()) {
                return Optional.empty();
            }
            schema = qualified.get().schema().filter(s -> !s.equals("pg_catalog"));
            name = schema.isPresent() ? qualified.get().name() : TypeName.canonical(qualified.get().name());
        }
        List<String> modifiers = modifiers(cursor);
        int dimensions = arrayDimensions(cursor);
        return Optional.of(new TypeName(schema, name, modifiers, dimensions, cursor.text(start, cursor.position())));
    }

    private static TypeName dateTime(TokenCursor cursor, int start) {
        String base = cursor.next().value();
        List<String> modifiers = modifiers(cursor);
        boolean withZone = false;
        if (cursor.accept("with", "time", "zone")) {
            withZone = true;
        } else {
            cursor.accept("without", "time", "zone");
        }
        String name;
        if (base.equals("timestamp")) {
            name = withZone ? "timestamp with time zone" : "timestamp without time zone";
        } else {
            name = withZone ? "time with time zone" : "time without time zone";
        }
        int dimensions = arrayDimensions(cursor);
        return new TypeName(Optional.empty(), name, modifiers, dimensions, cursor.text(start, cursor.position()));
    }

    private static TypeName interval(TokenCursor cursor, int start) {
        while (cursor.accept("year") || cursor.accept("month") || cursor.accept("day") || cursor.accept("hour")
                || cursor.accept("minute") || cursor.accept("second") || cursor.accept("to")) {
            // interval fields do not change the storage; only the precision is kept as a modifier
        }
        List<String> modifiers = modifiers(cursor);
        int dimensions = arrayDimensions(cursor);
        return new TypeName(Optional.empty(), "interval", modifiers, dimensions, cursor.text(start, cursor.position()));
    }

    private static List<String> modifiers(TokenCursor cursor) {
        List<String> modifiers = new ArrayList<>();
        if (!cursor.acceptPunctuation("(")) {
            return modifiers;
        }
        while (!cursor.atEnd() && !cursor.peekPunctuation(")")) {
            Expression modifier = cursor.until(",", ")");
            if (modifier.tokens().isEmpty()) {
                cursor.next();
            } else {
                modifiers.add(modifier.text());
            }
            cursor.acceptPunctuation(",");
        }
        cursor.acceptPunctuation(")");
        return modifiers;
    }

    private static int arrayDimensions(TokenCursor cursor) {
        int dimensions = 0;
        while (true) {
            if (cursor.peekPunctuation("[")) {
                cursor.next();
                cursor.until("]");
                cursor.acceptPunctuation("]");
                dimensions++;
            } else if (cursor.accept("array")) {
                dimensions++;
                if (cursor.peekPunctuation("[")) {
                    cursor.next();
                    cursor.until("]");
                    cursor.acceptPunctuation("]");
                }
            } else {
                return dimensions;
            }
        }
    }
}
