package dev.dbops.lint.rules;

import dev.dbops.lint.StatementContext;
import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.Statement;
import dev.dbops.sql.Token;
import dev.dbops.sql.TypeName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every {@code ALTER COLUMN … TYPE} on a live table in one lint run, with its {@link TypeChange}: the
 * shared analysis behind {@code column-type-rewrite} and {@code column-type-safe-widening}, which
 * report disjoint outcomes so that one action is never reported by both.
 */
final class ColumnTypeChanges {

    /** Time zone names whose UTC offset is always zero, so timestamp ↔ timestamptz needs no rewrite. */
    private static final Set<String> UTC_ZONES = Set.of("utc", "etc/utc", "uct", "etc/uct", "gmt", "etc/gmt",
            "gmt0", "etc/gmt0", "gmt+0", "etc/gmt+0", "gmt-0", "etc/gmt-0", "greenwich", "etc/greenwich",
            "universal", "etc/universal", "zulu", "etc/zulu", "z", "0", "+0", "-0", "00:00", "+00:00", "-00:00");

    private ColumnTypeChanges() {
    }

    /**
     * One type change.
     *
     * @param context the statement
     * @param statement the ALTER TABLE
     * @param action the ALTER COLUMN … TYPE
     * @param change what it does, with the session time zone taken into account
     * @param statementRewrites whether another action of the same statement rewrites the table anyway
     */
    record Change(StatementContext context, Statement.AlterTable statement, AlterTableAction.AlterColumnType action,
            TypeChange change, boolean statementRewrites) {
    }

    /** The type changes on live tables among {@code contexts}, in order. */
    static List<Change> in(List<StatementContext> contexts) {
        return in(contexts, true);
    }

    /**
     * The type changes among {@code contexts}, in order: on live tables only, or also on tables that earlier
     * statements of the run created (whose column types the run declares).
     */
    static List<Change> in(List<StatementContext> contexts, boolean liveTablesOnly) {
        ReplayedDefinitions schema = new ReplayedDefinitions();
        List<Change> changes = new ArrayList<>();
        for (StatementContext context : contexts) {
            Statement statement = context.statement();
            if (statement instanceof Statement.AlterTable alter
                    && (!liveTablesOnly || context.isLiveTable(alter.table()))) {
                List<Change> ofStatement = new ArrayList<>();
                for (AlterTableAction action : alter.actions()) {
                    if (action instanceof AlterTableAction.AlterColumnType type) {
                        Optional<TypeName> current = schema.columnType(alter.table(), type.column());
                        TypeChange change = TypeChange.of(current, type.type(), type.using(), type.column(), schema);
                        ofStatement.add(new Change(context, alter, type, withTimeZone(change, context), false));
                    }
                }
                boolean rewrites = ofStatement.stream()
                        .anyMatch(c -> c.change().outcome() == TypeChange.Outcome.REWRITE);
                for (Change change : ofStatement) {
                    changes.add(new Change(change.context(), alter, change.action(), change.change(), rewrites));
                }
            }
            if (!(statement instanceof Statement.DoBlock)) {
                schema.apply(statement);
            }
        }
        return changes;
    }

    private static TypeChange withTimeZone(TypeChange change, StatementContext context) {
        if (change.outcome() != TypeChange.Outcome.TIME_ZONE_DEPENDENT) {
            return change;
        }
        Optional<Boolean> utc = sessionTimeZoneIsUtc(context);
        if (utc.isEmpty()) {
            return change;
        }
        if (utc.get()) {
            return new TypeChange(TypeChange.Outcome.INDEXES_REBUILT, change.reason()
                    + " needs no rewrite while the session TimeZone is UTC, but indexes containing the column are"
                    + " rebuilt");
        }
        return new TypeChange(TypeChange.Outcome.REWRITE, change.reason()
                + " converts every value, because the session TimeZone set before it is not UTC");
    }

    /**
     * Whether an earlier {@code SET TimeZone} of the same migration (or {@code SET LOCAL} of the same
     * transaction) makes the session time zone UTC; empty when the migration does not set it.
     */
    static Optional<Boolean> sessionTimeZoneIsUtc(StatementContext context) {
        Set<Statement> transaction = Collections.newSetFromMap(new IdentityHashMap<>());
        transaction.addAll(context.earlierInTransaction());
        Optional<Boolean> utc = Optional.empty();
        for (Statement earlier : context.earlierInMigration()) {
            Optional<Optional<String>> zone = timeZoneSet(earlier);
            if (zone.isEmpty()) {
                continue;
            }
            boolean local = isLocal(earlier);
            if (local && !transaction.contains(earlier)) {
                continue;
            }
            utc = zone.get().map(value -> UTC_ZONES.contains(value.strip().toLowerCase(Locale.ROOT)));
        }
        return utc;
    }

    /** The zone a statement sets: empty when it does not set the time zone; an empty value for RESET/DEFAULT/LOCAL. */
    private static Optional<Optional<String>> timeZoneSet(Statement statement) {
        if (statement instanceof Statement.SetParameter set) {
            if (set.name().equals("timezone") || set.name().equals("all")) {
                return Optional.of(set.value().filter(v -> !v.equalsIgnoreCase("local")));
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean isLocal(Statement statement) {
        if (statement instanceof Statement.SetParameter set) {
            return set.local();
        }
        List<Token> tokens = statement.source().tokens();
        return tokens.size() > 1 && tokens.get(1).is("local");
    }
}
