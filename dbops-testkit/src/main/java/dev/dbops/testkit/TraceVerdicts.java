package dev.dbops.testkit;

import dev.dbops.LockMode;
import dev.dbops.lint.DeclaredLock;
import dev.dbops.lint.RelationRole;
import dev.dbops.trace.LockTrace;
import dev.dbops.trace.LockedObject;
import dev.dbops.trace.MigrationTrace;
import dev.dbops.trace.ObservedLock;
import dev.dbops.trace.QueryWait;
import dev.dbops.trace.RelationRewrite;
import dev.dbops.trace.TraceReport;
import dev.dbops.trace.WorkloadOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@link TraceReport} for the traced assertions: what broke each rule, written out in full — the
 * statement by file:line and what the database was seen doing. Empty when nothing did.
 */
final class TraceVerdicts {

    private static final Set<RelationRole> DECLARED_TABLES = EnumSet.of(RelationRole.TABLE,
            RelationRole.MATERIALIZED_VIEW);
    private static final Set<LockedObject> TABLES = EnumSet.of(LockedObject.TABLE, LockedObject.PARTITIONED_TABLE,
            LockedObject.MATERIALIZED_VIEW);

    private TraceVerdicts() {
    }

    /** The statements that took a lock stronger than {@code strongest} on an existing table. */
    static Optional<String> locks(TraceReport report, Set<String> existing, LockMode strongest) {
        List<String> found = new ArrayList<>();
        int statements = 0;
        for (LockTrace statement : report.statements()) {
            Map<String, ObservedLock> strongestPerTable = new LinkedHashMap<>();
            for (ObservedLock lock : statement.acquiredLocks()) {
                if (TABLES.contains(lock.kind()) && existing.contains(lock.target()) && lock.mode().isStrongerThan(strongest)) {
                    strongestPerTable.merge(lock.target(), lock,
                            (a, b) -> b.mode().isStrongerThan(a.mode()) ? b : a);
                }
            }
            List<String> declared = unseen(statement, existing, strongest);
            if (!strongestPerTable.isEmpty() || !declared.isEmpty()) {
                statements++;
                found.add(header(statement));
                found.addAll(declared);
                strongestPerTable.values().forEach(lock -> found.add("    took " + lock.mode().sqlName() + " on "
                        + lock.target() + (lock.granted() ? ", held " + millis(lock.heldFor())
                        : ", waited for it " + millis(lock.heldFor())) + " (seen by the "
                        + lock.seenBy().name().toLowerCase(Locale.ROOT) + ")"));
            }
        }
        return statements == 0 ? Optional.empty() : Optional.of(count(statements, "statement") + " did:\n"
                + String.join("\n", found));
    }

