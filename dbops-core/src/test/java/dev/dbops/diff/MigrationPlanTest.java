package dev.dbops.diff;

import static dev.dbops.diff.MigrationPlanSchemas.column;
import static dev.dbops.diff.MigrationPlanSchemas.constraint;
import static dev.dbops.diff.MigrationPlanSchemas.foreignKey;
import static dev.dbops.diff.MigrationPlanSchemas.index;
import static dev.dbops.diff.MigrationPlanSchemas.notNull;
import static dev.dbops.diff.MigrationPlanSchemas.ofType;
import static dev.dbops.diff.MigrationPlanSchemas.partitioned;
import static dev.dbops.diff.MigrationPlanSchemas.schema;
import static dev.dbops.diff.MigrationPlanSchemas.table;
import static dev.dbops.diff.MigrationPlanSchemas.withGrants;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.schema.Column;
import dev.dbops.schema.ConstraintType;
import dev.dbops.schema.Grant;
import dev.dbops.schema.Schema;
import dev.dbops.schema.Table;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The planner's forms for tables, columns, constraints, indexes and grants, on hand-built schemas. */
class MigrationPlanTest {

    private static final Column ID = notNull(column("id", "integer"));

    private static List<String> sql(MigrationPlan plan) {
        return plan.statements().stream().map(PlannedStatement::sql).toList();
    }

    private static Schema withTable(Table table) {
        return schema().tables(table).build();
    }

