package dev.dbops.lint.rules;

import dev.dbops.lint.DeclaredLock;
import dev.dbops.lint.DeclaredWork;
import dev.dbops.lint.RelationRole;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.rules.TableLock.Target;
import dev.dbops.lint.rules.WholeTableWork.Work;
import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import dev.dbops.sql.TableConstraint;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The lock and whole-relation facts the rules stand on, statement by statement, as data: the locks from
 * {@link StatementLocks} and the work from {@link WholeTableWork}, made exact where a rule decides exactly —
 * a type change by {@link TypeChange} (knowing the column's type from earlier statements and the session
 * time zone), a {@code SET NOT NULL} by the CHECK constraints earlier statements declared. Not a rule:
 * {@link dev.dbops.lint.MigrationLinter#declare} calls it, and the {@code trace} capability checks it
 * against what PostgreSQL does. Use that method rather than this class.
 */
public final class LockCatalogue {

    private LockCatalogue() {
    }

    /**
     * What the catalogue declares for one statement.
     *
     * @param locks the table-level locks, on every relation the statement names (new ones included)
     * @param work the whole-relation work
     */
    public record Effects(List<DeclaredLock> locks, List<DeclaredWork> work) {

        /** Copies the lists. */
        public Effects {
            locks = List.copyOf(locks);
            work = List.copyOf(work);
        }
    }

    /** The effects of each statement of a lint run, in the order of {@code run}. */
    public static List<Effects> of(List<StatementContext> run) {
        Objects.requireNonNull(run, "run");
        Map<AlterTableAction, ColumnTypeChanges.Change> typeChanges = new IdentityHashMap<>();
        for (ColumnTypeChanges.Change change : ColumnTypeChanges.in(run, false)) {
            typeChanges.put(change.action(), change);
        }
        DeclaredSchema schema = new DeclaredSchema();
        List<Effects> effects = new ArrayList<>(run.size());
        for (StatementContext context : run) {
            List<DeclaredLock> locks = StatementLocks.of(context).stream()
                    .map(lock -> new DeclaredLock(lock.relation(), role(lock.target()), lock.mode())).toList();
            effects.add(new Effects(locks, work(context, typeChanges, schema)));
            schema.apply(context.statement());
        }
        return effects;
    }

    private static List<DeclaredWork> work(StatementContext context,
            Map<AlterTableAction, ColumnTypeChanges.Change> typeChanges, DeclaredSchema schema) {
        Statement statement = context.statement();
        if (statement instanceof Statement.AlterDomain domain) {
            // The work is on the tables with a column of the domain, where the run declared them.
            List<QualifiedName> tables = EarlierDeclarations.tablesUsing(domain.domain(), context.earlierInRun());
            List<DeclaredWork> work = new ArrayList<>();
            for (Work one : WholeTableWork.of(statement, context.pgVersion())) {
                for (QualifiedName table : tables.isEmpty() ? List.of(one.relation()) : tables) {
                    work.add(new DeclaredWork(table, RelationRole.TABLE, one.impact(), one.detail(), one.condition()));
                }
            }
            return work;
        }
        if (!(statement instanceof Statement.AlterTable alter)) {
            return WholeTableWork.of(statement, context.pgVersion()).stream().map(LockCatalogue::declared).toList();
        }
        QualifiedName table = alter.table();
        List<DeclaredWork> work = new ArrayList<>();
        for (AlterTableAction action : alter.actions()) {
            ColumnTypeChanges.Change change = typeChanges.get(action);
            if (change != null) {
                typeChange(table, change.change()).ifPresent(work::add);
                List<DeclaredSchema.Constraint> checks = TypeChangeRevalidatesChecks.rechecked(alter,
                        (AlterTableAction.AlterColumnType) action, schema);
                if (!checks.isEmpty()) {
                    work.add(new DeclaredWork(table, RelationRole.TABLE, TableImpact.SCAN, "to re-check constraint "
                            + checks.stream().map(DeclaredSchema.Constraint::name).collect(Collectors.joining(", ")),
                            Optional.empty()));
                }
            } else if (provenNotNull(table, action, schema, context.pgVersion())) {
                continue;
            } else {
                boolean known = action instanceof AlterTableAction.SetNotNull && context.isNewTable(table);
                for (Work one : WholeTableWork.ofAction(table, action, context.pgVersion())) {
                    // The run declared every constraint of a table it created: no unseen CHECK can spare the scan.
                    work.add(known ? certain(declared(one)) : declared(one));
                }
            }
        }
        return work;
    }

    /** Whether {@code action} sets NOT NULL on a column that a valid CHECK declared earlier proves. */
    private static boolean provenNotNull(QualifiedName table, AlterTableAction action, DeclaredSchema schema,
            int pgVersion) {
        if (action instanceof AlterTableAction.SetNotNull set) {
            return schema.provesNotNull(table, set.column());
        }
        return pgVersion >= 18 && action instanceof AlterTableAction.AddConstraint add
                && add.constraint().kind() == TableConstraint.Kind.NOT_NULL && !add.constraint().notValid()
                && add.constraint().columns().size() == 1
                && schema.provesNotNull(table, add.constraint().columns().get(0));
    }

    private static Optional<DeclaredWork> typeChange(QualifiedName table, TypeChange change) {
        return switch (change.outcome()) {
            case METADATA_ONLY -> Optional.empty();
            case INDEXES_REBUILT -> Optional.of(new DeclaredWork(table, RelationRole.TABLE, TableImpact.INDEX_BUILD,
                    change.reason(), Optional.empty()));
            case REWRITE -> Optional.of(new DeclaredWork(table, RelationRole.TABLE, TableImpact.REWRITE,
                    change.reason(), Optional.empty()));
            case TIME_ZONE_DEPENDENT -> Optional.of(new DeclaredWork(table, RelationRole.TABLE, TableImpact.REWRITE,
                    change.reason(), Optional.of("unless the session TimeZone is UTC")));
            case DEPENDS_ON_CURRENT_TYPE -> Optional.of(new DeclaredWork(table, RelationRole.TABLE,
                    TableImpact.REWRITE, "the current type is unknown", Optional.of("unless " + change.reason())));
        };
    }

    private static DeclaredWork declared(Work work) {
        return new DeclaredWork(work.relation(), role(work.target()), work.impact(), work.detail(), work.condition());
    }

    private static DeclaredWork certain(DeclaredWork work) {
        return new DeclaredWork(work.relation(), work.role(), work.impact(), work.detail(), Optional.empty());
    }

    private static RelationRole role(Target target) {
        return switch (target) {
            case TABLE -> RelationRole.TABLE;
            case VIEW -> RelationRole.VIEW;
            case MATERIALIZED_VIEW -> RelationRole.MATERIALIZED_VIEW;
            case INDEX -> RelationRole.INDEX;
            case INDEXES_OF_TABLE -> RelationRole.INDEXES_OF_TABLE;
            case TABLE_OF_INDEX -> RelationRole.TABLE_OF_INDEX;
        };
    }
}
