package dev.dbops.trace.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.trace.seed.SeedFinding.Kind;
import org.junit.jupiter.api.Test;

class SeedPartitionsTest {

    private static DataSeeder.Builder seeder(long rows) {
        return DataSeeder.builder().rows(rows).seed(3);
    }

    @Test
    void rangePartitionsEachReceiveRowsInsideTheirBoundsAndSubPartitionsAreFollowed() throws Exception {
        try (SeedFixture db = SeedFixture.with("""
                create table events (id bigint generated always as identity, at timestamptz not null, kind text not null,
                        payload jsonb, primary key (id, at, kind)) partition by range (at);
                create table events_2023 partition of events for values from ('2023-01-01') to ('2024-01-01');
                create table events_2024 partition of events for values from ('2024-01-01') to ('2025-01-01')
                        partition by list (kind);
                create table events_2024_ab partition of events_2024 for values in ('a', 'b');
                create table events_2024_other partition of events_2024 default;
                create table events_old partition of events for values from (minvalue) to ('2023-01-01');
                """)) {
            SeedReport report = db.seed(seeder(3000));

            assertThat(report.findings()).isEmpty();
            assertThat(report.tables()).extracting(TableSeeding::table).containsExactly("public.events");
            assertThat(db.rows("select tableoid::regclass, count(*) > 500, min(at) >= '2023-01-01' or tableoid::regclass ="
                    + " 'events_old'::regclass, bool_and(kind in ('a', 'b')) from events group by tableoid order by 1"))
                    .containsExactly("events_2023|t|t|f", "events_2024_ab|t|t|t", "events_2024_other|t|t|f",
                            "events_old|t|t|f");
            assertThat(db.number("select count(*) from events_2024_other where kind in ('a', 'b')")).isZero();
            assertThat(db.number("select count(*) from events")).isEqualTo(3000);
        }
    }

    @Test
    void listPartitionsWithADefaultAndHashPartitionsCoveringEveryRemainderAreFilled() throws Exception {
        try (SeedFixture db = SeedFixture.with("""
                create type region as enum ('eu', 'us', 'apac');
                create table sales (id int, region region not null, amount int check (amount > 0))
                        partition by list (region);
                create table sales_eu partition of sales for values in ('eu');
                create table sales_rest partition of sales default;
                create table buckets (id int primary key, v text) partition by hash (id);
                create table buckets_0 partition of buckets for values with (modulus 2, remainder 0);
                create table buckets_1 partition of buckets for values with (modulus 4, remainder 1);
                create table buckets_3 partition of buckets for values with (modulus 4, remainder 3);
                """)) {
            SeedReport report = db.seed(seeder(2000));

            assertThat(report.findings()).isEmpty();
            assertThat(db.rows("select tableoid::regclass, string_agg(distinct region::text, ',') from sales"
                    + " group by 1 order by 1")).containsExactly("sales_eu|eu", "sales_rest|apac,us");
            assertThat(db.rows("select count(*), count(distinct tableoid) from buckets")).containsExactly("2000|3");
        }
    }

    @Test
    void reportsPartitionedTablesWhoseRowsCannotAllBeRouted() throws Exception {
        try (SeedFixture db = SeedFixture.with("""
                create table half (id int) partition by hash (id);
                create table half_0 partition of half for values with (modulus 2, remainder 0);
                create table bare (id int) partition by range (id);
                create table pairs (a int, b int) partition by range (a, b);
                create table pairs_1 partition of pairs for values from (1, 1) to (10, 10);
                create table fitting (n int check (n > 100)) partition by range (n);
                create table fitting_low partition of fitting for values from (0) to (50);
                """)) {
            SeedReport report = db.seed(seeder(100));

            assertThat(report.tables()).allSatisfy(t -> {
                assertThat(t.outcome()).isEqualTo(TableSeeding.Outcome.SKIPPED);
                assertThat(t.findings()).extracting(SeedFinding::kind).containsExactly(Kind.PARTITION_NOT_COVERED);
            });
            assertThat(report.findings()).extracting(SeedFinding::message).containsExactlyInAnyOrder(
                    "public.half is hash-partitioned but no partition takes remainder 1 of modulus 2, so some rows"
                            + " have nowhere to go; the table is not seeded",
                    "it has no partition that rows can be routed to; the table is not seeded",
                    "public.pairs is partitioned by RANGE (a, b), and only a single plain column is followed for"
                            + " RANGE and LIST; the table is not seeded",
                    "no partition's bounds agree with the checks on [n]; the table is not seeded");
            assertThat(db.number("select count(*) from half")).isZero();
        }
    }

    @Test
    void namingAPartitionIsAConfigurationError() throws Exception {
        try (SeedFixture db = SeedFixture.with("""
                create table log (at date) partition by range (at);
                create table log_2024 partition of log for values from ('2024-01-01') to ('2025-01-01');
                """)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> db.seed(seeder(10).rowsFor("public.log_2024", 5)))
                    .isInstanceOfSatisfying(dev.dbops.DbopsException.class, e -> {
                        assertThat(e.code()).isEqualTo(dev.dbops.ErrorCode.INVALID_CONFIGURATION);
                        assertThat(e.getMessage()).contains("public.log_2024 is a partition of public.log");
                    });
        }
    }
}
