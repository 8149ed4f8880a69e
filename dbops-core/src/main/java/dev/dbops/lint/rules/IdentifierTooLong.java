package dev.dbops.lint.rules;

import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.ColumnDefinition;
import dev.dbops.sql.Statement;
import dev.dbops.sql.TableConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A name longer than 63 bytes (UTF-8) given to something a statement creates or renames: a table, column,
 * constraint, index, view, trigger or domain. PostgreSQL truncates it silently (a NOTICE at most), so the
 * object exists under a shorter name than the migration, the application or a later migration uses, and
 * two long names that share their first 63 bytes collide.
 */
final class IdentifierTooLong extends AbstractRule {

    static final String ID = "identifier-too-long";

    IdentifierTooLong() {
        super(ID, Severity.WARNING,
                "Names must fit PostgreSQL's 63-byte limit; longer ones are truncated silently.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Named named : names(context.statement())) {
            int bytes = StatementWording.utf8Bytes(named.name);
            if (bytes <= StatementWording.MAX_IDENTIFIER_BYTES) {
                continue;
            }
            String truncated = StatementWording.truncateToBytes(named.name, StatementWording.MAX_IDENTIFIER_BYTES);
            String message = "The " + named.kind + " name " + named.name + " is " + bytes + " bytes long: PostgreSQL "
                    + "keeps only the first " + StatementWording.MAX_IDENTIFIER_BYTES + " bytes and creates it as "
                    + truncated + " with no error, so SQL and code that use the full name do not find it, and another "
                    + "long name with the same first " + StatementWording.MAX_IDENTIFIER_BYTES + " bytes collides with it";
            findings.add(Finding.of(message, StatementLocks.strongestOnLive(context), TableImpact.NONE,
                    "-- a name of at most 63 bytes, e.g. the one PostgreSQL would have used:\n"
                            + replaceName(context.statement(), named.name, truncated)));
        }
        return findings;
    }

    private static String replaceName(Statement statement, String name, String replacement) {
        Matcher matcher = Pattern.compile(Pattern.quote(name), Pattern.CASE_INSENSITIVE).matcher(StatementWording.sql(statement));
        return matcher.replaceFirst(Matcher.quoteReplacement(replacement)) + ";";
    }

    private static List<Named> names(Statement statement) {
        List<Named> names = new ArrayList<>();
        if (statement instanceof Statement.CreateTable create) {
            names.add(new Named("table", create.table().name()));
            for (ColumnDefinition column : create.columns()) {
                names.add(new Named("column", column.name()));
            }
            for (TableConstraint constraint : create.constraints()) {
                constraint.name().ifPresent(name -> names.add(new Named("constraint", name)));
            }
        } else if (statement instanceof Statement.AlterTable alter) {
            for (AlterTableAction action : alter.actions()) {
                if (action instanceof AlterTableAction.AddColumn add) {
                    names.add(new Named("column", add.column().name()));
                } else if (action instanceof AlterTableAction.AddConstraint add) {
                    add.constraint().name().ifPresent(name -> names.add(new Named("constraint", name)));
                } else if (action instanceof AlterTableAction.RenameColumn rename) {
                    names.add(new Named("column", rename.to()));
                } else if (action instanceof AlterTableAction.RenameTable rename) {
                    names.add(new Named("table", rename.to()));
                } else if (action instanceof AlterTableAction.RenameConstraint rename) {
                    names.add(new Named("constraint", rename.to()));
                }
            }
        } else if (statement instanceof Statement.CreateIndex create) {
            create.name().ifPresent(name -> names.add(new Named("index", name)));
        } else if (statement instanceof Statement.CreateView view) {
            names.add(new Named(view.materialized() ? "materialized view" : "view", view.view().name()));
        } else if (statement instanceof Statement.CreateTrigger trigger) {
            names.add(new Named("trigger", trigger.name()));
        } else if (statement instanceof Statement.CreateDomain domain) {
            names.add(new Named("domain", domain.domain().name()));
        }
        return names;
    }

    private record Named(String kind, String name) {
    }
}
