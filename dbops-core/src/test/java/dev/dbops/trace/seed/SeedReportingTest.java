package dev.dbops.trace.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.json.Json;
import dev.dbops.trace.seed.SeedFinding.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeedReportingTest {

    private static DataSeeder.Builder seeder(long rows) {
        return DataSeeder.builder().rows(rows).seed(17);
    }

    @Test
    void aCopyTheServerRejectsIsReportedWithItsMessageAndLeavesTheTableEmpty() throws Exception {
        try (SeedFixture db = SeedFixture.with("""
                create sequence inserted;
                create function refuse_late_rows() returns trigger language plpgsql as $$
                begin
                    if nextval('inserted') = 700 then
                        raise exception 'no room for row 700';
                    end if;
                    return new;
                end $$;
                create table fragile (id int primary key, v text);
                create trigger fragile_guard before insert on fragile for each row execute function refuse_late_rows();
                create table sevens (n int not null check (n % 7 = 0));
                create table fine (id int primary key);
                """)) {
            SeedReport report = db.seed(seeder(1000));

            TableSeeding fragile = report.table("public.fragile").orElseThrow();
            assertThat(fragile.outcome()).isEqualTo(TableSeeding.Outcome.FAILED);
            assertThat(fragile.rowsWritten()).isZero();
            assertThat(fragile.findings()).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(Kind.COPY_REJECTED);
                assertThat(f.table()).isEqualTo("public.fragile");
                assertThat(f.message()).contains("the server rejected the COPY: no room for row 700",
                        "COPY fragile, line 700", "SQLSTATE P0001", "nothing was written");
            });
            assertThat(db.number("select count(*) from fragile")).isZero();

            TableSeeding sevens = report.table("public.sevens").orElseThrow();
            assertThat(sevens.outcome()).isEqualTo(TableSeeding.Outcome.FAILED);
            assertThat(sevens.findings()).extracting(SeedFinding::kind)
                    .containsExactly(Kind.COMPLEX_CHECK, Kind.COPY_REJECTED);
            assertThat(sevens.findings().get(1).message()).contains("violates check constraint \"sevens_n_check\"");
            assertThat(db.number("select count(*) from sevens")).isZero();

            assertThat(report.table("public.fine").orElseThrow().rowsWritten()).isEqualTo(1000);
            assertThat(db.number("select count(*) from fine")).isEqualTo(1000);
        }
    }

    @Test
    void whatCannotBeGeneratedIsLeftNullOrSkippedAndReported() throws Exception {
        try (SeedFixture db = SeedFixture.with("""
                create extension if not exists btree_gist;
                create table bookings (room int not null, during tsrange not null,
                        exclude using gist (room with =, during with &&));
                create table touching (r int4range, exclude using gist (r with -|-));
                create table strict_touching (r int4range not null, exclude using gist (r with -|-));
                create table spots (id int primary key, at point not null);
                create table odd (id int primary key, pair int, other int, check (pair > 5 and pair < 3),
                        check (coalesce(other, 0) >= 0));
                create table impossible (n int not null check (n > 5 and n < 3));
                """)) {
            SeedReport report = db.seed(seeder(400));

            assertThat(report.table("public.bookings").orElseThrow().findings()).isEmpty();
            assertThat(db.number("select count(*) from bookings a join bookings b on a.ctid <> b.ctid"
                    + " and a.room = b.room and a.during && b.during")).isZero();
            assertThat(db.rows("select count(*), count(r) from touching")).containsExactly("400|0");
            assertThat(report.table("public.touching").orElseThrow().findings()).extracting(SeedFinding::kind)
                    .containsExactly(Kind.EXCLUSION_CONSTRAINT);
            assertSkipped(report, "public.strict_touching", Kind.EXCLUSION_CONSTRAINT);
            assertSkipped(report, "public.spots", Kind.UNSUPPORTED_TYPE);
            assertSkipped(report, "public.impossible", Kind.UNSATISFIABLE_CHECK);
            assertThat(db.rows("select count(*), count(pair), count(other) > 300 from odd")).containsExactly("400|0|t");
            assertThat(report.table("public.odd").orElseThrow().findings()).extracting(SeedFinding::kind,
                    f -> f.subject().orElseThrow()).containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(Kind.UNSATISFIABLE_CHECK, "pair"),
                            org.assertj.core.groups.Tuple.tuple(Kind.COMPLEX_CHECK, "odd_other_check"));
        }
    }

    private static void assertSkipped(SeedReport report, String table, Kind kind) {
        TableSeeding seeding = report.table(table).orElseThrow();
        assertThat(seeding.outcome()).as(table).isEqualTo(TableSeeding.Outcome.SKIPPED);
        assertThat(seeding.rowsWritten()).isZero();
        assertThat(seeding.findings()).extracting(SeedFinding::kind).containsExactly(kind);
        assertThat(seeding.findings().get(0).message()).endsWith("the table is not seeded");
    }

    @Test
    void theSameSeedGivesTheSameRowsAndAnotherSeedOtherRows() throws Exception {
        String schema = """
                create type tier as enum ('free', 'pro');
                create table users (id bigint generated always as identity primary key, email text unique not null,
                        tier tier not null, uid uuid not null, joined timestamptz, score numeric(5,1));
                create table posts (id serial primary key, author bigint not null references users, body text,
                        tags text[], meta jsonb);
                create table likes (user_id bigint references users, post_id int references posts,
                        primary key (user_id, post_id));
                """;
        String content = "select md5(string_agg(t::text, ',' order by t::text)) from (select u::text from users u"
                + " union all select p::text from posts p union all select l::text from likes l) t";
        try (SeedFixture first = SeedFixture.with(schema); SeedFixture second = SeedFixture.with(schema);
             SeedFixture third = SeedFixture.with(schema)) {
            SeedReport one = first.seed(seeder(1500).connections(2));
            SeedReport two = second.seed(seeder(1500).connections(1));
            SeedReport other = third.seed(DataSeeder.builder().rows(1500).seed(18));

            assertThat(one.seed()).isEqualTo(17);
            assertThat(one.findings()).isEmpty();
            assertThat(first.value(content)).isEqualTo(second.value(content)).isNotEqualTo(third.value(content));
            assertThat(other.seed()).isEqualTo(18);
            assertThat(two.rowsWritten()).isEqualTo(4500);
        }
    }

    @Test
    void smallScaleRunOfTheMillionRowPathStreamsManyBuffersIntoANarrowTable() throws Exception {
        try (SeedFixture db = SeedFixture.with("""
                create table ticks (id bigint primary key, account int not null, amount numeric(12,2) not null,
                        at timestamptz not null);
                """)) {
            SeedReport report = db.seed(seeder(60_000).analyze(false));

            TableSeeding ticks = report.table("public.ticks").orElseThrow();
            assertThat(ticks.rowsWritten()).isEqualTo(60_000);
            assertThat(ticks.rowsPerSecond()).isPositive();
            assertThat(db.rows("select count(*), count(distinct id), min(id), max(id),"
                    + " pg_relation_size('ticks') > 2 * 65536 from ticks")).containsExactly("60000|60000|1|60000|t");
        }
    }

    @Test
    void theJsonFormCarriesEveryTableAndFindingWithItsFormatVersion() throws Exception {
        try (SeedFixture db = SeedFixture.with("""
                create table a (id int primary key, at point);
                create table b (id int primary key, a_id int not null references a);
                """)) {
            SeedReport report = db.seed(seeder(50));

            Map<?, ?> json = (Map<?, ?>) Json.parse(report.toJson());
            assertThat(json.get("formatVersion")).isEqualTo(1L);
            assertThat(json.get("seed")).isEqualTo(17L);
            assertThat(json.get("rowsWritten")).isEqualTo(100L);
            assertThat(json.get("complete")).isEqualTo(false);
            List<?> tables = (List<?>) json.get("tables");
            assertThat(tables).hasSize(2);
            Map<?, ?> a = (Map<?, ?>) tables.get(0);
            assertThat(a.get("table")).isEqualTo("public.a");
            assertThat(a.get("outcome")).isEqualTo("SEEDED");
            assertThat(a.get("rowsRequested")).isEqualTo(50L);
            assertThat(a.get("rowsWritten")).isEqualTo(50L);
            assertThat((List<?>) a.get("findings")).singleElement().isEqualTo(Map.of("kind", "UNSUPPORTED_TYPE",
                    "subject", "at", "message", "no values are generated for type point; left NULL"));
            assertThat(report.toText()).contains("Seeded 100 rows into 2 tables", "public.b",
                    "public.a (at): UNSUPPORTED_TYPE — no values are generated for type point; left NULL");
        }
    }
}
