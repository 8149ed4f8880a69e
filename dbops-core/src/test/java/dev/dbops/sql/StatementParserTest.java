package dev.dbops.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatementParserTest {

    private static Statement parse(String sql) {
        List<SqlStatement> statements = SqlScript.parse(sql).statements();
        assertThat(statements).hasSize(1);
        return StatementParser.parse(statements.get(0));
    }

    @SuppressWarnings("unchecked")
    private static <T extends Statement> T parse(String sql, Class<T> type) {
        Statement statement = parse(sql);
        assertThat(statement).isInstanceOf(type);
        return (T) statement;
    }

    @Test
    void readsCreateTableWithColumnsConstraintsAndInlineReferences() {
        Statement.CreateTable create = parse("""
                CREATE TABLE IF NOT EXISTS shop."Order Items" (
                  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                  order_id int4 NOT NULL REFERENCES shop.orders (id) ON DELETE CASCADE,
                  price numeric(10, 2) DEFAULT 0 CHECK (price >= 0),
                  total numeric GENERATED ALWAYS AS (price * 2) STORED,
                  created_at timestamp(3) without time zone DEFAULT now() NOT NULL,
                  tags varchar(20)[],
                  CONSTRAINT items_price_positive CHECK (price > 0) NOT VALID,
                  UNIQUE NULLS NOT DISTINCT (order_id, price),
                  FOREIGN KEY (order_id) REFERENCES shop.orders ON UPDATE SET NULL,
                  LIKE shop.template INCLUDING ALL
                ) PARTITION BY RANGE (created_at)""", Statement.CreateTable.class);

        assertThat(create.table()).isEqualTo(QualifiedName.of("shop", "Order Items"));
        assertThat(create.ifNotExists()).isTrue();
        assertThat(create.columns()).extracting(ColumnDefinition::name)
                .containsExactly("id", "order_id", "price", "total", "created_at", "tags");
        ColumnDefinition id = create.columns().get(0);
        assertThat(id.type().name()).isEqualTo("bigint");
        assertThat(id.identity()).contains("ALWAYS");
        assertThat(id.primaryKey()).isTrue();
        ColumnDefinition orderId = create.columns().get(1);
        assertThat(orderId.type().is("integer")).isTrue();
        assertThat(orderId.notNull()).isTrue();
        assertThat(orderId.references().orElseThrow().table()).isEqualTo(QualifiedName.of("shop", "orders"));
        ColumnDefinition price = create.columns().get(2);
        assertThat(price.type().modifiers()).containsExactly("10", "2");
        assertThat(price.defaultValue().orElseThrow().text()).isEqualTo("0");
        assertThat(price.checks()).extracting(Expression::text).containsExactly("price >= 0");
        assertThat(create.columns().get(3).generated().orElseThrow().text()).isEqualTo("price * 2");
        assertThat(create.columns().get(3).generatedStored()).isTrue();
        ColumnDefinition createdAt = create.columns().get(4);
        assertThat(createdAt.type().name()).isEqualTo("timestamp without time zone");
        assertThat(createdAt.type().modifiers()).containsExactly("3");
        assertThat(createdAt.defaultValue().orElseThrow().calledFunctions()).containsExactly("now");
        assertThat(createdAt.notNull()).isTrue();
        assertThat(create.columns().get(5).type().isArray()).isTrue();
        assertThat(create.columns().get(5).type().name()).isEqualTo("character varying");
        assertThat(create.constraints()).extracting(TableConstraint::kind).containsExactly(
                TableConstraint.Kind.CHECK, TableConstraint.Kind.UNIQUE, TableConstraint.Kind.FOREIGN_KEY);
        assertThat(create.constraints().get(0).name()).contains("items_price_positive");
        assertThat(create.constraints().get(0).notValid()).isTrue();
        assertThat(create.constraints().get(1).columns()).containsExactly("order_id", "price");
        assertThat(create.constraints().get(2).references().orElseThrow().columns()).isEmpty();
        assertThat(create.likeTables()).containsExactly(QualifiedName.of("shop", "template"));
        assertThat(create.partitionBy()).contains("RANGE (created_at)");
    }

    @Test
    void readsPartitionsAndTablesCreatedFromQueries() {
        Statement.CreateTable partition = parse(
                "CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
                Statement.CreateTable.class);
        assertThat(partition.partitionOf()).contains(QualifiedName.of("measurements"));
        assertThat(partition.partitionBound()).contains("FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')");
        assertThat(parse("CREATE TABLE m_other PARTITION OF m DEFAULT", Statement.CreateTable.class).partitionBound())
                .contains("DEFAULT");

        Statement.CreateTable copy = parse("CREATE TEMP TABLE t (a, b) AS SELECT 1, 2", Statement.CreateTable.class);
        assertThat(copy.asQuery()).isTrue();
        assertThat(copy.temporary()).isTrue();
        assertThat(copy.columns()).isEmpty();
    }

    @Test
    void readsEveryAlterTableSubcommandOfOneStatement() {
        Statement.AlterTable alter = parse("""
                ALTER TABLE IF EXISTS ONLY public.orders
                  ADD COLUMN IF NOT EXISTS note text DEFAULT 'x' NOT NULL,
                  ADD status int,
                  DROP COLUMN IF EXISTS legacy CASCADE,
                  ALTER COLUMN amount SET DATA TYPE bigint USING amount::bigint,
                  ALTER amount TYPE numeric(12,2),
                  ALTER COLUMN note SET NOT NULL,
                  ALTER COLUMN note DROP NOT NULL,
                  ALTER COLUMN note SET DEFAULT random(),
                  ALTER COLUMN note DROP DEFAULT,
                  ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID,
                  ADD CONSTRAINT orders_pk PRIMARY KEY USING INDEX orders_pk_idx,
                  VALIDATE CONSTRAINT orders_customer_fk,
                  DROP CONSTRAINT IF EXISTS old_check,
                  SET TABLESPACE fast,
                  SET UNLOGGED,
                  SET ACCESS METHOD heap,
                  DISABLE TRIGGER ALL,
                  ENABLE ALWAYS TRIGGER audit,
                  FORCE ROW LEVEL SECURITY,
                  NO FORCE ROW LEVEL SECURITY,
                  ENABLE ROW LEVEL SECURITY,
                  ALTER COLUMN note SET STATISTICS 500,
                  OWNER TO app""", Statement.AlterTable.class);

        assertThat(alter.table()).isEqualTo(QualifiedName.of("public", "orders"));
        assertThat(alter.ifExists()).isTrue();
        List<AlterTableAction> actions = alter.actions();
        assertThat(actions).hasSize(23);
        AlterTableAction.AddColumn note = (AlterTableAction.AddColumn) actions.get(0);
        assertThat(note.ifNotExists()).isTrue();
        assertThat(note.column().notNull()).isTrue();
        assertThat(note.column().defaultValue().orElseThrow().isConstant()).isTrue();
        assertThat(((AlterTableAction.AddColumn) actions.get(1)).column().name()).isEqualTo("status");
        assertThat(actions.get(2)).isEqualTo(new AlterTableAction.DropColumn("DROP COLUMN IF EXISTS legacy CASCADE",
                "legacy", true, true));
        AlterTableAction.AlterColumnType amount = (AlterTableAction.AlterColumnType) actions.get(3);
        assertThat(amount.type().name()).isEqualTo("bigint");
        assertThat(amount.using().orElseThrow().text()).isEqualTo("amount::bigint");
        assertThat(((AlterTableAction.AlterColumnType) actions.get(4)).type().modifiers()).containsExactly("12", "2");
        assertThat(actions.get(5)).isInstanceOf(AlterTableAction.SetNotNull.class);
        assertThat(actions.get(6)).isInstanceOf(AlterTableAction.DropNotNull.class);
        assertThat(((AlterTableAction.SetDefault) actions.get(7)).value().calledFunctions()).containsExactly("random");
        assertThat(actions.get(8)).isInstanceOf(AlterTableAction.DropDefault.class);
        TableConstraint foreignKey = ((AlterTableAction.AddConstraint) actions.get(9)).constraint();
        assertThat(foreignKey.kind()).isEqualTo(TableConstraint.Kind.FOREIGN_KEY);
        assertThat(foreignKey.notValid()).isTrue();
        assertThat(foreignKey.columns()).containsExactly("customer_id");
        assertThat(((AlterTableAction.AddConstraint) actions.get(10)).constraint().usingIndex()).contains("orders_pk_idx");
        assertThat(actions.get(11)).isEqualTo(new AlterTableAction.ValidateConstraint(
                "VALIDATE CONSTRAINT orders_customer_fk", "orders_customer_fk"));
        assertThat(((AlterTableAction.DropConstraint) actions.get(12)).ifExists()).isTrue();
        assertThat(actions.get(13)).isInstanceOf(AlterTableAction.SetTablespace.class);
        assertThat(((AlterTableAction.SetLogged) actions.get(14)).logged()).isFalse();
        assertThat(((AlterTableAction.SetAccessMethod) actions.get(15)).accessMethod()).isEqualTo("heap");
        assertThat(actions.get(16)).isEqualTo(new AlterTableAction.TriggerToggle("DISABLE TRIGGER ALL", false, "ALL"));
        assertThat(actions.get(17)).isEqualTo(new AlterTableAction.TriggerToggle("ENABLE ALWAYS TRIGGER audit", true,
                "audit"));
        assertThat(actions.subList(18, 21)).extracting(a -> ((AlterTableAction.RowLevelSecurity) a).change())
                .containsExactly(AlterTableAction.RowSecurityChange.FORCE, AlterTableAction.RowSecurityChange.NO_FORCE,
                        AlterTableAction.RowSecurityChange.ENABLE);
        assertThat(((AlterTableAction.Other) actions.get(21)).keywords()).isEqualTo("ALTER COLUMN SET STATISTICS");
        assertThat(((AlterTableAction.Other) actions.get(22)).keywords()).isEqualTo("OWNER TO APP");
    }

    @Test
    void readsRenamesAndPartitionAttachment() {
        Statement.AlterTable rename = parse("ALTER TABLE a RENAME COLUMN \"Old\" TO new_name", Statement.AlterTable.class);
        assertThat(rename.actions()).containsExactly(new AlterTableAction.RenameColumn(
                "RENAME COLUMN \"Old\" TO new_name", "Old", "new_name"));
        Statement.AlterTable table = parse("ALTER TABLE a RENAME TO b", Statement.AlterTable.class);
        assertThat(table.actions()).containsExactly(new AlterTableAction.RenameTable("RENAME TO b", "b"));
        Statement.AlterTable attach = parse(
                "ALTER TABLE m ATTACH PARTITION m_2024 FOR VALUES FROM (1) TO (10)", Statement.AlterTable.class);
        AlterTableAction.AttachPartition attached = (AlterTableAction.AttachPartition) attach.actions().get(0);
        assertThat(attached.partition()).isEqualTo(QualifiedName.of("m_2024"));
        assertThat(attached.bound()).isEqualTo("FOR VALUES FROM (1) TO (10)");
        Statement.AlterTable detach = parse("ALTER TABLE m DETACH PARTITION m_2023 CONCURRENTLY",
                Statement.AlterTable.class);
        assertThat(((AlterTableAction.DetachPartition) detach.actions().get(0)).concurrently()).isTrue();
    }

    @Test
    void readsIndexStatements() {
        Statement.CreateIndex index = parse(
                "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_email_idx ON ONLY public.orders "
                        + "USING gin (lower(email), id) INCLUDE (x) WHERE deleted_at IS NULL",
                Statement.CreateIndex.class);
        assertThat(index.unique()).isTrue();
        assertThat(index.concurrently()).isTrue();
        assertThat(index.ifNotExists()).isTrue();
        assertThat(index.only()).isTrue();
        assertThat(index.name()).contains("orders_email_idx");
        assertThat(index.method()).isEqualTo("gin");
        assertThat(index.elements()).containsExactly("lower(email)", "id");
        assertThat(index.where().orElseThrow().text()).isEqualTo("deleted_at IS NULL");

        Statement.CreateIndex unnamed = parse("create index on t (a)", Statement.CreateIndex.class);
        assertThat(unnamed.name()).isEmpty();
        assertThat(unnamed.table()).isEqualTo(QualifiedName.of("t"));

        Statement.Drop drop = parse("DROP INDEX CONCURRENTLY IF EXISTS a_idx, s.b_idx CASCADE", Statement.Drop.class);
        assertThat(drop.kind()).isEqualTo(Statement.ObjectKind.INDEX);
        assertThat(drop.concurrently()).isTrue();
        assertThat(drop.ifExists()).isTrue();
        assertThat(drop.cascade()).isTrue();
        assertThat(drop.names()).containsExactly(QualifiedName.of("a_idx"), QualifiedName.of("s", "b_idx"));

        Statement.Reindex reindex = parse("REINDEX (VERBOSE) TABLE CONCURRENTLY orders", Statement.Reindex.class);
        assertThat(reindex.target()).isEqualTo(Statement.ObjectKind.TABLE);
        assertThat(reindex.concurrently()).isTrue();
        assertThat(reindex.name()).contains(QualifiedName.of("orders"));
    }

    @Test
    void readsTypesDomainsViewsAndTriggers() {
        Statement.AlterEnum add = parse("ALTER TYPE mood ADD VALUE IF NOT EXISTS 'meh' AFTER 'ok'",
                Statement.AlterEnum.class);
        assertThat(add.addValue()).isTrue();
        assertThat(add.value()).isEqualTo("meh");
        assertThat(add.ifNotExists()).isTrue();
        Statement.AlterEnum rename = parse("ALTER TYPE mood RENAME VALUE 'sad' TO 'blue'", Statement.AlterEnum.class);
        assertThat(rename.renamedFrom()).contains("sad");
        assertThat(rename.value()).isEqualTo("blue");

        Statement.CreateDomain domain = parse("CREATE DOMAIN email AS text NOT NULL CHECK (VALUE ~ '@')",
                Statement.CreateDomain.class);
        assertThat(domain.notNull()).isTrue();
        assertThat(domain.checks()).extracting(Expression::text).containsExactly("VALUE ~ '@'");
        Statement.AlterDomain alterDomain = parse("ALTER DOMAIN email ADD CONSTRAINT c CHECK (length(VALUE) < 99) NOT VALID",
                Statement.AlterDomain.class);
        assertThat(alterDomain.notValid()).isTrue();
        assertThat(alterDomain.check()).isPresent();
        assertThat(alterDomain.constraintName()).contains("c");
        Statement.AlterDomain validate = parse("ALTER DOMAIN email VALIDATE CONSTRAINT c", Statement.AlterDomain.class);
        assertThat(validate.change()).isEqualTo("VALIDATE CONSTRAINT");
        assertThat(validate.constraintName()).contains("c");

        Statement.CreateView view = parse("CREATE MATERIALIZED VIEW IF NOT EXISTS totals AS SELECT 1 WITH NO DATA",
                Statement.CreateView.class);
        assertThat(view.materialized()).isTrue();
        assertThat(view.withNoData()).isTrue();
        Statement.RefreshMaterializedView refresh = parse("REFRESH MATERIALIZED VIEW CONCURRENTLY totals",
                Statement.RefreshMaterializedView.class);
        assertThat(refresh.concurrently()).isTrue();
        assertThat(parse("REFRESH MATERIALIZED VIEW totals WITH NO DATA", Statement.RefreshMaterializedView.class)
                .withNoData()).isTrue();

        Statement.CreateTrigger trigger = parse("""
                CREATE OR REPLACE TRIGGER audit AFTER INSERT OR UPDATE ON public.orders
                FOR EACH ROW EXECUTE FUNCTION audit()""", Statement.CreateTrigger.class);
        assertThat(trigger.table()).isEqualTo(QualifiedName.of("public", "orders"));
        assertThat(trigger.orReplace()).isTrue();
    }

    @Test
    void readsLocksMaintenanceAndDataChanges() {
        Statement.LockTable lock = parse("LOCK TABLE a, b IN SHARE ROW EXCLUSIVE MODE NOWAIT", Statement.LockTable.class);
        assertThat(lock.tables()).hasSize(2);
        assertThat(lock.mode()).isEqualTo(LockMode.SHARE_ROW_EXCLUSIVE);
        assertThat(lock.nowait()).isTrue();
        assertThat(parse("LOCK a", Statement.LockTable.class).mode()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);

        assertThat(parse("VACUUM (FULL, ANALYZE) a", Statement.Vacuum.class).full()).isTrue();
        assertThat(parse("VACUUM FULL a", Statement.Vacuum.class).full()).isTrue();
        assertThat(parse("VACUUM (FULL false) a", Statement.Vacuum.class).full()).isFalse();
        assertThat(parse("VACUUM ANALYZE a", Statement.Vacuum.class).full()).isFalse();
        assertThat(parse("CLUSTER orders USING orders_pkey", Statement.Cluster.class).table())
                .contains(QualifiedName.of("orders"));
        Statement.Truncate truncate = parse("TRUNCATE TABLE ONLY a, b RESTART IDENTITY CASCADE", Statement.Truncate.class);
        assertThat(truncate.tables()).hasSize(2);
        assertThat(truncate.cascade()).isTrue();

        Statement.DataChange update = parse("UPDATE orders SET total = (SELECT 1 FROM x WHERE y)",
                Statement.DataChange.class);
        assertThat(update.kind()).isEqualTo(Statement.DataChangeKind.UPDATE);
        assertThat(update.hasWhere()).isFalse();
        assertThat(parse("DELETE FROM orders WHERE id < 1000", Statement.DataChange.class).hasWhere()).isTrue();
        Statement.DataChange withInsert = parse("WITH s AS (SELECT 1) INSERT INTO t SELECT * FROM s",
                Statement.DataChange.class);
        assertThat(withInsert.kind()).isEqualTo(Statement.DataChangeKind.INSERT);
        assertThat(withInsert.table()).isEqualTo(QualifiedName.of("t"));
    }

    @Test
    void readsSettingsAndTransactionControl() {
        Statement.SetParameter set = parse("SET lock_timeout = '2s'", Statement.SetParameter.class);
        assertThat(set).extracting(Statement.SetParameter::name, Statement.SetParameter::value,
                Statement.SetParameter::local).containsExactly("lock_timeout", Optional.of("2s"), false);
        Statement.SetParameter local = parse("SET LOCAL statement_timeout TO 5000", Statement.SetParameter.class);
        assertThat(local.local()).isTrue();
        assertThat(local.value()).contains("5000");
        assertThat(parse("RESET lock_timeout", Statement.SetParameter.class).value()).isEmpty();
        assertThat(parse("SET lock_timeout TO DEFAULT", Statement.SetParameter.class).value()).isEmpty();
        Statement.SetParameter config = parse("SELECT set_config('lock_timeout', '3s', true)",
                Statement.SetParameter.class);
        assertThat(config.local()).isTrue();
        assertThat(config.value()).contains("3s");
        Statement.SetParameter zone = parse("SET LOCAL TIME ZONE 'UTC'", Statement.SetParameter.class);
        assertThat(zone).extracting(Statement.SetParameter::name, Statement.SetParameter::value,
                Statement.SetParameter::local).containsExactly("timezone", Optional.of("UTC"), true);
        assertThat(parse("SET TIME ZONE LOCAL", Statement.SetParameter.class).value()).isEmpty();

        assertThat(parse("BEGIN", Statement.TransactionControl.class).command())
                .isEqualTo(Statement.TransactionCommand.BEGIN);
        assertThat(parse("START TRANSACTION ISOLATION LEVEL SERIALIZABLE", Statement.TransactionControl.class).command())
                .isEqualTo(Statement.TransactionCommand.BEGIN);
        assertThat(parse("END", Statement.TransactionControl.class).command())
                .isEqualTo(Statement.TransactionCommand.COMMIT);
        assertThat(parse("ROLLBACK TO SAVEPOINT a", Statement.TransactionControl.class).command())
                .isEqualTo(Statement.TransactionCommand.SAVEPOINT);
    }

    @Test
    void readsThePlainStatementsInsideDoBlocksWithTheirFilePositions() {
        String sql = """
                DO $body$
                DECLARE
                  n int;
                BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'x_idx') THEN
                    CREATE INDEX x_idx ON orders (x);
                  END IF;
                  n := 1;
                  ALTER TABLE orders ADD COLUMN y int;
                END
                $body$""";
        Statement.DoBlock block = parse(sql, Statement.DoBlock.class);

        assertThat(block.fullyInspected()).isTrue();
        assertThat(block.statements()).hasSize(2);
        Statement.CreateIndex index = (Statement.CreateIndex) block.statements().get(0);
        assertThat(index.table()).isEqualTo(QualifiedName.of("orders"));
        assertThat(index.source().start().line()).isEqualTo(6);
        assertThat(index.source().start().column()).isEqualTo(5);
        assertThat(index.source().text()).isEqualTo("CREATE INDEX x_idx ON orders (x)");
        assertThat(block.statements().get(1)).isInstanceOf(Statement.AlterTable.class);
        assertThat(block.statements().get(1).source().start().line()).isEqualTo(9);
    }

    @Test
    void saysWhenADoBlockRunsDynamicSqlOrAnotherLanguage() {
        Statement.DoBlock dynamic = parse("DO $$ BEGIN EXECUTE 'DROP TABLE ' || 'x'; END $$", Statement.DoBlock.class);
        assertThat(dynamic.fullyInspected()).isFalse();
        Statement.DoBlock perl = parse("DO LANGUAGE plperl $$ 1; $$", Statement.DoBlock.class);
        assertThat(perl.fullyInspected()).isFalse();
        assertThat(perl.language()).isEqualTo("plperl");
    }

    @Test
    void keepsHarmlessStatementsAsOtherAndUnknownOnesAsUnparsed() {
        assertThat(parse("CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$",
                Statement.Other.class)).extracting(Statement.Other::command, Statement.Other::ifExistsClause)
                .containsExactly("CREATE FUNCTION", true);
        assertThat(parse("CREATE SEQUENCE IF NOT EXISTS s", Statement.Other.class).ifExistsClause()).isTrue();
        assertThat(parse("GRANT SELECT ON t TO app", Statement.Other.class).command()).isEqualTo("GRANT");
        assertThat(parse("COMMENT ON TABLE t IS 'x'", Statement.Other.class).command()).isEqualTo("COMMENT");
        Statement.Unparsed unknown = parse("FROBNICATE the table", Statement.Unparsed.class);
        assertThat(unknown.reason()).contains("FROBNICATE");
        assertThat(parse("CREATE INDEX ON", Statement.Unparsed.class).reason()).contains("table name");
    }
}