    @Test
    void plansNothingBetweenEqualSchemas() {
        Schema schema = withTable(table("orders", List.of(ID)));

        MigrationPlan plan = MigrationPlan.between(schema, schema);

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.toSql()).isEqualTo("-- dbops migration plan: no changes\n");
    }

    @Test
    void setsNotNullOnlineOnAnExistingTable() {
        Column note = column("note", "text");
        MigrationPlan plan = MigrationPlan.between(withTable(table("orders", List.of(ID, note))),
                withTable(table("orders", List.of(ID, notNull(note)))));

        assertThat(sql(plan)).containsExactly(
                "ALTER TABLE \"public\".\"orders\" ADD CONSTRAINT \"note_not_null_dbops\" CHECK (\"note\" IS NOT NULL)"
                        + " NOT VALID",
                "ALTER TABLE \"public\".\"orders\" VALIDATE CONSTRAINT \"note_not_null_dbops\"",
                "ALTER TABLE \"public\".\"orders\" ALTER COLUMN \"note\" SET NOT NULL",
                "ALTER TABLE \"public\".\"orders\" DROP CONSTRAINT \"note_not_null_dbops\"");
        PlannedStatement validate = plan.statements().get(1);
        assertThat(validate.hazards()).containsExactly(Hazard.FULL_TABLE_SCAN);
        assertThat(validate.lock()).isEqualTo(LockMode.SHARE_UPDATE_EXCLUSIVE);
        assertThat(plan.statements().get(2).hazards()).containsExactly(Hazard.ACCESS_EXCLUSIVE_LOCK);
        assertThat(plan.statements().get(2).note()).hasValueSatisfying(n -> assertThat(n).contains("skips the scan"));
    }

    @Test
    void addsCheckAndForeignKeyNotValidThenValidatesThem() {
        Table customers = table("customers", List.of(ID), List.of(constraint("customers_pkey",
                ConstraintType.PRIMARY_KEY, "PRIMARY KEY (id)")), List.of(), List.of());
        Column customer = column("customer_id", "integer");
        Table before = table("orders", List.of(ID, customer));
        Table after = table("orders", List.of(ID, customer), List.of(
                constraint("orders_id_check", ConstraintType.CHECK, "CHECK ((id > 0))"),
                foreignKey("orders_customer_fk", "FOREIGN KEY (customer_id) REFERENCES public.customers(id)",
                        "customers")), List.of(), List.of());

        MigrationPlan plan = MigrationPlan.between(schema().tables(customers, before).build(),
                schema().tables(customers, after).build());

        assertThat(sql(plan)).containsExactly(
                "ALTER TABLE \"public\".\"orders\" ADD CONSTRAINT \"orders_id_check\" CHECK ((id > 0)) NOT VALID",
                "ALTER TABLE \"public\".\"orders\" VALIDATE CONSTRAINT \"orders_id_check\"",
                "ALTER TABLE \"public\".\"orders\" ADD CONSTRAINT \"orders_customer_fk\" FOREIGN KEY (customer_id)"
                        + " REFERENCES public.customers(id) NOT VALID",
                "ALTER TABLE \"public\".\"orders\" VALIDATE CONSTRAINT \"orders_customer_fk\"");
        assertThat(plan.statements().get(2).lock()).isEqualTo(LockMode.SHARE_ROW_EXCLUSIVE);
        assertThat(plan.statements().get(2).hazards()).containsExactly(Hazard.BLOCKS_WRITES);
        assertThat(plan.statements().get(3).hazards()).containsExactly(Hazard.FULL_TABLE_SCAN);
    }

    @Test
    void validatesAConstraintThatBecomesValid() {
        var notValid = new dev.dbops.schema.Constraint("c", ConstraintType.CHECK, "CHECK ((id > 0))", false, false,
                false, java.util.Optional.empty(), java.util.Optional.empty());
        var valid = constraint("c", ConstraintType.CHECK, "CHECK ((id > 0))");

        MigrationPlan plan = MigrationPlan.between(
                withTable(table("t", List.of(ID), List.of(notValid), List.of(), List.of())),
                withTable(table("t", List.of(ID), List.of(valid), List.of(), List.of())));

        assertThat(sql(plan)).containsExactly("ALTER TABLE \"public\".\"t\" VALIDATE CONSTRAINT \"c\"");
    }

    @Test
    void buildsAPrimaryKeyIndexConcurrentlyAndAdoptsIt() {
        MigrationPlan plan = MigrationPlan.between(withTable(table("t", List.of(ID))),
                withTable(table("t", List.of(ID), List.of(constraint("t_pkey", ConstraintType.PRIMARY_KEY,
                        "PRIMARY KEY (id) INCLUDE (id2)")), List.of(), List.of())));

        assertThat(sql(plan)).containsExactly(
                "CREATE UNIQUE INDEX CONCURRENTLY \"t_pkey\" ON \"public\".\"t\" USING btree (id) INCLUDE (id2)",
                "ALTER TABLE \"public\".\"t\" ADD CONSTRAINT \"t_pkey\" PRIMARY KEY USING INDEX \"t_pkey\"");
        assertThat(plan.statements().get(0).transactional()).isFalse();
        assertThat(plan.statements().get(0).hazards())
                .containsExactlyInAnyOrder(Hazard.INDEX_BUILD, Hazard.NOT_TRANSACTIONAL);
        assertThat(plan.transactional()).isFalse();
        assertThat(plan.toSql()).contains("-- not transactional: run outside a transaction block\n"
                + "CREATE UNIQUE INDEX CONCURRENTLY");
    }

    @Test
    void addsAnExclusionConstraintPlainlyBecauseItCannotAdoptAnIndex() {
        MigrationPlan plan = MigrationPlan.between(withTable(table("t", List.of(ID))),
                withTable(table("t", List.of(ID), List.of(constraint("t_excl", ConstraintType.EXCLUDE,
                        "EXCLUDE USING gist (id WITH =)")), List.of(), List.of())));

        assertThat(sql(plan)).containsExactly(
                "ALTER TABLE \"public\".\"t\" ADD CONSTRAINT \"t_excl\" EXCLUDE USING gist (id WITH =)");
        assertThat(plan.statements().get(0).note()).hasValueSatisfying(n -> assertThat(n).contains("USING INDEX"));
    }

    @Test
    void createsIndexesConcurrentlyOnlyWhereItIsPossible() {
        var byId = index("t_id_idx", "CREATE INDEX t_id_idx ON public.t USING btree (id)");
        var parentIndex = index("p_id_idx", "CREATE INDEX p_id_idx ON ONLY public.p USING btree (id)");
        Table p = partitioned(table("p", List.of(ID)), "RANGE (id)");
        Schema before = schema().tables(table("t", List.of(ID)), p).build();
        Schema after = schema().tables(table("t", List.of(ID), List.of(), List.of(byId), List.of()),
                partitioned(table("p", List.of(ID), List.of(), List.of(parentIndex), List.of()), "RANGE (id)"),
                table("n", List.of(ID), List.of(), List.of(index("n_idx", "CREATE INDEX n_idx ON public.n USING"
                        + " btree (id)")), List.of())).build();

        List<String> sql = sql(MigrationPlan.between(before, after));

        assertThat(sql).contains("CREATE INDEX CONCURRENTLY t_id_idx ON public.t USING btree (id)",
                "CREATE INDEX p_id_idx ON public.p USING btree (id)",
                "CREATE INDEX n_idx ON public.n USING btree (id)");
        assertThat(sql(MigrationPlan.between(after, before))).contains(
                "DROP INDEX CONCURRENTLY \"public\".\"t_id_idx\"",
                "DROP INDEX \"public\".\"p_id_idx\"");
    }

    @Test
    void addsForeignKeysAfterThePrimaryKeysTheyReference() {
        Table orders = table("orders", List.of(ID, column("customer_id", "integer")), List.of(
                foreignKey("orders_customer_fk", "FOREIGN KEY (customer_id) REFERENCES public.customers(id)",
                        "customers")), List.of(), List.of());
        Table customers = table("customers", List.of(ID), List.of(constraint("customers_pkey",
                ConstraintType.PRIMARY_KEY, "PRIMARY KEY (id)")), List.of(), List.of());

        List<String> sql = sql(MigrationPlan.between(schema().build(), schema().tables(orders, customers).build()));

        int fk = sql.indexOf("ALTER TABLE \"public\".\"orders\" ADD CONSTRAINT \"orders_customer_fk\" FOREIGN KEY"
                + " (customer_id) REFERENCES public.customers(id)");
        assertThat(fk).isGreaterThan(sql.indexOf("CREATE TABLE \"public\".\"customers\" (\n    \"id\" integer NOT NULL,"
                + "\n    CONSTRAINT \"customers_pkey\" PRIMARY KEY (id)\n)"));
        assertThat(fk).isGreaterThan(sql.indexOf("CREATE TABLE \"public\".\"orders\" (\n    \"id\" integer NOT NULL,"
                + "\n    \"customer_id\" integer\n)"));
        assertThat(sql(MigrationPlan.between(schema().tables(orders, customers).build(), schema().build())))
                .containsExactly("DROP TABLE \"public\".\"orders\"", "DROP TABLE \"public\".\"customers\"");
    }

    @Test
    void changesAColumnTypeWithUsingAndWarnsOfTheRewrite() {
        Column amount = column("amount", "integer");
        MigrationPlan plan = MigrationPlan.between(withTable(table("t", List.of(ID, amount))),
                withTable(table("t", List.of(ID, ofType(amount, "bigint")))));

        assertThat(sql(plan)).containsExactly(
                "ALTER TABLE \"public\".\"t\" ALTER COLUMN \"amount\" TYPE bigint USING \"amount\"::bigint");
        assertThat(plan.statements().get(0).hazards())
                .containsExactlyInAnyOrder(Hazard.TABLE_REWRITE, Hazard.ACCESS_EXCLUSIVE_LOCK);
    }

    @Test
    void widensVarcharWithoutRewrite() {
        Column name = column("name", "character varying(20)");
        MigrationPlan plan = MigrationPlan.between(withTable(table("t", List.of(name))),
                withTable(table("t", List.of(ofType(name, "character varying(50)")))));

        assertThat(sql(plan)).containsExactly(
                "ALTER TABLE \"public\".\"t\" ALTER COLUMN \"name\" TYPE character varying(50)");
        assertThat(plan.statements().get(0).hazards()).containsExactly(Hazard.ACCESS_EXCLUSIVE_LOCK);
        assertThat(plan.statements().get(0).note()).hasValueSatisfying(n -> assertThat(n).contains("no table rewrite"));
    }

    @Test
    void dropsAColumnWithDataLoss() {
        MigrationPlan plan = MigrationPlan.between(withTable(table("t", List.of(ID, column("gone", "text")))),
                withTable(table("t", List.of(ID))));

        assertThat(sql(plan)).containsExactly("ALTER TABLE \"public\".\"t\" DROP COLUMN \"gone\"");
        assertThat(plan.hazards()).contains(Hazard.DATA_LOSS);
        assertThat(plan.toSql()).contains("-- hazards: DATA_LOSS, ACCESS_EXCLUSIVE_LOCK\n"
                + "ALTER TABLE \"public\".\"t\" DROP COLUMN \"gone\";\n");
    }

    @Test
    void quotesNastyNamesEverywhere() {
        Column weird = column("we\"ird", "text");
        Table before = table("order items", List.of(column("größe", "integer")));
        Table after = table("order items", List.of(column("größe", "integer"), weird));

        assertThat(sql(MigrationPlan.between(withTable(before), withTable(after))))
                .containsExactly("ALTER TABLE \"public\".\"order items\" ADD COLUMN \"we\"\"ird\" text");
        assertThat(sql(MigrationPlan.between(withTable(after), withTable(before))))
                .containsExactly("ALTER TABLE \"public\".\"order items\" DROP COLUMN \"we\"\"ird\"");
    }

    @Test
    void grantsAndRevokesTheDifferenceWithPublicUnquoted() {
        Table before = withGrants(table("t", List.of(ID)), withExtra(new Grant(Grant.PUBLIC, "SELECT", false)));
        Table after = withGrants(table("t", List.of(ID)), withExtra(new Grant("we\"ird", "SELECT", true),
                new Grant("we\"ird", "INSERT", true)));

        MigrationPlan plan = MigrationPlan.between(withTable(before), withTable(after));

        assertThat(sql(plan)).containsExactly("REVOKE SELECT ON TABLE \"public\".\"t\" FROM PUBLIC",
                "GRANT INSERT, SELECT ON TABLE \"public\".\"t\" TO \"we\"\"ird\" WITH GRANT OPTION");
        assertThat(plan.hazards()).containsExactly(Hazard.AUTHZ_CHANGE);
    }

    private static List<Grant> withExtra(Grant... extra) {
        List<Grant> grants = new ArrayList<>(MigrationPlanSchemas.ownerGrants());
        grants.addAll(List.of(extra));
        return grants;
    }
}
