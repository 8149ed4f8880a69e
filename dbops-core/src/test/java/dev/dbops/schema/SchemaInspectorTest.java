package dev.dbops.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.postgres.PostgresServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class SchemaInspectorTest {

    private static final PostgresServer SERVER = PostgresProvider.shared();

    static String shopSql() throws IOException {
        return Files.readString(Path.of("../examples/shop.sql"), StandardCharsets.UTF_8);
    }

    static Schema inspect(PostgresServer server, String... scripts) throws SQLException {
        try (PostgresDatabase database = server.createDatabase(); Connection connection = database.connect()) {
            for (String script : scripts) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(script);
                }
            }
            return SchemaInspector.builder().build().inspect(connection);
        }
    }

    @Test
    void readsTablesColumnsConstraintsAndIndexesOfTheShopExample() throws Exception {
        Schema schema = inspect(SERVER, shopSql());

        Table orders = schema.table("shop", "orders").orElseThrow();
        assertThat(orders.columns()).extracting(Column::name)
                .containsExactly("id", "customer_id", "status", "total", "placed_at");
        Column id = orders.column("id").orElseThrow();
        assertThat(id.type()).isEqualTo("bigint");
        assertThat(id.identity()).hasValueSatisfying(identity -> assertThat(identity.always()).isTrue());
        assertThat(orders.column("total").orElseThrow().type()).isEqualTo("numeric(12,2)");
        assertThat(orders.column("status").orElseThrow().defaultValue()).contains("'pending'::shop.order_status");
        assertThat(orders.constraints()).extracting(Constraint::name, Constraint::type)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("orders_customer_id_fkey", ConstraintType.FOREIGN_KEY),
                        org.assertj.core.groups.Tuple.tuple("orders_pkey", ConstraintType.PRIMARY_KEY),
                        org.assertj.core.groups.Tuple.tuple("orders_total_check", ConstraintType.CHECK));
        assertThat(orders.constraints().get(0).references())
                .contains(new ObjectRef(ObjectKind.TABLE, "shop", "customers"));
        assertThat(orders.indexes()).extracting(Index::name).containsExactly("orders_customer_id_idx", "orders_open_idx");
        assertThat(orders.indexes().get(1).definition()).contains("WHERE");
        assertThat(schema.table("shop", "customers").orElseThrow().comment()).contains("People who can place orders");
        assertThat(schema.enums()).singleElement().satisfies(e ->
                assertThat(e.labels()).containsExactly("pending", "paid", "shipped", "cancelled"));
        assertThat(schema.domains()).singleElement().satisfies(d -> assertThat(d.checks()).hasSize(1));
        assertThat(schema.sequences()).as("identity sequences belong to their column").isEmpty();
    }

    @Test
    void recordsWhatEachViewReadsButNotForeignKeysAsCreationDependencies() throws Exception {
        Schema schema = inspect(SERVER, shopSql());

        View openOrders = schema.view("shop", "open_orders").orElseThrow();
        assertThat(openOrders.dependsOn()).contains(
                new ObjectRef(ObjectKind.TABLE, "shop", "orders"),
                new ObjectRef(ObjectKind.TABLE, "shop", "customers"));
        assertThat(openOrders.columns()).extracting(View.ViewColumn::name)
                .containsExactly("id", "email", "total", "placed_at");
        assertThat(schema.table("shop", "orders").orElseThrow().dependsOn())
                .doesNotContain(new ObjectRef(ObjectKind.TABLE, "shop", "customers"))
                .contains(new ObjectRef(ObjectKind.ENUM, "shop", "order_status"));
    }

    @Test
    void givesEqualSchemasForDatabasesBuiltTheSameWay() throws Exception {
        assertThat(inspect(SERVER, shopSql())).isEqualTo(inspect(SERVER, shopSql()));
    }

    @Test
    void writesASnapshotThatReadsBackEqual() throws Exception {
        try (PostgresDatabase database = SERVER.createDatabase(); Connection connection = database.connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(shopSql());
            }
            SchemaSnapshot snapshot = SchemaInspector.builder().build().snapshot(connection);

            assertThat(snapshot.server().versionNum()).isGreaterThanOrEqualTo(120000);
            assertThat(SchemaSnapshot.fromJson(snapshot.toJson())).isEqualTo(snapshot);
        }
    }

    @Test
    void leavesOutObjectsThatBelongToAnExtension() throws Exception {
        Schema schema = inspect(SERVER, "create extension citext; create table t (name public.citext)");

        assertThat(schema.extensions()).extracting(Extension::name).containsExactly("citext");
        assertThat(schema.functions()).as("citext's functions are the extension's").isEmpty();
        assertThat(schema.table("public", "t").orElseThrow().column("name").orElseThrow().type())
                .isEqualTo("public.citext");
    }

    @Test
    void readsOnlyTheIncludedSchemasAndNeverTheExcludedOnes() throws Exception {
        try (PostgresDatabase database = SERVER.createDatabase(); Connection connection = database.connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(shopSql() + "; create schema audit; create table audit.log (id int)");
            }
            Schema onlyShop = SchemaInspector.builder().includeSchemas("shop").build().inspect(connection);
            Schema withoutShop = SchemaInspector.builder().excludeSchemas("shop").build().inspect(connection);

            assertThat(onlyShop.schemas()).extracting(Namespace::name).containsExactly("shop");
            assertThat(onlyShop.tables()).extracting(Table::name).containsExactly("customers", "orders");
            assertThat(withoutShop.schemas()).extracting(Namespace::name).containsExactly("audit", "public");
            assertThat(withoutShop.tables()).extracting(Table::name).containsExactly("log");
        }
    }

    @Test
    void readsTheSameDefaultsAndCompositeTypesOfASchemaWhetherOrNotOthersAreLeftOut() throws Exception {
        try (PostgresDatabase database = SERVER.createDatabase(); Connection connection = database.connect()) {
            try (Statement statement = connection.createStatement()) {
                for (String schema : new String[] {"kept", "left out"}) {
                    String q = "\"" + schema + "\"";
                    statement.execute("create schema " + q + "; create table " + q + ".t (id int generated always as"
                            + " identity, n int default 42, s text default 'x' || 'y', d date default current_date,"
                            + " g int generated always as (n * 2) stored); create type " + q
                            + ".pair as (a int, b text); comment on type " + q + ".pair is 'a pair';"
                            + " create view " + q + ".v as select n from " + q + ".t");
                }
            }
            Schema all = SchemaInspector.builder().build().inspect(connection);
            Schema kept = SchemaInspector.builder().excludeSchemas("left out").build().inspect(connection);

            assertThat(kept.tables()).containsExactlyElementsOf(
                    all.tables().stream().filter(t -> t.schema().equals("kept")).toList());
            assertThat(kept.compositeTypes()).containsExactlyElementsOf(
                    all.compositeTypes().stream().filter(t -> t.schema().equals("kept")).toList());
            assertThat(kept.views()).containsExactlyElementsOf(
                    all.views().stream().filter(v -> v.schema().equals("kept")).toList());
            assertThat(all.compositeTypes()).hasSize(2).allSatisfy(type -> {
                assertThat(type.name()).isEqualTo("pair");
                assertThat(type.comment()).contains("a pair");
                assertThat(type.attributes()).extracting(CompositeType.Attribute::name).containsExactly("a", "b");
            });
            assertThat(kept.table("kept", "t").orElseThrow().columns())
                    .extracting(column -> column.defaultValue().or(column::generated).orElse(""))
                    .containsExactly("", "42", "('x'::text || 'y'::text)", "CURRENT_DATE", "(n * 2)");
        }
    }

    @Test
    void neverWaitsForALockOnAnotherSessionsTemporaryTable() throws Exception {
        try (PostgresDatabase database = SERVER.createDatabase(); Connection connection = database.connect();
                Connection other = database.connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create table shown (a int, g int generated always as (a * 2) stored)");
            }
            try (Statement statement = other.createStatement()) {
                statement.execute("create temporary table hidden (a int, g int generated always as (a * 3) stored)");
                // A generated column's expression can only be rendered by opening its table, which this lock blocks.
                other.setAutoCommit(false);
                statement.execute("lock table hidden in access exclusive mode");
            }
            try {
                Schema schema = SchemaInspector.builder().lockTimeout(java.time.Duration.ofMillis(500)).build()
                        .inspect(connection);

                assertThat(schema.tables()).extracting(Table::name).containsExactly("shown");
                assertThat(schema.table("public", "shown").orElseThrow().columns().get(1).generated())
                        .contains("(a * 2)");
            } finally {
                other.rollback();
            }
        }
    }

    @Test
    void namesAForeignKeyToATableInASchemaThatIsNotInspected() throws Exception {
        try (PostgresDatabase database = SERVER.createDatabase(); Connection connection = database.connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(shopSql() + "; create schema \"Audit Trail\"; create table \"Audit Trail\".users"
                        + " (id int primary key); create table shop.audited (user_id int constraint audited_user_fk"
                        + " references \"Audit Trail\".users (id) on delete cascade)");
            }
            Schema onlyShop = SchemaInspector.builder().includeSchemas("shop").build().inspect(connection);

            Constraint foreignKey = onlyShop.table("shop", "audited").orElseThrow().constraints().get(0);
            assertThat(foreignKey.definition())
                    .isEqualTo("FOREIGN KEY (user_id) REFERENCES \"Audit Trail\".users(id) ON DELETE CASCADE");
            assertThat(foreignKey.references()).contains(new ObjectRef(ObjectKind.TABLE, "Audit Trail", "users"));
        }
    }

    @Test
    void worksForARoleWhoseTransactionsAreReadOnly() throws Exception {
        try (PostgresDatabase database = SERVER.createDatabase()) {
            try (Connection admin = database.connect(); Statement statement = admin.createStatement()) {
                statement.execute(shopSql());
                statement.execute("alter database " + Identifiers.quote(database.name())
                        + " set default_transaction_read_only = on");
            }
            try (Connection connection = database.connect()) {
                Schema schema = SchemaInspector.builder().build().inspect(connection);
                assertThat(schema.tables()).hasSize(2);
                assertThat(connection.getAutoCommit()).as("the connection is handed back in auto-commit").isTrue();
            }
        }
    }

    @Test
    void refusesAConnectionThatIsInsideATransaction() throws Exception {
        try (PostgresDatabase database = SERVER.createDatabase(); Connection connection = database.connect()) {
            connection.setAutoCommit(false);

            assertThatThrownBy(() -> SchemaInspector.builder().build().inspect(connection))
                    .isInstanceOf(DbopsException.class)
                    .hasMessageContaining("inside a transaction")
                    .extracting(e -> ((DbopsException) e).code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
        }
    }

    @Test
    void reportsEveryInvalidOptionAtOnce() {
        assertThatThrownBy(() -> SchemaInspector.builder()
                        .statementTimeout(java.time.Duration.ZERO)
                        .lockTimeout(java.time.Duration.ofSeconds(-1))
                        .includeSchemas("a").excludeSchemas("a")
                        .build())
                .isInstanceOf(DbopsException.class)
                .hasMessageContaining("statementTimeout must be positive")
                .hasMessageContaining("lockTimeout must be positive")
                .hasMessageContaining("both included and excluded: [a]");
    }

    @Test
    void readsTheSameShopSchemaFromPostgres18AsFrom15() throws Exception {
        Schema on15 = inspect(SERVER, shopSql());
        Schema on18;
        try (PostgresServer server18 = PostgresProvider.fromSpec("embedded:18")) {
            on18 = inspect(server18, shopSql());
        }
        // PostgreSQL 17 added the MAINTAIN privilege, so owners' table privileges differ by version.
        assertThat(dev.dbops.diff.SchemaDiff.builder().ignoreGrants().build().compare(on15, on18)).isEmpty();
        assertThat(on18.tables()).hasSize(2);
    }
}
