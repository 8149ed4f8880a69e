package dev.dbops.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.DbopsException;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.schema.ObjectKind;
import dev.dbops.schema.Schema;
import dev.dbops.schema.SchemaInspector;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {

    private static final String BASE = """
            create role dbops_diff_reader;
            create table orders (id bigint primary key, total numeric(10,2), note text);
            comment on table orders is 'orders';
            create view order_totals as select id, total from orders;
            create function noop() returns trigger language plpgsql as $$ begin return null; end $$;
            """;

    static Schema schemaOf(String sql) throws Exception {
        try (PostgresDatabase database = PostgresProvider.shared().createDatabase();
             Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("do $$ begin if not exists (select from pg_roles where rolname = 'dbops_diff_reader')"
                    + " then create role dbops_diff_reader; end if; end $$");
            statement.execute(sql.replace("create role dbops_diff_reader;", ""));
            return SchemaInspector.builder().build().inspect(connection);
        }
    }

    @Test
    void findsNothingBetweenASchemaAndItself() throws Exception {
        Schema schema = schemaOf(BASE);

        assertThat(SchemaDiff.builder().build().compare(schema, schema)).isEmpty();
    }

    @Test
    void reportsEachChangedPropertyOfAColumnWithBothValues() throws Exception {
        List<Difference> differences = SchemaDiff.builder().build().compare(
                schemaOf("create table orders (id bigint, total numeric(10,2))"),
                schemaOf("create table orders (id bigint, total numeric(12,2) not null)"));

        assertThat(differences).extracting(Difference::describe).containsExactly(
                "column public.orders.total changed: type numeric(10,2) → numeric(12,2); notNull false → true");
    }

    @Test
    void reportsAddedAndRemovedObjectsByKind() throws Exception {
        List<Difference> differences = SchemaDiff.builder().build().compare(
                schemaOf(BASE + "; create index orders_total_idx on orders (total)"),
                schemaOf(BASE + "; create table refunds (id int)"));

        assertThat(differences).extracting(Difference::kind, Difference::object, Difference::change)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ObjectKind.TABLE, "public.refunds", Difference.Change.ADDED),
                        org.assertj.core.groups.Tuple.tuple(ObjectKind.COLUMN, "public.refunds.id", Difference.Change.ADDED),
                        org.assertj.core.groups.Tuple.tuple(ObjectKind.INDEX, "public.orders_total_idx",
                                Difference.Change.REMOVED));
    }

    @Test
    void reportsATriggerOnAViewAsATrigger() throws Exception {
        List<Difference> differences = SchemaDiff.builder().build().compare(schemaOf(BASE), schemaOf(BASE
                + "; create trigger instead_of_insert instead of insert on order_totals for each row"
                + " execute function noop()"));

        assertThat(differences).extracting(Difference::kind, Difference::object)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ObjectKind.TRIGGER,
                        "public.order_totals.instead_of_insert"));
    }

    @Test
    void leavesOutWhatItIsToldToIgnore() throws Exception {
        Schema before = schemaOf(BASE);
        Schema after = schemaOf(BASE + "; comment on table orders is 'all orders'"
                + "; grant select on orders to dbops_diff_reader; alter table orders owner to dbops_diff_reader"
                + "; create schema audit; create table audit.log (id int); create table public.orders_tmp (id int)");

        SchemaDiff lenient = SchemaDiff.builder().ignoreComments().ignoreGrants().ignoreOwners()
                .ignoreSchemas("audit").ignoreObjects("public.*_tmp").build();

        assertThat(lenient.compare(before, after)).isEmpty();
        assertThat(lenient.plan(before, after).isEmpty()).isTrue();
        assertThat(SchemaDiff.builder().build().compare(before, after)).extracting(Difference::object)
                .contains("audit", "audit.log", "public.orders", "public.orders_tmp");
    }

    @Test
    void rejectsAnIgnorePatternWithoutASchema() {
        assertThatThrownBy(() -> SchemaDiff.builder().ignoreObjects("orders").build())
                .isInstanceOf(DbopsException.class)
                .hasMessageContaining("'orders' must look like schema.name");
    }
}
