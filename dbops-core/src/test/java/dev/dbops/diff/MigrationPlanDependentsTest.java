package dev.dbops.diff;

import static dev.dbops.diff.MigrationPlanSchemas.column;
import static dev.dbops.diff.MigrationPlanSchemas.enumType;
import static dev.dbops.diff.MigrationPlanSchemas.function;
import static dev.dbops.diff.MigrationPlanSchemas.ofType;
import static dev.dbops.diff.MigrationPlanSchemas.ref;
import static dev.dbops.diff.MigrationPlanSchemas.schema;
import static dev.dbops.diff.MigrationPlanSchemas.table;
import static dev.dbops.diff.MigrationPlanSchemas.view;
import static dev.dbops.diff.MigrationPlanSchemas.viewColumn;
import static dev.dbops.diff.MigrationPlanSchemas.withDefault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.DbopsException;
import dev.dbops.schema.Column;
import dev.dbops.schema.ObjectKind;
import dev.dbops.schema.ObjectRef;
import dev.dbops.schema.Schema;
import dev.dbops.schema.Table;
import dev.dbops.schema.View;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The planner's handling of what depends on what: views, enums, functions and the ordering itself. */
class MigrationPlanDependentsTest {

    private static List<String> sql(MigrationPlan plan) {
        return plan.statements().stream().map(PlannedStatement::sql).toList();
    }

    @Test
    void dropsAndRecreatesAViewAroundATypeChangeOfAColumnItReads() {
        Column price = column("price", "numeric(10,2)");
        Table before = table("items", List.of(column("id", "integer"), price));
        Table after = table("items", List.of(column("id", "integer"), ofType(price, "numeric(12,4)")));
        String query = " SELECT items.price\n   FROM public.items;";
        View oldView = view("prices", query, List.of(viewColumn("price", "numeric(10,2)")), ref("items"));
        View newView = view("prices", query, List.of(viewColumn("price", "numeric(12,4)")), ref("items"));

        MigrationPlan plan = MigrationPlan.between(schema().tables(before).views(oldView).build(),
                schema().tables(after).views(newView).build());

        assertThat(sql(plan)).containsExactly(
                "DROP VIEW \"public\".\"prices\"",
                "ALTER TABLE \"public\".\"items\" ALTER COLUMN \"price\" TYPE numeric(12,4)"
                        + " USING \"price\"::numeric(12,4)",
                "CREATE VIEW \"public\".\"prices\" AS\nSELECT items.price\n   FROM public.items",
                "ALTER VIEW \"public\".\"prices\" OWNER TO \"app\"");
    }

    @Test
    void addsEnumValuesInPlaceWhenLabelsAreOnlyInserted() {
        MigrationPlan plan = MigrationPlan.between(schema().enums(enumType("mood", "sad", "happy")).build(),
                schema().enums(enumType("mood", "angry", "sad", "ok", "happy", "ecstatic")).build());

        assertThat(sql(plan)).containsExactly(
                "ALTER TYPE \"public\".\"mood\" ADD VALUE 'angry' BEFORE 'sad'",
                "ALTER TYPE \"public\".\"mood\" ADD VALUE 'ok' BEFORE 'happy'",
                "ALTER TYPE \"public\".\"mood\" ADD VALUE 'ecstatic' AFTER 'happy'");
        assertThat(plan.statements().get(0).note()).hasValueSatisfying(n -> assertThat(n).contains("commits"));
    }

    @Test
    void recreatesAnEnumThatLosesALabelAndConvertsItsColumnsThroughText() {
        Column mood = withDefault(column("mood", "public.mood"), "'sad'::public.mood");
        Table people = table("people", List.of(mood), List.of(), List.of(),
                List.of(new ObjectRef(ObjectKind.ENUM, "public", "mood")));

        MigrationPlan plan = MigrationPlan.between(
                schema().enums(enumType("mood", "sad", "meh", "happy")).tables(people).build(),
                schema().enums(enumType("mood", "sad", "happy")).tables(people).build());

        assertThat(sql(plan)).containsExactly(
                "ALTER TYPE \"public\".\"mood\" RENAME TO \"mood__dbops_old\"",
                "CREATE TYPE \"public\".\"mood\" AS ENUM ('sad', 'happy')",
                "ALTER TABLE \"public\".\"people\" ALTER COLUMN \"mood\" DROP DEFAULT",
                "ALTER TABLE \"public\".\"people\" ALTER COLUMN \"mood\" TYPE public.mood"
                        + " USING \"mood\"::text::public.mood",
                "ALTER TABLE \"public\".\"people\" ALTER COLUMN \"mood\" SET DEFAULT 'sad'::public.mood",
                "DROP TYPE \"public\".\"mood__dbops_old\"",
                "ALTER TYPE \"public\".\"mood\" OWNER TO \"app\"");
        assertThat(plan.statements().get(3).hazards()).contains(Hazard.DATA_LOSS, Hazard.TABLE_REWRITE);
    }

