package dev.dbops.sql;

import java.util.Optional;

/** Reads one {@code ALTER TABLE} subcommand at the cursor. */
final class AlterTableActionParser {

    private AlterTableActionParser() {
    }

    static AlterTableAction action(TokenCursor cursor, int start) {
        if (cursor.accept("add")) {
            return add(cursor, start);
        }
        if (cursor.accept("drop")) {
            return drop(cursor, start);
        }
        if (cursor.accept("alter")) {
            cursor.accept("column");
            return alterColumn(cursor, start);
        }
        if (cursor.accept("validate", "constraint")) {
            String name = cursor.name().orElse("");
            return new AlterTableAction.ValidateConstraint(text(cursor, start), name);
        }
        if (cursor.accept("rename")) {
            return rename(cursor, start);
        }
        if (cursor.accept("set")) {
            return set(cursor, start);
        }
        if (cursor.peekWords("enable") || cursor.peekWords("disable") || cursor.peekWords("force")
                || cursor.peekWords("no", "force")) {
            return toggle(cursor, start);
        }
        if (cursor.accept("attach", "partition")) {
            Optional<QualifiedName> partition = cursor.qualifiedName();
            String bound = cursor.until(",").text();
            if (partition.isPresent()) {
                return new AlterTableAction.AttachPartition(text(cursor, start), partition.get(), bound);
            }
        }
        if (cursor.accept("detach", "partition")) {
            Optional<QualifiedName> partition = cursor.qualifiedName();
            boolean concurrently = cursor.accept("concurrently");
            boolean finalize = cursor.accept("finalize");
            if (partition.isPresent()) {
                return new AlterTableAction.DetachPartition(text(cursor, start), partition.get(), concurrently,
                        finalize);
            }
        }
        return other(cursor, start, 3);
    }

    private static AlterTableAction add(TokenCursor cursor, int start) {
        if (DefinitionParser.atTableConstraint(cursor)) {
            Optional<TableConstraint> constraint = DefinitionParser.tableConstraint(cursor);
            if (constraint.isPresent()) {
                return new AlterTableAction.AddConstraint(text(cursor, start), constraint.get());
            }
            return other(cursor, start, 2);
        }
        cursor.accept("column");
        boolean ifNotExists = cursor.accept("if", "not", "exists");
        Optional<ColumnDefinition> column = DefinitionParser.column(cursor);
        if (column.isEmpty()) {
            return other(cursor, start, 2);
        }
        return new AlterTableAction.AddColumn(text(cursor, start), column.get(), ifNotExists);
    }

    private static AlterTableAction drop(TokenCursor cursor, int start) {
        if (cursor.accept("constraint")) {
            boolean ifExists = cursor.accept("if", "exists");
            String name = cursor.name().orElse("");
            boolean cascade = cursor.accept("cascade");
            cursor.accept("restrict");
            return new AlterTableAction.DropConstraint(text(cursor, start), name, ifExists, cascade);
        }
        if (cursor.peekWords("not", "null") || cursor.peekWords("default") || cursor.peekWords("expression")
                || cursor.peekWords("identity")) {
            return other(cursor, start, 3);
        }
        cursor.accept("column");
        boolean ifExists = cursor.accept("if", "exists");
        Optional<String> column = cursor.name();
        if (column.isEmpty()) {
            return other(cursor, start, 2);
        }
        boolean cascade = cursor.accept("cascade");
        cursor.accept("restrict");
        return new AlterTableAction.DropColumn(text(cursor, start), column.get(), ifExists, cascade);
    }

