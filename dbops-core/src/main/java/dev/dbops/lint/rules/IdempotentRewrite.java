package dev.dbops.lint.rules;

import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import dev.dbops.sql.TableConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * For a DDL statement that fails or duplicates its work when run a second time, what goes wrong and the
 * form that can be run again: {@code IF [NOT] EXISTS} where PostgreSQL has it, {@code OR REPLACE}, and a
 * {@code DO} block with a catalog check where it has neither.
 */
final class IdempotentRewrite {

    /** Commands of {@link Statement.Other} that accept {@code IF NOT EXISTS} right after their key words. */
    private static final Set<String> IF_NOT_EXISTS = Set.of("CREATE SEQUENCE", "CREATE SCHEMA", "CREATE EXTENSION",
            "CREATE STATISTICS", "CREATE FOREIGN TABLE", "CREATE SERVER", "CREATE COLLATION",
            "CREATE UNLOGGED SEQUENCE", "CREATE TEMP SEQUENCE", "CREATE TEMPORARY SEQUENCE");
    /** Commands of {@link Statement.Other} that accept {@code OR REPLACE} after {@code CREATE}. */
    private static final Set<String> OR_REPLACE = Set.of("CREATE FUNCTION", "CREATE PROCEDURE", "CREATE RULE",
            "CREATE AGGREGATE", "CREATE LANGUAGE", "CREATE TRANSFORM", "CREATE TRUSTED LANGUAGE");
    /** Commands that cannot run inside a transaction block, so not inside a DO block either. */
    private static final Set<String> NOT_IN_DO = Set.of("CREATE DATABASE", "CREATE TABLESPACE", "CREATE SUBSCRIPTION");

    private static final String ALREADY_EXISTS = "fails with \"already exists\"";

    private IdempotentRewrite() {
    }

    /**
     * What goes wrong on a second run, and the statement rewritten so that it can run twice.
     *
     * @param effect what running it again does, e.g. {@code fails with "already exists"}
     * @param sql the form that can run again, terminated
     */
    record Rewrite(String effect, String sql) {
    }

    /** The rewrite for {@code statement} on PostgreSQL {@code pgVersion}, empty when it can already run twice. */
    static Optional<Rewrite> of(Statement statement, int pgVersion) {
        if (statement instanceof Statement.CreateTable create) {
            if (create.ifNotExists() || create.temporary()) {
                return Optional.empty();
            }
            return insert(statement, "(?i)\\bTABLE\\s+", "TABLE IF NOT EXISTS ", ALREADY_EXISTS);
        }
        if (statement instanceof Statement.CreateIndex create) {
            return create.ifNotExists() ? Optional.empty() : Optional.of(createIndex(create));
        }
        if (statement instanceof Statement.Drop drop) {
            if (drop.ifExists() || drop.kind() == Statement.ObjectKind.OTHER || drop.kind() == Statement.ObjectKind.SYSTEM) {
                return Optional.empty();
            }
            return insert(statement, "(?i)^(DROP\\s+(?:MATERIALIZED\\s+VIEW|\\w+)(?:\\s+CONCURRENTLY)?)\\s+",
                    "$1 IF EXISTS ", "fails with \"does not exist\"");
        }
        if (statement instanceof Statement.AlterTable alter) {
            return AlterTableRewrite.of(alter);
        }
        if (statement instanceof Statement.CreateTrigger trigger) {
            return trigger.orReplace() ? Optional.empty() : Optional.of(createTrigger(trigger, pgVersion));
        }
        if (statement instanceof Statement.CreateView view) {
            return createView(view);
        }
        if (statement instanceof Statement.CreateDomain domain) {
            return Optional.of(new Rewrite(ALREADY_EXISTS, guarded("to_regtype(" + StatementWording.literal(
                    domain.domain().display()) + ") IS NULL", statement)));
        }
        if (statement instanceof Statement.AlterEnum alterEnum) {
            return alterEnum(alterEnum);
        }
        if (statement instanceof Statement.Other other) {
            return other(other);
        }
        return Optional.empty();
    }

