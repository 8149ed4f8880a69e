package dev.dbops.trace.seed;

import dev.dbops.schema.Constraint;
import dev.dbops.schema.ConstraintType;
import dev.dbops.schema.Index;
import dev.dbops.schema.ObjectRef;
import dev.dbops.schema.Table;
import dev.dbops.sql.SqlLexer;
import dev.dbops.sql.Token;
import dev.dbops.sql.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The keys of a table read from the definitions the catalog prints: primary keys, unique
 * constraints and unique indexes (as sets of columns), foreign keys (columns, parent and parent
 * columns) and exclusion constraints (columns with their operators).
 */
final class TableKeys {

    /**
     * Columns whose values must be distinct together.
     *
     * @param onExpression whether the key is a unique index on an expression of these columns
     * @param nullsNotDistinct whether NULLs count as equal ({@code NULLS NOT DISTINCT})
     */
    record UniqueKey(String name, List<String> columns, boolean onExpression, boolean nullsNotDistinct) {
    }

    /** A foreign key; {@code matchFull} for {@code MATCH FULL}. */
    record ForeignKey(String name, List<String> columns, ObjectRef parent, List<String> parentColumns,
            boolean matchFull) {
    }

    /** One element of an exclusion constraint: a plain column (or empty for an expression) and its operator. */
    record ExclusionElement(Optional<String> column, String operator) {
    }

    record Exclusion(String name, List<ExclusionElement> elements) {
    }

    private TableKeys() {
    }

    static List<UniqueKey> uniqueKeys(Table table) {
        Set<String> columns = columnNames(table);
        List<UniqueKey> keys = new ArrayList<>();
        for (Constraint constraint : table.constraints()) {
            if (constraint.type() == ConstraintType.PRIMARY_KEY || constraint.type() == ConstraintType.UNIQUE) {
                List<Token> tokens = tokens(constraint.definition());
                int open = indexOf(tokens, 0, "(");
                List<List<Token>> elements = elements(tokens, open);
                keys.add(new UniqueKey(constraint.name(), names(elements, columns), false,
                        contains(tokens, 0, open, "distinct")));
            }
        }
        for (Index index : table.indexes()) {
            List<Token> tokens = tokens(index.definition());
            if (tokens.size() < 2 || !tokens.get(1).is("unique")) {
                continue;
            }
            int using = indexOfWord(tokens, "using");
            int open = indexOf(tokens, using < 0 ? 0 : using, "(");
            List<List<Token>> elements = elements(tokens, open);
            boolean expression = elements.stream().anyMatch(e -> plainColumn(e, columns).isEmpty());
            List<String> keyColumns = expression ? mentioned(elements, columns) : names(elements, columns);
            int close = closing(tokens, open);
            keys.add(new UniqueKey(index.name(), keyColumns, expression,
                    contains(tokens, close, tokens.size(), "distinct")));
        }
        return keys;
    }

    static List<ForeignKey> foreignKeys(Table table) {
        Set<String> columns = columnNames(table);
        List<ForeignKey> keys = new ArrayList<>();
        for (Constraint constraint : table.constraints()) {
            if (constraint.type() != ConstraintType.FOREIGN_KEY || constraint.references().isEmpty()) {
                continue;
            }
            List<Token> tokens = tokens(constraint.definition());
            int open = indexOf(tokens, 0, "(");
            List<String> own = names(elements(tokens, open), columns);
            int references = indexOfWord(tokens, "references");
            int parentOpen = indexOf(tokens, references, "(");
            List<String> parentColumns = elements(tokens, parentOpen).stream().map(e -> e.get(0).value()).toList();
            keys.add(new ForeignKey(constraint.name(), own, constraint.references().get(), parentColumns,
                    contains(tokens, closing(tokens, parentOpen), tokens.size(), "full")));
        }
        return keys;
    }