    private static AlterTableAction alterColumn(TokenCursor cursor, int start) {
        Optional<String> column = cursor.name();
        if (column.isEmpty()) {
            return other(cursor, start, 3);
        }
        String name = column.get();
        if (cursor.accept("set", "data", "type") || cursor.accept("type")) {
            Optional<TypeName> type = TypeNameParser.parse(cursor);
            if (type.isEmpty()) {
                return other(cursor, start, 4);
            }
            if (cursor.accept("collate")) {
                cursor.qualifiedName();
            }
            Optional<Expression> using = Optional.empty();
            if (cursor.accept("using")) {
                using = Optional.of(cursor.until(","));
            }
            return new AlterTableAction.AlterColumnType(text(cursor, start), name, type.get(), using);
        }
        if (cursor.accept("set", "not", "null")) {
            return new AlterTableAction.SetNotNull(text(cursor, start), name);
        }
        if (cursor.accept("drop", "not", "null")) {
            return new AlterTableAction.DropNotNull(text(cursor, start), name);
        }
        if (cursor.accept("set", "default")) {
            Expression value = cursor.until(",");
            return new AlterTableAction.SetDefault(text(cursor, start), name, value);
        }
        if (cursor.accept("drop", "default")) {
            return new AlterTableAction.DropDefault(text(cursor, start), name);
        }
        int keywordsFrom = cursor.position();
        cursor.skipToComma();
        return new AlterTableAction.Other(text(cursor, start),
                "ALTER COLUMN " + cursor.keywords(keywordsFrom, 3));
    }

    private static AlterTableAction rename(TokenCursor cursor, int start) {
        if (cursor.accept("to")) {
            String to = cursor.name().orElse("");
            return new AlterTableAction.RenameTable(text(cursor, start), to);
        }
        if (cursor.accept("constraint")) {
            String from = cursor.name().orElse("");
            cursor.accept("to");
            String to = cursor.name().orElse("");
            return new AlterTableAction.RenameConstraint(text(cursor, start), from, to);
        }
        cursor.accept("column");
        String from = cursor.name().orElse("");
        cursor.accept("to");
        String to = cursor.name().orElse("");
        return new AlterTableAction.RenameColumn(text(cursor, start), from, to);
    }

    private static AlterTableAction set(TokenCursor cursor, int start) {
        if (cursor.accept("schema")) {
            return new AlterTableAction.SetSchema(text(cursor, start), cursor.name().orElse(""));
        }
        if (cursor.accept("tablespace")) {
            return new AlterTableAction.SetTablespace(text(cursor, start), cursor.name().orElse(""));
        }
        if (cursor.accept("logged")) {
            return new AlterTableAction.SetLogged(text(cursor, start), true);
        }
        if (cursor.accept("unlogged")) {
            return new AlterTableAction.SetLogged(text(cursor, start), false);
        }
        if (cursor.accept("access", "method")) {
            return new AlterTableAction.SetAccessMethod(text(cursor, start), cursor.name().orElse("default"));
        }
        return other(cursor, start, 3);
    }

    private static AlterTableAction toggle(TokenCursor cursor, int start) {
        boolean enable = cursor.accept("enable");
        if (!enable && !cursor.accept("disable")) {
            boolean force = cursor.accept("force");
            if (!force) {
                cursor.accept("no", "force");
            }
            cursor.accept("row", "level", "security");
            return new AlterTableAction.RowLevelSecurity(text(cursor, start),
                    force ? AlterTableAction.RowSecurityChange.FORCE : AlterTableAction.RowSecurityChange.NO_FORCE);
        }
        if (cursor.accept("row", "level", "security")) {
            return new AlterTableAction.RowLevelSecurity(text(cursor, start),
                    enable ? AlterTableAction.RowSecurityChange.ENABLE : AlterTableAction.RowSecurityChange.DISABLE);
        }
        if (!cursor.accept("replica")) {
            cursor.accept("always");
        }
        if (cursor.accept("trigger")) {
            String trigger;
            if (cursor.accept("all")) {
                trigger = "ALL";
            } else if (cursor.accept("user")) {
                trigger = "USER";
            } else {
                trigger = cursor.name().orElse("");
            }
            return new AlterTableAction.TriggerToggle(text(cursor, start), enable, trigger);
        }
        return other(cursor, start, 3);
    }

    private static AlterTableAction other(TokenCursor cursor, int start, int keywordCount) {
        cursor.skipToComma();
        return new AlterTableAction.Other(text(cursor, start), cursor.keywords(start, keywordCount));
    }

    private static String text(TokenCursor cursor, int start) {
        return cursor.text(start, cursor.position());
    }
}
