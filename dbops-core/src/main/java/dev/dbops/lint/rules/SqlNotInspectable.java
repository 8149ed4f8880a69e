package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SQL that no rule could check, said out loud instead of passed over in silence: statements dbops could not
 * parse (with the parser's reason), {@code DO} blocks whose body holds something dbops cannot follow
 * (dynamic {@code EXECUTE}, loops, another language — the plain statements it could read are checked),
 * and {@code CALL}s of procedures, whose bodies dbops does not see.
 */
final class SqlNotInspectable extends AbstractRule {

    static final String ID = "sql-not-inspectable";

    SqlNotInspectable() {
        super(ID, Severity.INFO,
                "SQL dbops cannot inspect is reported, so that its locks are reviewed by hand.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        Statement statement = context.statement();
        if (statement instanceof Statement.Unparsed unparsed) {
            return List.of(Finding.withoutFix(StatementWording.summary(statement) + ": dbops could not parse this statement ("
                    + unparsed.reason() + "), so no rule checked it; review the locks it takes by hand",
                    LockMode.NONE, TableImpact.NONE));
        }
        if (statement instanceof Statement.DoBlock block && !block.fullyInspected()) {
            List<String> skipped = skipped(block);
            String checked = block.statements().isEmpty() ? "found no plain statement to check in its body"
                    : "checked the " + block.statements().size() + " plain statement"
                            + (block.statements().size() == 1 ? "" : "s") + " in its body";
            return List.of(Finding.of("DO block: dbops " + checked + ", but skipped " + String.join(", ", skipped)
                            + "; the locks taken there are not checked",
                    LockMode.NONE, TableImpact.NONE,
                    "-- write the statements the block runs as plain SQL in the migration, e.g. instead of\n"
                            + "--   EXECUTE format('ALTER TABLE %I ADD COLUMN note text', t);\n"
                            + "-- one statement per table:\n"
                            + "--   ALTER TABLE orders ADD COLUMN note text;\n"
                            + "-- so that dbops can check each of them"));
        }
        if (statement instanceof Statement.Other && StatementWording.firstWord(statement).equals("CALL")) {
            return List.of(Finding.of(StatementWording.summary(statement) + ": dbops does not see what the procedure does, "
                            + "so the locks it takes are not checked",
                    LockMode.NONE, TableImpact.NONE,
                    "-- write the DDL the procedure runs as plain statements in the migration, so that dbops can "
                            + "check them"));
        }
        return List.of();
    }

    private static List<String> skipped(Statement.DoBlock block) {
        List<String> skipped = new ArrayList<>();
        String language = block.language().toLowerCase(Locale.ROOT);
        if (!language.equals("plpgsql")) {
            skipped.add("its body, which is in language " + block.language());
            return skipped;
        }
        String text = StatementWording.sql(block);
        if (text.matches("(?is).*\\bEXECUTE\\b.*")) {
            skipped.add("SQL built at run time (EXECUTE)");
        }
        if (text.matches("(?is).*\\b(LOOP|FOREACH|WHILE)\\b.*")) {
            skipped.add("statements in loops, which may run once per row");
        }
        if (text.matches("(?is).*\\bPERFORM\\b.*")) {
            skipped.add("functions called with PERFORM");
        }
        if (skipped.isEmpty()) {
            skipped.add("parts of its body it could not follow");
        }
        return skipped;
    }
}