    static List<Exclusion> exclusions(Table table) {
        Set<String> columns = columnNames(table);
        List<Exclusion> exclusions = new ArrayList<>();
        for (Constraint constraint : table.constraints()) {
            if (constraint.type() != ConstraintType.EXCLUDE) {
                continue;
            }
            List<Token> tokens = tokens(constraint.definition());
            int open = indexOf(tokens, indexOfWord(tokens, "using"), "(");
            List<ExclusionElement> elements = new ArrayList<>();
            for (List<Token> element : elements(tokens, open)) {
                int with = -1;
                for (int i = 0; i < element.size(); i++) {
                    if (element.get(i).is("with")) {
                        with = i;
                    }
                }
                String operator = with < 0 ? "?" : element.subList(with + 1, element.size()).stream()
                        .map(Token::text).collect(Collectors.joining());
                List<Token> operand = with < 0 ? element : element.subList(0, with);
                elements.add(new ExclusionElement(plainColumn(operand, columns), operator));
            }
            exclusions.add(new Exclusion(constraint.name(), elements));
        }
        return exclusions;
    }

    static Set<String> columnNames(Table table) {
        return table.columns().stream().map(c -> c.name()).collect(Collectors.toUnmodifiableSet());
    }

    private static List<Token> tokens(String definition) {
        return SqlLexer.tokenize(definition).stream().filter(t -> t.kind() != TokenKind.COMMENT).toList();
    }

    /** The comma-separated elements inside the parentheses that open at {@code open}. */
    private static List<List<Token>> elements(List<Token> tokens, int open) {
        List<List<Token>> elements = new ArrayList<>();
        if (open < 0) {
            return elements;
        }
        List<Token> current = new ArrayList<>();
        int depth = 0;
        for (int i = open + 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (depth == 0 && (token.isPunctuation(",") || token.isPunctuation(")"))) {
                if (!current.isEmpty()) {
                    elements.add(current);
                }
                current = new ArrayList<>();
                if (token.isPunctuation(")")) {
                    break;
                }
                continue;
            }
            depth += token.isPunctuation("(") ? 1 : token.isPunctuation(")") ? -1 : 0;
            current.add(token);
        }
        return elements;
    }

    /** The column an index element names, when it is a column (with options such as DESC or an opclass). */
    private static Optional<String> plainColumn(List<Token> element, Set<String> columns) {
        Token first = element.get(0);
        boolean name = first.kind() == TokenKind.WORD || first.kind() == TokenKind.QUOTED_IDENTIFIER;
        boolean options = element.stream().skip(1).noneMatch(t -> t.kind() == TokenKind.PUNCTUATION
                && !t.isPunctuation("."));
        return name && options && columns.contains(first.value()) ? Optional.of(first.value()) : Optional.empty();
    }

    private static List<String> names(List<List<Token>> elements, Set<String> columns) {
        List<String> names = new ArrayList<>();
        for (List<Token> element : elements) {
            plainColumn(element, columns).ifPresent(names::add);
        }
        return names;
    }

    private static List<String> mentioned(List<List<Token>> elements, Set<String> columns) {
        List<String> names = new ArrayList<>();
        for (List<Token> element : elements) {
            for (Token token : element) {
                if ((token.kind() == TokenKind.WORD || token.kind() == TokenKind.QUOTED_IDENTIFIER)
                        && columns.contains(token.value()) && !names.contains(token.value())) {
                    names.add(token.value());
                }
            }
        }
        return names;
    }

    private static int indexOf(List<Token> tokens, int from, String punctuation) {
        for (int i = Math.max(0, from); i < tokens.size(); i++) {
            if (tokens.get(i).isPunctuation(punctuation)) {
                return i;
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

    private static int closing(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = Math.max(0, open); i < tokens.size(); i++) {
            depth += tokens.get(i).isPunctuation("(") ? 1 : tokens.get(i).isPunctuation(")") ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return tokens.size();
    }

    private static boolean contains(List<Token> tokens, int from, int to, String word) {
        for (int i = Math.max(0, from); i < Math.min(to, tokens.size()); i++) {
            if (tokens.get(i).is(word)) {
                return true;
            }
        }
        return false;
    }
}
