package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.rules.WholeTableWork.Work;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A statement that may work through every row of a live table — a validating scan, an index build, a
 * rewrite, a table-wide write — while no {@code statement_timeout} (or, on PostgreSQL 17+,
 * {@code transaction_timeout}) is in effect, so nothing bounds how long it holds its lock.
 *
 * <p>Not reported: the {@code CONCURRENTLY} forms, {@code VALIDATE CONSTRAINT} and plain {@code VACUUM},
 * which do not block the application and for which a timeout only wastes the work done (a cancelled
 * {@code CREATE INDEX CONCURRENTLY} even leaves an INVALID index behind); tables created by the pending
 * migrations, which are empty or small.
 */
final class RequireStatementTimeout extends AbstractRule {

    static final String ID = "require-statement-timeout";

    RequireStatementTimeout() {
        super(ID, Severity.WARNING,
                "A statement that scans, rewrites or indexes a whole live table must run with statement_timeout set, "
                        + "so that it cannot hold its lock for an unbounded time.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        if (context.statementTimeoutSet()) {
            return List.of();
        }
        List<Work> lengthy = new ArrayList<>();
        for (Work work : WholeTableWork.onLiveRelations(context)) {
            if (!work.online()) {
                lengthy.add(work);
            }
        }
        if (lengthy.isEmpty()) {
            return List.of();
        }
        TableImpact impact = TableImpact.NONE;
        for (Work work : lengthy) {
            if (work.impact().compareTo(impact) > 0) {
                impact = work.impact();
            }
        }
        List<TableLock> locks = StatementLocks.onLiveRelations(context);
        LockMode strongest = LockMode.NONE;
        for (TableLock lock : locks) {
            strongest = strongest.max(lock.mode());
        }
        String work = lengthy.stream().map(Work::summary).collect(Collectors.joining(" and "));
        String held = strongest == LockMode.NONE ? ""
                : " while holding " + strongest.sqlName() + " (" + strongest.blockedDescription() + ")";
        String message = StatementWording.label(context.statement()) + " " + work + held + ", with no statement_timeout set: nothing stops it if it runs far longer than expected";
        return List.of(Finding.of(message, strongest, impact, fix(context)));
    }

    private static String fix(StatementContext context) {
        StringBuilder fix = new StringBuilder();
        if (context.inTransaction()) {
            fix.append("SET LOCAL statement_timeout = '10min';  -- longer than it takes on the largest copy of the table\n")
                    .append(StatementWording.terminated(context.statement()));
        } else {
            fix.append("SET statement_timeout = '10min';  -- longer than it takes on the largest copy of the table\n")
                    .append(StatementWording.terminated(context.statement())).append("\nRESET statement_timeout;");
        }
        if (context.pgVersion() >= 17) {
            fix.append("\n-- PostgreSQL ").append(context.pgVersion())
                    .append(": transaction_timeout also bounds the time locks are held between statements; set it")
                    .append(" before the migration starts: ALTER ROLE <migration_role> SET transaction_timeout = '15min';");
        }
        return fix.toString();
    }
}
