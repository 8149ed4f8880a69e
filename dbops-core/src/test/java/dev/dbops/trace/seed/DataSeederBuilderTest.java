package dev.dbops.trace.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DataSeederBuilderTest {

    @Test
    void buildReportsEveryInvalidOptionAtOnce() {
        DataSeeder.Builder builder = DataSeeder.builder().rows(-1).rowsFor("shop.orders", -5).rowsFor("a.b.c", 1)
                .only("shop.items", "x\"y").exclude("shop.items").connections(0).statementTimeout(Duration.ZERO)
                .lockTimeout(null);

        assertThatThrownBy(builder::build).isInstanceOfSatisfying(DbopsException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
            assertThat(e.getMessage()).contains("rows must be 0 or more, was -1",
                    "rowsFor shop.orders must be 0 or more, was -5",
                    "rowsFor: cannot read the table name 'a.b.c'",
                    "only: cannot read the table name 'x\"y'",
                    "tables both in only and exclude: [shop.items]",
                    "connections must be between 1 and 16, was 0",
                    "statementTimeout must be positive, was PT0S",
                    "lockTimeout must be positive, was null");
        });
    }

    @Test
    void rowsForATableThatOnlyOrExcludeLeaveOutIsAContradiction() {
        assertThatThrownBy(() -> DataSeeder.builder().only("a.x").rowsFor("a.y", 5).exclude("a.z").rowsFor("a.z", 1)
                .build()).hasMessageContaining("rowsFor names a.y, which only/exclude leave out")
                .hasMessageContaining("rowsFor names a.z, which only/exclude leave out");
    }

    @Test
    void tableNamesAreQualifiedOrInPublicAndMayQuoteTheirParts() {
        assertThat(TableName.parse("shop.orders")).contains("shop.orders");
        assertThat(TableName.parse("orders")).contains("public.orders");
        assertThat(TableName.parse("\"Sales\".\"Order.Lines\"")).contains("Sales.Order.Lines");
        assertThat(TableName.parse("\"we\"\"ird\"")).contains("public.we\"ird");
        assertThat(TableName.parse(" shop.Orders ")).contains("shop.Orders");
        assertThat(TableName.parse("a..b")).isEmpty();
        assertThat(TableName.parse("\"open")).isEmpty();
        assertThat(TableName.parse("")).isEmpty();
    }

    @Test
    void aSeedIsDrawnWhenNoneIsGivenAndKeptForTheReport() {
        assertThat(DataSeeder.builder().seed(99).build().seed()).isEqualTo(99);
        assertThat(DataSeeder.builder().build().seed()).isNotEqualTo(DataSeeder.builder().build().seed());
    }

    @Test
    void migrationHistoryTablesAreLeftAloneUnlessAskedFor() throws Exception {
        try (SeedFixture db = SeedFixture.with("""
                create table flyway_schema_history (installed_rank int primary key, version varchar(50),
                        script varchar(1000) not null, success boolean not null);
                create schema audit;
                create table audit.databasechangelog (id varchar(255) not null, filename varchar(255) not null);
                create table app (id int primary key);
                """)) {
            SeedReport report = db.seed(DataSeeder.builder().rows(20));
            assertThat(report.tables()).extracting(TableSeeding::table).containsExactly("public.app");
            assertThat(db.number("select count(*) from flyway_schema_history")).isZero();

            db.seed(DataSeeder.builder().rows(0).rowsFor("flyway_schema_history", 5));
            db.seed(DataSeeder.builder().rows(3).only("audit.databasechangelog", "public.app"));
            db.seed(DataSeeder.builder().rows(2).includeMigrationHistory(true));
            assertThat(db.rows("select (select count(*) from flyway_schema_history),"
                    + " (select count(*) from audit.databasechangelog), (select count(*) from app)"))
                    .containsExactly("7|5|25");
        }
    }

    @Test
    void namingATableThatDoesNotExistIsAConfigurationError() throws Exception {
        try (SeedFixture db = SeedFixture.with("create table present (id int)")) {
            assertThatThrownBy(() -> db.seed(DataSeeder.builder().only("public.present", "public.missing")
                    .exclude("shop.gone")))
                    .isInstanceOfSatisfying(DbopsException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
                        assertThat(e.getMessage()).contains("there is no table public.missing",
                                "there is no table shop.gone");
                    });
            assertThat(db.number("select count(*) from present")).isZero();
            assertThat(db.seed(DataSeeder.builder().rows(0).rowsFor("present", 3)).table("public.present")
                    .map(TableSeeding::rowsWritten)).isEqualTo(Optional.of(3L));
        }
    }
}
