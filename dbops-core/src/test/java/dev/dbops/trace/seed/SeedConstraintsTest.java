package dev.dbops.trace.seed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeedConstraintsTest {

    private static DataSeeder.Builder seeder(long rows) {
        return DataSeeder.builder().rows(rows).seed(11);
    }

    @Test
    void keepsPrimaryKeysUniqueConstraintsAndUniqueIndexesDistinct() throws Exception {
        try (SeedFixture db = SeedFixture.with("""
                create table accounts (
                    id bigint primary key,
                    email text not null unique,
                    code varchar(4) not null,
                    region smallint not null,
                    nick text,
                    tenant int not null,
                    ext_id int not null,
                    unique (code, region),
                    unique (tenant, ext_id)
                );
                create unique index accounts_lower_email on accounts (lower(email));
                create unique index accounts_nick on accounts (nick) nulls not distinct;
                create unique index accounts_tenant_partial on accounts (tenant) where region > 0;
                """)) {
            SeedReport report = db.seed(seeder(3000));

            assertThat(report.findings()).isEmpty();
            assertThat(report.table("public.accounts").orElseThrow().rowsWritten()).isEqualTo(3000);
            assertThat(db.rows("select count(*), count(distinct id), count(distinct email), count(distinct lower(email)),"
                    + " count(distinct (code, region)), count(distinct (tenant, ext_id)), count(distinct nick),"
                    + " count(*) filter (where nick is null) from accounts"))
                    .containsExactly("3000|3000|3000|3000|3000|3000|3000|0");
        }
    }

    @Test
    void combinesColumnsWithFewValuesIntoDistinctKeysAndWritesFewerRowsWhenTheyRunOut() throws Exception {
        try (SeedFixture db = SeedFixture.with("""
                create type shift as enum ('early', 'late', 'night');
                create table rota (
                    shift shift not null,
                    day date not null check (day >= '2024-01-01' and day <= '2024-01-31'),
                    primary key (shift, day)
                );
                create table small (n smallint primary key check (n between 1 and 50));
                """)) {
            SeedReport report = db.seed(seeder(200));

            assertThat(db.rows("select count(*), count(distinct (shift, day)), count(distinct shift), count(distinct day)"
                    + " from rota")).containsExactly("93|93|3|31");
            assertThat(db.rows("select count(*), min(n), max(n) from small")).containsExactly("50|1|50");
            TableSeeding rota = report.table("public.rota").orElseThrow();
            assertThat(rota.rowsRequested()).isEqualTo(200);
            assertThat(rota.rowsWritten()).isEqualTo(93);
            assertThat(rota.findings()).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(SeedFinding.Kind.UNIQUE_CAPACITY);
                assertThat(f.message()).contains("rota_pkey has 93 distinct values", "93 rows were written instead of 200");
            });
            assertThat(report.complete()).isFalse();
        }
    }

    @Test
    void everyRowSatisfiesTheSimpleChecksOfColumnsDomainsAndEnums() throws Exception {
        try (SeedFixture db = SeedFixture.with("""
                create type mood as enum ('sad', 'ok', 'happy');
                create domain percent as numeric(5,2) check (value >= 0 and value <= 100);
                create domain code3 as varchar(8) not null check (length(value) >= 3);
                create table checked (
                    price numeric(8,2) not null check (price > 0 and price <= 500),
                    qty int not null check (qty between 1 and 10),
                    kind text not null check (kind in ('a', 'b', 'c')),
                    grade char(1) check (grade = 'A' or grade = 'B'),
                    label varchar(12) not null check (char_length(label) >= 4) check (label <> 'none'),
                    starts date not null check (starts >= '2024-01-01' and starts < '2024-02-01'),
                    at timestamptz not null check (at > '2023-06-01 12:00:00+02'),
                    flag boolean not null check (flag),
                    mood mood not null check (mood <> 'sad'),
                    share percent not null,
                    code code3,
                    note text check (note is not null),
                    neg int not null check (not (neg >= 0))
                );
                """)) {
            SeedReport report = db.seed(seeder(4000));

            assertThat(report.findings()).isEmpty();
            assertThat(report.table("public.checked").orElseThrow().outcome()).isEqualTo(TableSeeding.Outcome.SEEDED);
            assertThat(db.rows("""
                    select count(*), min(price) > 0 and max(price) <= 500, count(distinct qty), count(distinct kind),
                           string_agg(distinct grade, ','), min(length(label)) >= 4, min(starts), max(starts),
                           min(at) > '2023-06-01 10:00:00+00', bool_and(flag), string_agg(distinct mood::text, ','),
                           min(share) >= 0 and max(share) <= 100, min(length(code)) >= 3, count(code), count(note),
                           max(neg) < 0
                    from checked""")).containsExactly(
                    "4000|t|10|3|A,B|t|2024-01-01|2024-01-31|t|t|happy,ok|t|t|4000|4000|t");
        }
    }

    @Test
    void columnsThatACheckOrdersAreDrawnInOrderWhenTheyShareAUnit() throws Exception {
        try (SeedFixture db = SeedFixture.with("""
                create table stays (
                    starts date not null,
                    ends date not null check (ends < '2030-01-01'),
                    lo numeric(6,1),
                    hi numeric(6,1),
                    opened timestamptz,
                    due date,
                    check (starts < ends),
                    check (lo <= hi and lo > 0),
                    check (opened < due)
                );
                """)) {
            SeedReport report = db.seed(seeder(3000));

            assertThat(report.table("public.stays").orElseThrow().outcome()).isEqualTo(TableSeeding.Outcome.SEEDED);
            assertThat(db.rows("select count(*), bool_and(starts < ends), max(ends) < '2030-01-01', bool_and(lo <= hi),"
                    + " count(lo) between 2500 and 2900, count(hi) between 2500 and 2900, min(lo) > 0, count(opened),"
                    + " count(due) from stays")).containsExactly("3000|t|t|t|t|t|t|0|0");
            assertThat(report.findings()).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(SeedFinding.Kind.COMPLEX_CHECK);
                assertThat(f.subject()).contains("stays_check2");
                assertThat(f.message()).contains("[opened, due] left NULL so that it holds");
            });
        }
    }

    @Test
    void leavesIdentitySerialGeneratedAndDefaultedColumnsToTheServer() throws Exception {
        try (SeedFixture db = SeedFixture.with("""
                create table items (
                    id bigint generated always as identity primary key,
                    alt int generated by default as identity unique,
                    no serial,
                    qty int not null check (qty > 0),
                    doubled int generated always as (qty * 2) stored,
                    spot point default point(1, 2),
                    shape box
                );
                create table tickets (id int generated always as identity primary key, at timestamptz default now());
                """)) {
            SeedReport report = db.seed(seeder(500));

            assertThat(db.rows("select count(*), min(id), max(id), max(alt), max(no), bool_and(doubled = qty * 2),"
                    + " bool_and(spot ~= point(1, 2)), count(shape) from items"))
                    .containsExactly("500|1|500|500|500|t|t|0");
            assertThat(db.value("select nextval('items_no_seq')")).isEqualTo("501");
            assertThat(db.rows("select count(*), max(id) from tickets")).containsExactly("500|500");
            assertThat(report.findings()).extracting(SeedFinding::kind, f -> f.subject().orElseThrow())
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(SeedFinding.Kind.UNSUPPORTED_TYPE, "spot"),
                            org.assertj.core.groups.Tuple.tuple(SeedFinding.Kind.UNSUPPORTED_TYPE, "shape"));
            assertThat(report.findings()).extracting(SeedFinding::message)
                    .anySatisfy(m -> assertThat(m).contains("left to its default"))
                    .anySatisfy(m -> assertThat(m).contains("left NULL"));
        }
    }

    @Test
    void generatesValuesTheServerAcceptsForEveryCommonType() throws Exception {
        try (SeedFixture db = SeedFixture.with("""
                create table typed (
                    tags text[] not null, nums int[] not null, doc jsonb not null, raw json not null,
                    uid uuid not null unique, amount numeric(7,3) not null, free numeric not null,
                    short varchar(3) not null, fixed char(5) not null, body text not null, named name not null,
                    at timestamp(0) not null, atz timestamptz not null, day date not null, clock time not null,
                    span interval not null, bytes bytea not null unique, yes boolean not null, small smallint not null,
                    big bigint not null, real4 real not null, real8 double precision not null, cash money not null,
                    ip inet not null, net cidr not null, mac macaddr not null, bits bit(5) not null,
                    vbits varbit(9) not null, during tstzrange not null, ints int8range not null, days daterange not null,
                    nums_range numrange not null, page xml not null, words tsvector not null
                );
                """)) {
            SeedReport report = db.seed(seeder(2000));

            assertThat(report.findings()).isEmpty();
            assertThat(db.rows("""
                    select count(*), min(cardinality(tags)) >= 1 and max(cardinality(tags)) <= 4,
                           bool_and(jsonb_typeof(doc) = 'object'), bool_and(json_typeof(raw) = 'object'),
                           count(distinct uid), max(scale(amount)), max(abs(amount)) < 10000, max(length(short)) <= 3,
                           min(octet_length(fixed)), count(distinct bytes), bool_and(at >= '2015-01-01'),
                           bool_and(lower(during) < upper(during)), max(length(vbits)) <= 9, min(length(bits))
                    from typed""")).containsExactly("2000|t|t|t|2000|3|t|t|5|2000|t|t|t|5");
        }
    }
}
