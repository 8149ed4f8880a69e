package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.rules.TableLock.Target;
import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.ColumnDefinition;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import dev.dbops.sql.TableConstraint;
import dev.dbops.sql.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The work a statement may do over every row of a relation: scans that validate, index builds, rewrites
 * and table-wide writes — what takes time in proportion to the table's size. An upper bound read from
 * the statement alone: an {@code ALTER COLUMN … TYPE} that turns out to be binary-coercible or a
 * {@code SET NOT NULL} proven by a valid CHECK is reported as "may". The rules that decide rewrites
 * exactly ({@code column-type-rewrite}, {@code set-not-null-scan}…) do not use this class.
 */
final class WholeTableWork {

    /** Functions whose value is the same for every row of a statement (STABLE or IMMUTABLE), used in defaults. */
    private static final Set<String> NON_VOLATILE_DEFAULT_FUNCTIONS = Set.of("now", "current_timestamp",
            "current_date", "current_time", "localtimestamp", "localtime", "transaction_timestamp",
            "statement_timestamp", "current_user", "session_user", "current_setting", "lower", "upper", "length",
            "coalesce", "nullif", "array", "jsonb_build_object", "json_build_object", "jsonb_build_array",
            "to_jsonb", "make_interval", "make_date", "to_timestamp", "to_date", "timezone", "date_trunc",
            "md5", "abs", "round", "greatest", "least", "concat", "format",
            // type names followed by a modifier in casts: 'x'::varchar(10), 0::numeric(10,2)
            "varchar", "character", "char", "numeric", "decimal", "timestamp", "timestamptz", "time", "timetz",
            "interval", "bit", "varbit");

    private WholeTableWork() {
    }

    /**
     * One piece of whole-relation work.
     *
     * @param relation the relation worked on (for {@code INDEX}: the index named)
     * @param target what kind of relation it is
     * @param impact what happens to its rows
     * @param detail why, for messages, e.g. "to validate constraint positive"; empty when the statement says it all
     * @param online whether it runs without blocking the application's reads and writes and must not be cut
     *     short by a timeout: {@code CONCURRENTLY} forms, {@code VALIDATE CONSTRAINT}, plain {@code VACUUM}
     * @param condition when the work is only an upper bound, what spares it, e.g. "unless a valid CHECK proves
     *     it" (also part of {@code detail}, for messages); empty when the statement certainly does the work
     */
    record Work(QualifiedName relation, Target target, TableImpact impact, String detail, boolean online,
            Optional<String> condition) {

        Work {
            Objects.requireNonNull(relation, "relation");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(impact, "impact");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(condition, "condition");
        }

        /** Work the statement certainly does. */
        Work(QualifiedName relation, Target target, TableImpact impact, String detail, boolean online) {
            this(relation, target, impact, detail, online, Optional.empty());
        }

        /** Work the statement does unless {@code condition} holds; the detail names the condition for messages. */
        static Work unless(QualifiedName relation, TableImpact impact, String detail, String condition) {
            return new Work(relation, Target.TABLE, impact, detail + ", " + condition, false, Optional.of(condition));
        }

        /** The relation in words, e.g. {@code orders} or {@code index orders_idx}. */
        String describe() {
            return TableLock.on(relation, target, LockMode.NONE).describe();
        }

        /**
         * The work in words for messages: the impact, the relation and why, e.g. "scans the whole table (orders:
         * to validate constraint positive)".
         */
        String summary() {
            return impact.description() + " (" + describe() + (detail.isEmpty() ? "" : ": " + detail) + ")";
        }

        /** Whether the relation may be in use by the application (not created by the pending migrations). */
        boolean isLive(StatementContext context) {
            if (target == Target.TABLE_OF_INDEX || target == Target.INDEX) {
                return true;
            }
            return context.isLiveTable(relation);
        }
    }

    /**
     * The whole-relation work of {@code context}'s statement on relations the application may be using; a
     * {@code SET NOT NULL} that a valid {@code CHECK (col IS NOT NULL)} from earlier in the run proves does not scan.
     */
    static List<Work> onLiveRelations(StatementContext context) {
        BiPredicate<QualifiedName, String> proven = (table, column) -> false;
        if (setsNotNull(context.statement())) {
            proven = DeclaredSchema.asOf(context)::provesNotNull;
        }
        return of(context.statement(), context.pgVersion(), proven).stream().filter(work -> work.isLive(context))
                .toList();
    }

    /** The whole-relation work {@code statement} may do on PostgreSQL {@code pgVersion}. */
    static List<Work> of(Statement statement, int pgVersion) {
        return of(statement, pgVersion, (table, column) -> false);
    }

    /**
     * The whole-relation work {@code action} of an {@code ALTER TABLE} on {@code table} may do on PostgreSQL
     * {@code pgVersion}, {@code SET NOT NULL} included (the caller decides whether a CHECK proves it).
     */
    static List<Work> ofAction(QualifiedName table, AlterTableAction action, int pgVersion) {
        List<Work> work = new ArrayList<>();
        alterAction(table, action, pgVersion, work);
        return List.copyOf(work);
    }