    /**
     * A statement outside a transaction that ended before the poller's first look has no observed locks: the
     * locks the linter declares for it stand in, and the message says so.
     */
    private static List<String> unseen(LockTrace statement, Set<String> existing, LockMode strongest) {
        if (!statement.locks().isEmpty() || statement.notCompared().isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (DeclaredLock lock : statement.predicted().locks()) {
            if (!DECLARED_TABLES.contains(lock.role()) || !lock.mode().isStrongerThan(strongest)) {
                continue;
            }
            String name = ExistingTables.part(lock.relation().name());
            Optional<String> table = lock.relation().schema()
                    .map(schema -> ExistingTables.part(schema) + "." + name).filter(existing::contains)
                    .or(() -> existing.contains("public." + name) ? Optional.of("public." + name)
                            : existing.stream().filter(t -> t.endsWith("." + name)).findFirst());
            table.ifPresent(t -> lines.add("    takes " + lock.mode().sqlName() + " on " + t + " as the linter declares"
                    + " it (not observed: " + statement.notCompared().get() + ")"));
        }
        return lines;
    }

    /** The statements that rewrote an existing table. */
    static Optional<String> rewrites(TraceReport report, Set<String> existing) {
        List<String> found = new ArrayList<>();
        int statements = 0;
        for (LockTrace statement : report.statements()) {
            List<String> lines = new ArrayList<>();
            for (RelationRewrite rewrite : statement.rewrites()) {
                if (rewrite.change() == RelationRewrite.Change.REWRITTEN && TABLES.contains(rewrite.kind())
                        && existing.contains(rewrite.relation())) {
                    lines.add("    rewrote " + rewrite.relation() + " (relfilenode " + rewrite.fromFilenode() + " → "
                            + rewrite.toFilenode() + ") under " + strongestOn(statement, rewrite.relation())
                            + ", in " + millis(statement.took()));
                }
            }
            if (!lines.isEmpty()) {
                statements++;
                found.add(header(statement));
                found.addAll(lines);
            }
        }
        return statements == 0 ? Optional.empty() : Optional.of(count(statements, "statement") + " did:\n"
                + String.join("\n", found));
    }

    /** The application queries that took longer than {@code limit}, when the longest did. */
    static Optional<String> waits(TraceReport report, Duration limit) {
        Optional<Duration> longest = report.longestApplicationWait();
        if (longest.isEmpty() || longest.get().compareTo(limit) <= 0) {
            return Optional.empty();
        }
        List<String> found = new ArrayList<>();
        int over = 0;
        for (MigrationTrace migration : report.migrations()) {
            if (migration.workload().isEmpty()) {
                continue;
            }
            WorkloadOutcome outcome = migration.workload().get();
            for (QueryWait wait : outcome.waits()) {
                if (wait.waited().compareTo(limit) > 0) {
                    over++;
                    found.add("  " + wait.kind().name().toLowerCase(Locale.ROOT) + " of " + wait.table() + " took "
                            + millis(wait.waited()) + (wait.queued().toMillis() == 0 ? ""
                            : " (" + millis(wait.queued()) + " of it queued for a free session)")
                            + wait.waitedFor().map(lock -> ", waiting for " + lock).orElse("")
                            + (wait.blockedByMigration() ? ", blocked by the migration"
                            : wait.blockedBy().isEmpty() ? "" : ", blocked by pid " + wait.blockedBy())
                            + ", during " + wait.during() + " (" + migration.id() + ")");
                }
            }
            found.add("  (" + migration.id() + ": " + outcome.queries() + " queries on " + outcome.tables() + ", "
                    + outcome.waitedQueries() + " seen waiting for a lock, " + outcome.failedQueries() + " failed"
                    + (outcome.waits().size() == WorkloadOutcome.MAX_WAITS_LISTED ? "; the trace keeps the "
                    + WorkloadOutcome.MAX_WAITS_LISTED + " longest waits of a migration" : "") + ")");
        }
        String which = over == 0 ? "no query was seen waiting for a lock that long: it queued for a free session,"
                + " or waited between two looks at pg_locks" : count(over, "query") + " listed took longer";
        return Optional.of("the longest took " + millis(longest.get()) + "; " + which + ":\n" + String.join("\n", found));
    }

    /** {@code 1.234 s} or {@code 87 ms}. */
    static String millis(Duration duration) {
        long ms = duration.toMillis();
        return ms >= 1000 ? String.format(Locale.ROOT, "%.3f s", ms / 1000.0) : ms + " ms";
    }

    private static String header(LockTrace statement) {
        return "  " + statement.position() + ": " + statement.statement().strip().replaceAll("\\s+", " ");
    }

    private static String strongestOn(LockTrace statement, String relation) {
        return statement.locks().stream().filter(lock -> lock.target().equals(relation)).map(ObservedLock::mode)
                .reduce(LockMode::max).map(mode -> mode.sqlName() + " lock").orElse("no lock seen");
    }

    private static String count(int n, String noun) {
        return n + " " + (n == 1 ? noun : noun.equals("query") ? "queries" : noun + "s");
    }
}
