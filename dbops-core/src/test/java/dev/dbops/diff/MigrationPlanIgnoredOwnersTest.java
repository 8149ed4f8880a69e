package dev.dbops.diff;

import static dev.dbops.diff.MigrationPlanSchemas.column;
import static dev.dbops.diff.MigrationPlanSchemas.notNull;
import static dev.dbops.diff.MigrationPlanSchemas.schema;
import static dev.dbops.diff.MigrationPlanSchemas.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.schema.Grant;
import dev.dbops.schema.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Planning with owners ignored: new objects get no OWNER TO, and the owner's own privileges are left alone. */
class MigrationPlanIgnoredOwnersTest {

    @Test
    void createsATableWithoutOwnerStatementsWhenOwnersAreIgnored() {
        Schema before = schema().build();
        Schema after = schema().tables(MigrationPlanSchemas.withGrants(table("orders",
                List.of(notNull(column("id", "integer")))), List.of(new Grant("reporting", "SELECT", false)))).build();

        MigrationPlan plan = SchemaDiff.builder().ignoreOwners().build().plan(before, after);

        assertThat(plan.statements()).extracting(PlannedStatement::sql).containsExactly(
                "CREATE TABLE \"public\".\"orders\" (\n    \"id\" integer NOT NULL\n)",
                "GRANT SELECT ON TABLE \"public\".\"orders\" TO \"reporting\"");
    }
}
