package dev.dbops.drift;

import dev.dbops.sql.Statement;
import dev.dbops.sql.Token;
import dev.dbops.sql.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the object a statement the lint parser keeps as {@link Statement.Other} creates or changes:
 * functions, procedures, sequences, types, schemas, extensions, policies, {@code ALTER VIEW} and
 * {@code COMMENT ON}.
 */
final class OtherStatements {

    private static final Map<String, String> GROUPS = Map.ofEntries(Map.entry("function", "FUNCTION"),
            Map.entry("procedure", "FUNCTION"), Map.entry("sequence", "SEQUENCE"), Map.entry("type", "TYPE"),
            Map.entry("domain", "TYPE"), Map.entry("schema", "SCHEMA"), Map.entry("extension", "EXTENSION"),
            Map.entry("view", "VIEW"), Map.entry("table", "TABLE"), Map.entry("index", "INDEX"),
            Map.entry("column", "COLUMN"), Map.entry("policy", "POLICY"));

    private OtherStatements() {
    }

    static void touch(Statement.Other other, String defaultSchema, MigrationTouches.Sink sink) {
        List<Token> tokens = other.source().tokens();
        int i = 0;
        String verb = word(tokens, i);
        if (!verb.equals("create") && !verb.equals("alter") && !verb.equals("comment")) {
            return;
        }
        i++;
        if (verb.equals("comment")) {
            if (!word(tokens, i).equals("on")) {
                return;
            }
            i++;
        }
        if (word(tokens, i).equals("or") && word(tokens, i + 1).equals("replace")) {
            i += 2;
        }
        if (word(tokens, i).equals("materialized")) {
            i++;
        }
        String group = GROUPS.get(word(tokens, i));
        if (group == null) {
            return;
        }
        i++;
        if (word(tokens, i).equals("if")) {
            i += word(tokens, i + 1).equals("not") ? 3 : 2;
        }
        List<String> name = new ArrayList<>();
        while (i < tokens.size() && isName(tokens.get(i))) {
            name.add(tokens.get(i).value());
            i++;
            if (i < tokens.size() && tokens.get(i).isPunctuation(".")) {
                i++;
            } else {
                break;
            }
        }
        if (name.isEmpty()) {
            return;
        }
        String action = StatementChange.compact(other.source().text());
        boolean ifNotExists = other.ifExistsClause() && verb.equals("create");
        if (group.equals("POLICY")) {
            if (word(tokens, i).equals("on")) {
                List<String> table = new ArrayList<>();
                for (i++; i < tokens.size() && isName(tokens.get(i)); i += 2) {
                    table.add(tokens.get(i).value());
                    if (i + 1 >= tokens.size() || !tokens.get(i + 1).isPunctuation(".")) {
                        break;
                    }
                }
                if (!table.isEmpty()) {
                    String schema = table.size() > 1 ? table.get(0) : defaultSchema;
                    sink.add("POLICY", ifNotExists, action, schema, table.get(table.size() - 1), name.get(0));
                }
            }
            return;
        }
        if (group.equals("SCHEMA") || group.equals("EXTENSION")) {
            sink.add(group, ifNotExists, action, name.get(name.size() - 1));
        } else if (group.equals("COLUMN")) {
            if (name.size() >= 2) {
                String schema = name.size() > 2 ? name.get(name.size() - 3) : defaultSchema;
                sink.add(group, false, action, schema, name.get(name.size() - 2), name.get(name.size() - 1));
            }
        } else {
            String schema = name.size() > 1 ? name.get(name.size() - 2) : defaultSchema;
            sink.add(group, ifNotExists, action, schema, name.get(name.size() - 1));
        }
    }

    private static boolean isName(Token token) {
        return token.kind() == TokenKind.WORD || token.kind() == TokenKind.QUOTED_IDENTIFIER;
    }

    private static String word(List<Token> tokens, int index) {
        return index < tokens.size() && tokens.get(index).kind() == TokenKind.WORD ? tokens.get(index).value() : "";
    }
}