    private static Rewrite createIndex(Statement.CreateIndex create) {
        String prefix = "(?i)^(CREATE\\s+(?:UNIQUE\\s+)?INDEX(?:\\s+CONCURRENTLY)?)\\s+";
        String text = StatementWording.sql(create);
        String name;
        String effect;
        String rewritten;
        if (create.name().isPresent()) {
            name = QualifiedName.of(create.name().get()).display();
            effect = ALREADY_EXISTS;
            rewritten = text.replaceFirst(prefix, "$1 IF NOT EXISTS ");
        } else {
            List<String> parts = new ArrayList<>(List.of(create.table().name()));
            for (String element : create.elements()) {
                String word = element.strip().split("[\\s(]", 2)[0].toLowerCase(Locale.ROOT);
                if (word.matches("[a-z_][a-z0-9_$]*")) {
                    parts.add(word);
                }
            }
            parts.add("idx");
            name = QualifiedName.of(StatementWording.generatedName(parts.toArray(String[]::new))).display();
            effect = "creates a second, identical index (an unnamed index gets a new name each time)";
            rewritten = text.replaceFirst(prefix, "$1 IF NOT EXISTS " + Matcher.quoteReplacement(name) + " ");
        }
        String sql = rewritten + ";";
        if (create.concurrently()) {
            sql += "\n-- a failed CONCURRENTLY build leaves an INVALID index that IF NOT EXISTS would keep: drop it "
                    + "first with DROP INDEX CONCURRENTLY IF EXISTS " + name + ";";
        }
        return new Rewrite(effect, sql);
    }

    private static Rewrite createTrigger(Statement.CreateTrigger trigger, int pgVersion) {
        boolean constraintTrigger = StatementWording.sql(trigger).matches("(?is)^CREATE\\s+CONSTRAINT\\s+TRIGGER\\b.*");
        if (pgVersion >= 14 && !constraintTrigger) {
            return new Rewrite(ALREADY_EXISTS,
                    StatementWording.sql(trigger).replaceFirst("(?i)^CREATE\\s+TRIGGER", "CREATE OR REPLACE TRIGGER") + ";");
        }
        return new Rewrite(ALREADY_EXISTS, "DROP TRIGGER IF EXISTS " + QualifiedName.of(trigger.name()).display()
                + " ON " + trigger.table().display() + ";\n" + StatementWording.terminated(trigger));
    }

    private static Optional<Rewrite> createView(Statement.CreateView view) {
        String text = StatementWording.sql(view);
        if (view.orReplace() || text.matches("(?is)^CREATE\\s+(OR\\s+REPLACE\\s+)?(TEMP|TEMPORARY)\\b.*")) {
            return Optional.empty();
        }
        if (view.materialized()) {
            if (text.matches("(?is).*\\bMATERIALIZED\\s+VIEW\\s+IF\\s+NOT\\s+EXISTS\\b.*")) {
                return Optional.empty();
            }
            return insert(view, "(?i)\\bMATERIALIZED\\s+VIEW\\s+", "MATERIALIZED VIEW IF NOT EXISTS ", ALREADY_EXISTS);
        }
        return insert(view, "(?i)^CREATE\\s+", "CREATE OR REPLACE ", ALREADY_EXISTS);
    }

    private static Optional<Rewrite> alterEnum(Statement.AlterEnum alterEnum) {
        if (alterEnum.addValue()) {
            return alterEnum.ifNotExists() ? Optional.empty()
                    : insert(alterEnum, "(?i)\\bADD\\s+VALUE\\s+", "ADD VALUE IF NOT EXISTS ", ALREADY_EXISTS);
        }
        if (alterEnum.renamedFrom().isEmpty()) {
            return Optional.empty();
        }
        String condition = "EXISTS (SELECT 1 FROM pg_enum WHERE enumtypid = "
                + StatementWording.literal(alterEnum.type().display()) + "::regtype AND enumlabel = "
                + StatementWording.literal(alterEnum.renamedFrom().get()) + ")";
        return Optional.of(new Rewrite("fails because the value " + StatementWording.literal(alterEnum.renamedFrom().get())
                + " no longer exists", guarded(condition, alterEnum)));
    }

