package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.StatementFinding;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import dev.dbops.sql.Token;
import dev.dbops.sql.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code DROP SCHEMA} or {@code DROP DATABASE} in a migration: whole sets of objects disappear at once,
 * each table under ACCESS EXCLUSIVE. A schema created earlier in the linted migrations is exempt.
 */
final class DropSchemaOrDatabase extends AbstractRule {

    DropSchemaOrDatabase() {
        super("drop-schema-or-database", Severity.ERROR,
                "DROP SCHEMA and DROP DATABASE remove everything inside at once; they do not belong in migrations.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        return List.of();
    }

    /** Runs over the whole run so that schemas created by earlier migrations are exempt. */
    @Override
    public List<StatementFinding> afterAll(List<StatementContext> statements) {
        List<String> createdSchemas = new ArrayList<>();
        List<StatementFinding> findings = new ArrayList<>();
        for (StatementContext context : statements) {
            Statement statement = context.statement();
            if (statement instanceof Statement.Other other && other.command().equals("CREATE SCHEMA")) {
                schemaName(other.source().tokens()).ifPresent(createdSchemas::add);
            } else if (statement instanceof Statement.Drop drop && drop.kind() == Statement.ObjectKind.SCHEMA) {
                for (QualifiedName schema : drop.names()) {
                    if (!createdSchemas.contains(schema.name())) {
                        findings.add(new StatementFinding(context, schemaFinding(drop, schema)));
                    }
                }
            } else if (statement instanceof Statement.Drop drop && drop.kind() == Statement.ObjectKind.DATABASE) {
                for (QualifiedName database : drop.names()) {
                    findings.add(new StatementFinding(context, databaseFinding(context, database)));
                }
            }
        }
        return findings;
    }

    private static Optional<String> schemaName(List<Token> tokens) {
        int i = 0;
        while (i < tokens.size() && !tokens.get(i).is("schema")) {
            i++;
        }
        i++;
        if (i + 2 < tokens.size() && tokens.get(i).is("if") && tokens.get(i + 1).is("not")) {
            i += 3;
        }
        if (i < tokens.size() && !tokens.get(i).is("authorization")
                && (tokens.get(i).kind() == TokenKind.WORD || tokens.get(i).kind() == TokenKind.QUOTED_IDENTIFIER)) {
            return Optional.of(tokens.get(i).value());
        }
        return Optional.empty();
    }

    private static Finding schemaFinding(Statement.Drop drop, QualifiedName schema) {
        String s = schema.display();
        String message = drop.cascade()
                ? "DROP SCHEMA " + s + " CASCADE drops every table, view, function and type in " + s + ", taking an "
                        + SafeAlternatives.lock(LockMode.ACCESS_EXCLUSIVE) + " on each of its tables (and on tables"
                        + " elsewhere whose foreign keys reference them) until the transaction commits; application"
                        + " instances using any of them fail"
                : "DROP SCHEMA " + s + " fails unless " + s + " is empty, and when it is not, CASCADE is the next"
                        + " thing people reach for: it drops everything inside, each table under an "
                        + SafeAlternatives.lock(LockMode.ACCESS_EXCLUSIVE);
        String fix = "-- drop what you mean, one object per migration, after the application stopped using it:\n"
                + "DROP TABLE " + s + ".<table>;\n"
                + "-- then the empty schema, without CASCADE so that it fails if anything is left:\n"
                + "DROP SCHEMA " + (drop.ifExists() ? "IF EXISTS " : "") + s + ";";
        return Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.NONE, fix);
    }

    private static Finding databaseFinding(StatementContext context, QualifiedName database) {
        String d = database.display();
        String message = "DROP DATABASE " + d + " deletes a whole database: it fails while anyone is connected to it"
                + (context.pgVersion() >= 13 ? " (WITH (FORCE) terminates them)" : "") + " and cannot run inside a"
                + " transaction block" + (context.inTransaction() ? ", which this migration runs in" : "") + "; it"
                + " takes an exclusive lock on the database object and belongs in operations runbooks, not in"
                + " application migrations";
        String fix = "-- remove it from the migration; drop the database by hand, from a session connected to"
                + " another database:\n"
                + "DROP DATABASE " + d + ";";
        return Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.NONE, fix);
    }
}