    @Test
    void replacesAFunctionBodyInPlaceButRecreatesItWhenTheResultTypeChanges() {
        String header = "CREATE OR REPLACE FUNCTION public.f(a integer)\n";
        String returns = " RETURNS integer\n LANGUAGE sql\nAS $$ SELECT ";
        var one = function("f", "a integer", "integer", header + returns + "1 $$\n");
        var two = function("f", "a integer", "integer", header + returns + "2 $$\n");
        var text = function("f", "a integer", "text", header + " RETURNS text\n LANGUAGE sql\nAS $$ SELECT 'x' $$\n");

        MigrationPlan body = MigrationPlan.between(schema().functions(one).build(), schema().functions(two).build());
        MigrationPlan result = MigrationPlan.between(schema().functions(one).build(), schema().functions(text).build());

        assertThat(sql(body)).containsExactly(two.definition().strip());
        assertThat(body.statements().get(0).hazards()).containsExactly(Hazard.CORRECTNESS);
        assertThat(sql(result)).startsWith("DROP FUNCTION \"public\".\"f\"(a integer)", text.definition().strip());
        assertThat(result.toSql()).contains("SET check_function_bodies = false;\n");
    }

    @Test
    void treatsARenamedArgumentAsAChangeOfTheSameFunction() {
        var before = function("f", "a integer", "integer",
                "CREATE OR REPLACE FUNCTION public.f(a integer)\n RETURNS integer\n LANGUAGE sql\nAS $$ SELECT 1 $$");
        var after = function("f", "b integer", "integer",
                "CREATE OR REPLACE FUNCTION public.f(b integer)\n RETURNS integer\n LANGUAGE sql\nAS $$ SELECT 1 $$");

        MigrationPlan plan = MigrationPlan.between(schema().functions(before).build(),
                schema().functions(after).build());

        assertThat(sql(plan)).startsWith("DROP FUNCTION \"public\".\"f\"(a integer)", after.definition());
    }

    @Test
    void reportsADependencyCycleWithItsStatements() {
        PlanStep first = new PlanStep(0, PlanPhase.TABLE, "CREATE TABLE a").provides("a").requires("b");
        PlanStep second = new PlanStep(1, PlanPhase.TABLE, "CREATE TABLE b").provides("b").requires("a");
        PlanStep free = new PlanStep(2, PlanPhase.SCHEMA, "CREATE SCHEMA s");

        assertThatThrownBy(() -> PlanOrder.sort(List.of(first, second, free)))
                .isInstanceOf(DbopsException.class)
                .hasMessageContaining("cycle")
                .hasMessageContaining("[CREATE TABLE a] → [CREATE TABLE b] → [CREATE TABLE a]");
    }

    @Test
    void ordersByDependenciesBeforePhases() {
        PlanStep view = new PlanStep(0, PlanPhase.DROP_VIEW, "DROP VIEW v").releases("t");
        PlanStep table = new PlanStep(1, PlanPhase.SCHEMA, "DROP TABLE t").drops("t");
        PlanStep recreate = new PlanStep(2, PlanPhase.SCHEMA, "CREATE TABLE t").provides("t");

        assertThat(PlanOrder.sort(List.of(recreate, table, view))).containsExactly(view, table, recreate);
    }

    @Test
    void plansEverythingFromAnEmptySchemaAndBackToIt() {
        Schema full = schema().enums(enumType("mood", "sad")).tables(table("t", List.of(column("m", "public.mood")),
                List.of(), List.of(), List.of(new ObjectRef(ObjectKind.ENUM, "public", "mood")))).build();

        assertThat(sql(MigrationPlan.between(schema().build(), full))).containsExactly(
                "CREATE TYPE \"public\".\"mood\" AS ENUM ('sad')",
                "CREATE TABLE \"public\".\"t\" (\n    \"m\" public.mood\n)",
                "ALTER TYPE \"public\".\"mood\" OWNER TO \"app\"",
                "ALTER TABLE \"public\".\"t\" OWNER TO \"app\"");
        assertThat(sql(MigrationPlan.between(full, schema().build())))
                .containsExactly("DROP TABLE \"public\".\"t\"", "DROP TYPE \"public\".\"mood\"");
    }
}
