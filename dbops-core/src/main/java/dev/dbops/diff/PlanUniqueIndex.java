package dev.dbops.diff;

import dev.dbops.schema.Table;
import java.util.Optional;

/**
 * A PRIMARY KEY or UNIQUE constraint definition, as {@code pg_get_constraintdef} renders it, taken
 * apart so that its index can be built first with {@code CREATE UNIQUE INDEX CONCURRENTLY} and then
 * adopted with {@code ADD CONSTRAINT … USING INDEX}.
 *
 * @param keyword {@code PRIMARY KEY} or {@code UNIQUE}
 * @param columns the key columns, as rendered
 * @param include the INCLUDE columns, or empty
 * @param nullsNotDistinct whether the constraint treats NULLs as equal (PostgreSQL 15+)
 * @param with the storage parameters, or empty
 * @param tablespace the index tablespace, or empty
 * @param deferral {@code DEFERRABLE} and {@code INITIALLY DEFERRED}, as rendered, or empty
 */
record PlanUniqueIndex(String keyword, String columns, String include, boolean nullsNotDistinct, String with,
        String tablespace, String deferral) {

    /** Parses a definition; empty when it has a form this class does not know. */
    static Optional<PlanUniqueIndex> parse(String definition) {
        String rest;
        String keyword;
        if (definition.startsWith("PRIMARY KEY ")) {
            keyword = "PRIMARY KEY";
            rest = definition.substring("PRIMARY KEY ".length());
        } else if (definition.startsWith("UNIQUE ")) {
            keyword = "UNIQUE";
            rest = definition.substring("UNIQUE ".length());
        } else {
            return Optional.empty();
        }
        boolean nullsNotDistinct = rest.startsWith("NULLS NOT DISTINCT ");
        if (nullsNotDistinct) {
            rest = rest.substring("NULLS NOT DISTINCT ".length());
        }
        String columns = parenthesized(rest, 0);
        if (columns == null) {
            return Optional.empty();
        }
        rest = rest.substring(columns.length() + 2).stripLeading();
        String include = "";
        if (rest.startsWith("INCLUDE (")) {
            include = parenthesized(rest, "INCLUDE ".length());
            if (include == null) {
                return Optional.empty();
            }
            rest = rest.substring("INCLUDE ".length() + include.length() + 2).stripLeading();
        }
        String with = "";
        if (rest.startsWith("WITH (")) {
            with = parenthesized(rest, "WITH ".length());
            if (with == null) {
                return Optional.empty();
            }
            rest = rest.substring("WITH ".length() + with.length() + 2).stripLeading();
        }
        String tablespace = "";
        if (rest.startsWith("USING INDEX TABLESPACE ")) {
            rest = rest.substring("USING INDEX TABLESPACE ".length());
            int space = rest.indexOf(' ');
            tablespace = space < 0 ? rest : rest.substring(0, space);
            rest = space < 0 ? "" : rest.substring(space + 1);
        }
        String deferral = rest.strip();
        if (!deferral.isEmpty() && !deferral.equals("DEFERRABLE")
                && !deferral.equals("DEFERRABLE INITIALLY DEFERRED")) {
            return Optional.empty();
        }
        return Optional.of(new PlanUniqueIndex(keyword, columns, include, nullsNotDistinct, with, tablespace,
                deferral));
    }

    /** {@code CREATE UNIQUE INDEX CONCURRENTLY name ON table USING btree (…) …}. */
    String createIndex(String name, Table table) {
        return "CREATE UNIQUE INDEX CONCURRENTLY " + PlanSql.q(name) + " ON " + PlanSql.qn(table.schema(), table.name())
                + " USING btree (" + columns + ")"
                + (include.isEmpty() ? "" : " INCLUDE (" + include + ")")
                + (nullsNotDistinct ? " NULLS NOT DISTINCT" : "")
                + (with.isEmpty() ? "" : " WITH (" + with + ")")
                + (tablespace.isEmpty() ? "" : " TABLESPACE " + tablespace);
    }

    /** {@code PRIMARY KEY USING INDEX name [DEFERRABLE …]}, the tail of ADD CONSTRAINT. */
    String usingIndex(String name) {
        return keyword + " USING INDEX " + PlanSql.q(name) + (deferral.isEmpty() ? "" : " " + deferral);
    }

    /**
     * The text inside the parentheses that open at {@code open} (which must be a {@code (}), with
     * nested parentheses, double-quoted identifiers and string literals respected; null when unbalanced.
     */
    static String parenthesized(String text, int open) {
        if (open < 0 || open >= text.length() || text.charAt(open) != '(') {
            return null;
        }
        int depth = 0;
        boolean identifier = false;
        boolean literal = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (identifier) {
                identifier = c != '"';
            } else if (literal) {
                literal = c != '\'';
            } else if (c == '"') {
                identifier = true;
            } else if (c == '\'') {
                literal = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return text.substring(open + 1, i);
            }
        }
        return null;
    }
}
