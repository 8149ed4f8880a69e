package dev.dbops.diff;

import dev.dbops.DbopsException;
import dev.dbops.schema.Schema;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The DDL that turns one schema into another, in dependency order, each statement with its
 * hazards and lock.
 *
 * <p>Objects that cannot be altered in place are dropped and created again together with what
 * depends on them; on existing tables the plan prefers online forms (indexes built CONCURRENTLY,
 * constraints added NOT VALID and validated separately, NOT NULL proven by a validated check).
 *
 * <pre>{@code
 * MigrationPlan plan = MigrationPlan.between(live, expected);
 * if (plan.hazards().contains(Hazard.DATA_LOSS)) { … }
 * Files.writeString(path, plan.toSql());
 * }</pre>
 *
 * @param statements the statements, in the order they must run
 */
public record MigrationPlan(List<PlannedStatement> statements) {

    /** Creates a plan; the list is copied. */
    public MigrationPlan {
        statements = List.copyOf(Objects.requireNonNull(statements, "statements"));
    }

    /**
     * Plans the DDL that turns {@code from} into {@code to}. Both schemas are planned as they are:
     * normalize them first (see {@link SchemaDiff#plan}) to leave owners, grants or objects out.
     *
     * @throws DbopsException when the objects' dependencies form a cycle the planner cannot order;
     *     the message names the statements of the cycle
     */
    public static MigrationPlan between(Schema from, Schema to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        PlanContext ctx = new PlanContext(from, to);
        ctx.replacements = PlanReplacements.of(ctx);
        PlanSchemas.plan(ctx);
        PlanTypes.plan(ctx);
        PlanDomains.plan(ctx);
        PlanSequences.plan(ctx);
        PlanFunctions.plan(ctx);
        PlanTables.plan(ctx);
        PlanViews.plan(ctx);
        return new MigrationPlan(PlanOrder.sort(ctx.steps()).stream().map(PlanStep::toStatement).toList());
    }

    /** Whether the two schemas are already the same: there is nothing to run. */
    public boolean isEmpty() {
        return statements.isEmpty();
    }

    /** Every hazard of every statement. */
    public Set<Hazard> hazards() {
        EnumSet<Hazard> all = EnumSet.noneOf(Hazard.class);
        statements.forEach(s -> all.addAll(s.hazards()));
        return all;
    }

    /** Whether every statement can run inside one transaction block. */
    public boolean transactional() {
        return statements.stream().allMatch(PlannedStatement::transactional);
    }

    /**
     * The plan as an SQL script: a header, {@code SET check_function_bodies = false} when the plan
     * creates functions (so that a body may mention objects created later), then each statement
     * terminated by {@code ;}, preceded by comment lines naming its hazards, its note, and whether it
     * must run outside a transaction block.
     */
    public String toSql() {
        StringBuilder sql = new StringBuilder("-- dbops migration plan: ");
        if (statements.isEmpty()) {
            return sql.append("no changes\n").toString();
        }
        sql.append(statements.size()).append(statements.size() == 1 ? " statement" : " statements");
        Set<Hazard> hazards = hazards();
        if (!hazards.isEmpty()) {
            sql.append("; hazards: ").append(names(hazards));
        }
        sql.append('\n');
        if (!transactional()) {
            sql.append("-- Statements marked \"not transactional\" cannot run inside a transaction block.\n");
        }
        if (statements.stream().anyMatch(s -> s.sql().startsWith("CREATE OR REPLACE FUNCTION")
                || s.sql().startsWith("CREATE OR REPLACE PROCEDURE"))) {
            sql.append("SET check_function_bodies = false;\n");
        }
        for (PlannedStatement statement : statements) {
            sql.append('\n');
            if (!statement.hazards().isEmpty()) {
                sql.append("-- hazards: ").append(names(statement.hazards())).append('\n');
            }
            statement.note().ifPresent(note -> sql.append("-- note: ").append(note).append('\n'));
            if (!statement.transactional()) {
                sql.append("-- not transactional: run outside a transaction block\n");
            }
            sql.append(statement.sql()).append(";\n");
        }
        return sql.toString();
    }

    private static String names(Set<Hazard> hazards) {
        return hazards.stream().map(Hazard::name).collect(Collectors.joining(", "));
    }
}