    private static boolean setsNotNull(Statement statement) {
        return statement instanceof Statement.AlterTable alter
                && alter.actions().stream().anyMatch(action -> action instanceof AlterTableAction.SetNotNull);
    }

    private static List<Work> of(Statement statement, int pgVersion, BiPredicate<QualifiedName, String> notNullProven) {
        List<Work> work = new ArrayList<>();
        if (statement instanceof Statement.CreateIndex create) {
            if (!create.only()) {
                work.add(new Work(create.table(), Target.TABLE, TableImpact.INDEX_BUILD,
                        create.concurrently() ? "concurrently" : "", create.concurrently()));
            }
        } else if (statement instanceof Statement.Reindex reindex) {
            reindex(reindex, work);
        } else if (statement instanceof Statement.AlterTable alter) {
            for (AlterTableAction action : alter.actions()) {
                if (!(action instanceof AlterTableAction.SetNotNull set && notNullProven.test(alter.table(), set.column()))) {
                    alterAction(alter.table(), action, pgVersion, work);
                }
            }
        } else if (statement instanceof Statement.Vacuum vacuum) {
            for (QualifiedName table : vacuum.tables()) {
                work.add(vacuum.full() ? new Work(table, Target.TABLE, TableImpact.REWRITE, "VACUUM FULL", false)
                        : new Work(table, Target.TABLE, TableImpact.SCAN, "VACUUM", true));
            }
        } else if (statement instanceof Statement.Cluster cluster) {
            cluster.table().ifPresent(table -> work.add(new Work(table, Target.TABLE, TableImpact.REWRITE,
                    "CLUSTER rewrites it in index order", false)));
        } else if (statement instanceof Statement.RefreshMaterializedView refresh && !refresh.withNoData()) {
            work.add(new Work(refresh.view(), Target.MATERIALIZED_VIEW, TableImpact.REWRITE,
                    "recomputes its query", refresh.concurrently()));
        } else if (statement instanceof Statement.DataChange change) {
            dataChange(change, work);
        } else if (statement instanceof Statement.AlterDomain domain) {
            alterDomain(domain, work);
        }
        return List.copyOf(work);
    }

    private static void reindex(Statement.Reindex reindex, List<Work> work) {
        if (reindex.name().isEmpty()) {
            return;
        }
        if (reindex.target() == Statement.ObjectKind.INDEX) {
            work.add(new Work(reindex.name().get(), Target.INDEX, TableImpact.INDEX_BUILD, "", reindex.concurrently()));
        } else if (reindex.target() == Statement.ObjectKind.TABLE) {
            work.add(new Work(reindex.name().get(), Target.TABLE, TableImpact.INDEX_BUILD, "every index",
                    reindex.concurrently()));
        }
    }

    private static void dataChange(Statement.DataChange change, List<Work> work) {
        boolean tableWide = switch (change.kind()) {
            case UPDATE, DELETE -> !change.hasWhere();
            case MERGE -> true;
            default -> false;
        };
        if (tableWide) {
            work.add(new Work(change.table(), Target.TABLE, TableImpact.WRITE_ALL_ROWS,
                    change.kind() == Statement.DataChangeKind.MERGE ? "MERGE may touch every row"
                            : change.kind().name() + " without WHERE", false));
        }
    }

    /** Whether an {@code ALTER DOMAIN} checks the values of every column of the domain. */
    static boolean validatesDomain(Statement.AlterDomain domain) {
        String change = domain.change().toUpperCase(Locale.ROOT);
        return change.startsWith("ADD") && !domain.notValid() || change.startsWith("SET NOT NULL")
                || change.startsWith("VALIDATE");
    }

    private static void alterDomain(Statement.AlterDomain domain, List<Work> work) {
        if (validatesDomain(domain)) {
            // The tables using the domain are unknown; the domain stands for them. They are checked under SHARE
            // (writes blocked), also for VALIDATE, so none of this counts as online.
            work.add(new Work(domain.domain(), Target.TABLE, TableImpact.SCAN,
                    "every table with a column of this domain is checked", false));
        }
    }