    private static Optional<Rewrite> other(Statement.Other other) {
        String command = other.command().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        if (other.ifExistsClause() || !command.startsWith("CREATE ") || NOT_IN_DO.contains(command)) {
            return Optional.empty();
        }
        String words = Pattern.quote(command).replace(" ", "\\E\\s+\\Q");
        if (IF_NOT_EXISTS.contains(command)) {
            return insert(other, "(?i)^(" + words + ")\\s+", "$1 IF NOT EXISTS ", ALREADY_EXISTS);
        }
        if (OR_REPLACE.contains(command)) {
            return insert(other, "(?i)^CREATE\\s+", "CREATE OR REPLACE ", ALREADY_EXISTS);
        }
        return Optional.of(new Rewrite(ALREADY_EXISTS, "DO $$\nBEGIN\n    " + StatementWording.terminated(other)
                + "\nEXCEPTION WHEN duplicate_object THEN\n    NULL;  -- created by an earlier run\nEND\n$$;"));
    }

    /** {@code statement} with the first match of {@code regex} replaced, or empty when the text does not match. */
    static Optional<Rewrite> insert(Statement statement, String regex, String replacement, String effect) {
        String text = StatementWording.sql(statement);
        Matcher matcher = Pattern.compile(regex).matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(new Rewrite(effect, matcher.replaceFirst(replacement) + ";"));
    }

    /** {@code statement} inside a DO block that runs it only when {@code condition} holds. */
    static String guarded(String condition, Statement statement) {
        return "DO $$\nBEGIN\n    IF " + condition + " THEN\n        " + StatementWording.terminated(statement)
                + "\n    END IF;\nEND\n$$;";
    }

    /** The {@code ALTER TABLE} part: an ALTER TABLE is atomic, so one catalog check can guard all of it. */
    private static final class AlterTableRewrite {

        private AlterTableRewrite() {
        }

        static Optional<Rewrite> of(Statement.AlterTable alter) {
            String table = StatementWording.literal(alter.table().display());
            List<String> actions = new ArrayList<>();
            String effect = null;
            boolean inlineChanged = false;
            for (AlterTableAction action : alter.actions()) {
                String text = action.text().strip();
                if (action instanceof AlterTableAction.AddColumn add && !add.ifNotExists()) {
                    text = text.replaceFirst("(?i)^ADD(\\s+COLUMN)?\\s+", "ADD COLUMN IF NOT EXISTS ");
                    effect = effect == null ? ALREADY_EXISTS : effect;
                    inlineChanged = true;
                } else if (action instanceof AlterTableAction.DropColumn drop && !drop.ifExists()) {
                    text = text.replaceFirst("(?i)^DROP(\\s+COLUMN)?\\s+", "DROP COLUMN IF EXISTS ");
                    effect = effect == null ? "fails with \"does not exist\"" : effect;
                    inlineChanged = true;
                } else if (action instanceof AlterTableAction.DropConstraint drop && !drop.ifExists()) {
                    text = text.replaceFirst("(?i)^DROP\\s+CONSTRAINT\\s+", "DROP CONSTRAINT IF EXISTS ");
                    effect = effect == null ? "fails with \"does not exist\"" : effect;
                    inlineChanged = true;
                }
                actions.add(text);
            }
            Optional<Guard> guard = guard(alter, table);
            if (guard.isPresent()) {
                String sql = guard.get().sql.orElse(null);
                if (sql == null) {
                    String body = "ALTER TABLE " + (alter.ifExists() ? "IF EXISTS " : "") + alter.table().display()
                            + " " + String.join(", ", guard.get().actions.orElse(actions)) + ";";
                    sql = "DO $$\nBEGIN\n    IF " + guard.get().condition + " THEN\n        " + body
                            + "\n    END IF;\nEND\n$$;";
                }
                return Optional.of(new Rewrite(guard.get().effect, sql));
            }
            if (!inlineChanged) {
                return Optional.empty();
            }
            return Optional.of(new Rewrite(effect, "ALTER TABLE " + (alter.ifExists() ? "IF EXISTS " : "")
                    + alter.table().display() + " " + String.join(", ", actions) + ";"));
        }

