package dev.dbops.trace.seed;

import dev.dbops.sql.SqlLexer;
import dev.dbops.sql.Token;
import dev.dbops.sql.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A column type as {@code format_type} prints it, taken apart: {@code character varying(20)} →
 * name {@code character varying}, modifiers {@code [20]}; {@code timestamp(3) with time zone} →
 * {@code timestamp with time zone}, {@code [3]}; {@code shop.status[]} → schema {@code shop}, name
 * {@code status}, one array dimension; {@code "char"} stays {@code "char"} (the one-byte type).
 *
 * @param schema the schema of a qualified (user) type
 * @param name the type's name, words joined by single spaces, quoted parts unquoted
 * @param modifiers the numeric type modifiers
 * @param arrayDimensions how many {@code []} follow
 */
record SeedType(Optional<String> schema, String name, List<Integer> modifiers, int arrayDimensions) {

    SeedType {
        modifiers = List.copyOf(modifiers);
    }

    static SeedType parse(String formatted) {
        List<String> words = new ArrayList<>();
        List<Integer> modifiers = new ArrayList<>();
        String schema = null;
        int dimensions = 0;
        boolean inModifiers = false;
        boolean qualifiedNext = false;
        for (Token token : SqlLexer.tokenize(formatted)) {
            if (token.isPunctuation("(")) {
                inModifiers = true;
            } else if (token.isPunctuation(")")) {
                inModifiers = false;
            } else if (inModifiers) {
                if (token.kind() == TokenKind.NUMBER) {
                    modifiers.add(Integer.parseInt(token.text()));
                }
            } else if (token.isPunctuation("[")) {
                dimensions++;
            } else if (token.isPunctuation(".")) {
                schema = String.join(" ", words);
                words.clear();
                qualifiedNext = true;
            } else if (token.kind() == TokenKind.QUOTED_IDENTIFIER) {
                words.add(qualifiedNext || schema != null || !token.value().equals("char") ? token.value() : "\"char\"");
            } else if (token.kind() == TokenKind.WORD) {
                words.add(token.value());
            }
        }
        return new SeedType(Optional.ofNullable(schema), String.join(" ", words), modifiers, dimensions);
    }

    /** The type of one element, for an array type. */
    SeedType element() {
        return new SeedType(schema, name, modifiers, 0);
    }

    /** The first modifier, or {@code otherwise}. */
    int modifier(int index, int otherwise) {
        return modifiers.size() > index ? modifiers.get(index) : otherwise;
    }

    @Override
    public String toString() {
        return schema.map(s -> s + ".").orElse("") + name + (modifiers.isEmpty() ? "" : modifiers.toString()
                .replace('[', '(').replace(']', ')')) + "[]".repeat(arrayDimensions);
    }
}