    private static void alterAction(QualifiedName table, AlterTableAction action, int pgVersion, List<Work> work) {
        if (action instanceof AlterTableAction.AddColumn add) {
            addColumn(table, add.column(), pgVersion, work);
        } else if (action instanceof AlterTableAction.AlterColumnType type) {
            if (type.using().isPresent() || !probablyWidening(type.type())) {
                work.add(Work.unless(table, TableImpact.REWRITE, "ALTER COLUMN " + type.column() + " TYPE "
                        + type.type().text(), "unless the change is binary-compatible"));
            }
        } else if (action instanceof AlterTableAction.SetNotNull notNull) {
            work.add(Work.unless(table, TableImpact.SCAN, "to check SET NOT NULL on " + notNull.column(),
                    "unless a valid CHECK (" + notNull.column() + " IS NOT NULL) proves it"));
        } else if (action instanceof AlterTableAction.AddConstraint add) {
            addConstraint(table, add.constraint(), work);
        } else if (action instanceof AlterTableAction.ValidateConstraint validate) {
            work.add(new Work(table, Target.TABLE, TableImpact.SCAN, "to validate constraint " + validate.name(), true));
        } else if (action instanceof AlterTableAction.SetTablespace) {
            work.add(new Work(table, Target.TABLE, TableImpact.REWRITE, "SET TABLESPACE copies it", false));
        } else if (action instanceof AlterTableAction.SetLogged logged) {
            work.add(new Work(table, Target.TABLE, TableImpact.REWRITE, logged.logged() ? "SET LOGGED" : "SET UNLOGGED",
                    false));
        } else if (action instanceof AlterTableAction.SetAccessMethod) {
            work.add(new Work(table, Target.TABLE, TableImpact.REWRITE, "SET ACCESS METHOD", false));
        } else if (action instanceof AlterTableAction.AttachPartition attach) {
            work.add(Work.unless(attach.partition(), TableImpact.SCAN, "to check the partition bound",
                    "unless a valid CHECK proves it"));
        } else if (action instanceof AlterTableAction.Other other
                && other.keywords().toUpperCase(Locale.ROOT).contains("SET EXPRESSION")) {
            work.add(new Work(table, Target.TABLE, TableImpact.REWRITE, "ALTER COLUMN … SET EXPRESSION", false));
        }
    }

    private static void addColumn(QualifiedName table, ColumnDefinition column, int pgVersion, List<Work> work) {
        String name = column.name();
        if (column.isSerial() || column.identity().isPresent()) {
            work.add(new Work(table, Target.TABLE, TableImpact.REWRITE,
                    "to fill new column " + name + " from a sequence", false));
        } else if (column.generated().isPresent() && (column.generatedStored() || pgVersion < 18)) {
            work.add(new Work(table, Target.TABLE, TableImpact.REWRITE,
                    "to compute stored generated column " + name, false));
        } else if (column.defaultValue().isPresent() && hasVolatileCall(column.defaultValue().get().calledFunctions())) {
            work.add(new Work(table, Target.TABLE, TableImpact.REWRITE,
                    "to fill new column " + name + " from a volatile default", false));
        }
        if (column.primaryKey() || column.unique()) {
            work.add(new Work(table, Target.TABLE, TableImpact.INDEX_BUILD,
                    "the " + (column.primaryKey() ? "primary key" : "unique") + " index of new column " + name, false));
        } else if (!column.checks().isEmpty() || column.references().isPresent()) {
            work.add(new Work(table, Target.TABLE, TableImpact.SCAN,
                    "to check the constraints of new column " + name, false));
        }
    }

    private static void addConstraint(QualifiedName table, TableConstraint constraint, List<Work> work) {
        String name = constraint.name().map(n -> " " + n).orElse("");
        switch (constraint.kind()) {
            case PRIMARY_KEY:
            case UNIQUE:
                if (constraint.usingIndex().isEmpty()) {
                    work.add(new Work(table, Target.TABLE, TableImpact.INDEX_BUILD, "for constraint" + name, false));
                } else if (constraint.kind() == TableConstraint.Kind.PRIMARY_KEY) {
                    work.add(Work.unless(table, TableImpact.SCAN, "to check that the primary key columns are NOT NULL",
                            "unless they already are"));
                }
                break;
            case EXCLUDE:
                work.add(new Work(table, Target.TABLE, TableImpact.INDEX_BUILD, "for exclusion constraint" + name, false));
                break;
            default:
                if (!constraint.notValid()) {
                    String what = constraint.kind() == TableConstraint.Kind.FOREIGN_KEY ? "foreign key" : "constraint";
                    work.add(new Work(table, Target.TABLE, TableImpact.SCAN, "to validate " + what + name, false));
                    constraint.references().filter(reference -> !reference.table().sameObjectAs(table))
                            .ifPresent(reference -> work.add(Work.unless(reference.table(), TableImpact.SCAN,
                                    "to validate foreign key" + name + " from " + table.display(),
                                    "unless the planner looks up each referencing row by index instead")));
                }
                break;
        }
    }

    /** Type targets that are usually metadata-only widenings (varchar(n) → varchar(m)/text, numeric precision up). */
    private static boolean probablyWidening(TypeName type) {
        return !type.isArray() && (type.is("text") || type.is("character varying") || type.is("numeric")
                || type.is("bit varying") || type.is("inet"));
    }

    static boolean hasVolatileCall(List<String> functions) {
        for (String function : functions) {
            if (!NON_VOLATILE_DEFAULT_FUNCTIONS.contains(function.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