        /** A catalog condition that is true while the ALTER TABLE has not been applied yet. */
        private static Optional<Guard> guard(Statement.AlterTable alter, String table) {
            for (AlterTableAction action : alter.actions()) {
                if (action instanceof AlterTableAction.AddConstraint add) {
                    return Optional.of(addConstraint(alter, add, table));
                }
                if (action instanceof AlterTableAction.RenameColumn rename) {
                    return Optional.of(new Guard("EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = " + table
                            + "::regclass AND attname = " + StatementWording.literal(rename.from())
                            + " AND NOT attisdropped)", "fails because column " + rename.from() + " no longer exists"));
                }
                if (action instanceof AlterTableAction.RenameConstraint rename) {
                    return Optional.of(new Guard("EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = " + table
                            + "::regclass AND conname = " + StatementWording.literal(rename.from()) + ")",
                            "fails because constraint " + rename.from() + " no longer exists"));
                }
                if ((action instanceof AlterTableAction.RenameTable || action instanceof AlterTableAction.SetSchema)
                        && !alter.ifExists()) {
                    String sql = StatementWording.sql(alter).replaceFirst("(?i)^ALTER\\s+TABLE\\s+", "ALTER TABLE IF EXISTS ");
                    return Optional.of(new Guard("", "fails because " + alter.table().display() + " no longer exists",
                            Optional.of(sql + ";")));
                }
                if (action instanceof AlterTableAction.AttachPartition attach) {
                    return Optional.of(new Guard("NOT EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = "
                            + StatementWording.literal(attach.partition().display()) + "::regclass)",
                            "fails because " + attach.partition().display() + " is already a partition"));
                }
                if (action instanceof AlterTableAction.DetachPartition detach && !detach.concurrently()
                        && !detach.finalizeDetach()) {
                    return Optional.of(new Guard("EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = "
                            + StatementWording.literal(detach.partition().display()) + "::regclass AND inhparent = " + table
                            + "::regclass)", "fails because " + detach.partition().display() + " is no longer a partition"));
                }
            }
            return Optional.empty();
        }

        private static Guard addConstraint(Statement.AlterTable alter, AlterTableAction.AddConstraint add, String table) {
            TableConstraint constraint = add.constraint();
            if (constraint.name().isPresent()) {
                return new Guard("NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = " + table
                        + "::regclass AND conname = " + StatementWording.literal(constraint.name().get()) + ")",
                        ALREADY_EXISTS);
            }
            if (constraint.kind() == TableConstraint.Kind.PRIMARY_KEY) {
                return new Guard("NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = " + table
                        + "::regclass AND contype = 'p')", "fails with \"multiple primary keys are not allowed\"");
            }
            String name = StatementWording.generatedName(generatedNameParts(alter.table(), constraint));
            List<String> actions = new ArrayList<>();
            for (AlterTableAction action : alter.actions()) {
                String text = action.text().strip();
                if (action == add) {
                    text = text.replaceFirst("(?i)^ADD\\s+", "ADD CONSTRAINT " + Matcher.quoteReplacement(
                            QualifiedName.of(name).display()) + " ");
                }
                actions.add(text);
            }
            return new Guard("NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = " + table
                    + "::regclass AND conname = " + StatementWording.literal(name) + ")",
                    "adds the same constraint a second time under another generated name", Optional.empty(),
                    Optional.of(actions));
        }

        private static String[] generatedNameParts(QualifiedName table, TableConstraint constraint) {
            List<String> parts = new ArrayList<>(List.of(table.name()));
            if (!constraint.columns().isEmpty()) {
                parts.add(constraint.columns().get(0));
            }
            parts.add(switch (constraint.kind()) {
                case FOREIGN_KEY -> "fkey";
                case UNIQUE -> "key";
                case EXCLUDE -> "excl";
                case NOT_NULL -> "not_null";
                default -> "check";
            });
            return parts.toArray(String[]::new);
        }
    }

    private record Guard(String condition, String effect, Optional<String> sql, Optional<List<String>> actions) {

        Guard(String condition, String effect) {
            this(condition, effect, Optional.empty(), Optional.empty());
        }

        Guard(String condition, String effect, Optional<String> sql) {
            this(condition, effect, sql, Optional.empty());
        }
    }
}
