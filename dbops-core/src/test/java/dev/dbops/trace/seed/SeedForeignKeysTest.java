package dev.dbops.trace.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.trace.seed.SeedFinding.Kind;
import org.junit.jupiter.api.Test;

class SeedForeignKeysTest {

    private static DataSeeder.Builder seeder(long rows) {
        return DataSeeder.builder().rows(rows).seed(5);
    }

    @Test
    void childrenReferenceParentRowsThatExistOnSingleAndCompositeKeys() throws Exception {
        try (SeedFixture db = SeedFixture.with("""
                create table orders (id bigint generated always as identity primary key, note text);
                create table warehouses (region text, code int, primary key (region, code));
                create table shipments (
                    id uuid primary key,
                    order_id bigint not null references orders,
                    region text,
                    code int,
                    returned_from bigint references orders (id),
                    foreign key (region, code) references warehouses
                );
                create table audit (shipment_id uuid not null references shipments, at timestamptz not null);
                """)) {
            SeedReport report = db.seed(seeder(2000).rowsFor("public.warehouses", 30));

            assertThat(report.findings()).isEmpty();
            assertThat(report.tables()).extracting(TableSeeding::table).containsSubsequence(
                    "public.orders", "public.shipments", "public.audit");
            assertThat(report.tables()).extracting(TableSeeding::table).containsSubsequence(
                    "public.warehouses", "public.shipments");
            assertThat(db.rows("""
                    select count(*), count(o.id), count(s.region), count(w.region), count(s.returned_from),
                           count(r.id), count(distinct s.order_id) > 1000
                    from shipments s join orders o on o.id = s.order_id
                    left join warehouses w on (w.region, w.code) = (s.region, s.code)
                    left join orders r on r.id = s.returned_from""").get(0))
                    .matches("2000\\|2000\\|(\\d+)\\|\\1\\|(\\d+)\\|\\2\\|t");
            assertThat(db.number("select count(*) from shipments where region is null")).isBetween(100L, 400L);
            assertThat(db.number("select count(*) from audit a join shipments s on s.id = a.shipment_id")).isEqualTo(2000);
        }
    }

    @Test
    void joinTablesCombineTheirParentsIntoDistinctPairs() throws Exception {
        try (SeedFixture db = SeedFixture.with("""
                create table posts (id serial primary key);
                create table tags (id serial primary key, name text not null unique);
                create table post_tags (
                    post_id int not null references posts,
                    tag_id int not null references tags,
                    primary key (post_id, tag_id)
                );
                """)) {
            SeedReport report = db.seed(seeder(1000).rowsFor("public.tags", 20).rowsFor("public.post_tags", 5000));

            assertThat(report.findings()).isEmpty();
            assertThat(db.rows("select count(*), count(distinct (post_id, tag_id)), count(distinct tag_id),"
                    + " count(distinct post_id) > 900, max(c) > 1 from post_tags,"
                    + " lateral (select count(*) c from post_tags p where p.post_id = post_tags.post_id) x"))
                    .containsExactly("5000|5000|20|t|t");
        }
    }

    @Test
    void overlappingKeysTakeTheWiderKeyFirstAndLeaveTheRestOfANarrowerOneNull() throws Exception {
        try (SeedFixture db = SeedFixture.with("""
                create table tenants (id int primary key);
                create table projects (tenant_id int not null references tenants, id int not null,
                        primary key (tenant_id, id));
                create table tasks (
                    id int primary key,
                    tenant_id int not null references tenants,
                    project_id int not null,
                    reviewer_project int,
                    foreign key (tenant_id, project_id) references projects,
                    foreign key (tenant_id, reviewer_project) references projects
                );
                create table strict_tasks (
                    tenant_id int not null,
                    a int not null,
                    b int not null,
                    foreign key (tenant_id, a) references projects,
                    foreign key (tenant_id, b) references projects
                );
                """)) {
            SeedReport report = db.seed(seeder(300));

            assertThat(db.rows("select count(*), count(p.id), count(reviewer_project) from tasks t"
                    + " join projects p on (p.tenant_id, p.id) = (t.tenant_id, t.project_id)"))
                    .containsExactly("300|300|0");
            assertThat(report.table("public.tasks").orElseThrow().findings())
                    .extracting(SeedFinding::kind, f -> f.subject().orElseThrow()).containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(Kind.OVERLAPPING_FOREIGN_KEYS, "tasks_tenant_id_fkey"),
                            org.assertj.core.groups.Tuple.tuple(Kind.OVERLAPPING_FOREIGN_KEYS,
                                    "tasks_tenant_id_reviewer_project_fkey"));
            TableSeeding strict = report.table("public.strict_tasks").orElseThrow();
            assertThat(strict.outcome()).isEqualTo(TableSeeding.Outcome.SKIPPED);
            assertThat(strict.findings()).extracting(SeedFinding::kind).containsExactly(Kind.OVERLAPPING_FOREIGN_KEYS);
        }
    }

    @Test
    void selfReferencesPointAtRowsOfTheSameCopyAndMoveTheSerialSequenceOn() throws Exception {
        try (SeedFixture db = SeedFixture.with("""
                create table categories (id bigserial primary key, parent_id bigint references categories, name text);
                create table employees (badge int primary key, manager int not null references employees);
                create table nodes (id int generated always as identity primary key, up int references nodes);
                """)) {
            SeedReport report = db.seed(seeder(1500));

            assertThat(db.rows("select count(*), count(c.parent_id), count(p.id) from categories c"
                    + " left join categories p on p.id = c.parent_id")).singleElement().satisfies(row -> {
                        String[] counts = row.split("\\|");
                        assertThat(counts[0]).isEqualTo("1500");
                        assertThat(counts[1]).isEqualTo(counts[2]);
                        assertThat(Long.parseLong(counts[1])).isBetween(1200L, 1450L);
                    });
            assertThat(db.value("select nextval('categories_id_seq')")).isEqualTo("1501");
            assertThat(db.rows("select count(*), count(m.badge) from employees e join employees m on m.badge = e.manager"))
                    .containsExactly("1500|1500");
            assertThat(db.number("select count(up) from nodes")).isZero();
            assertThat(report.findings()).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(Kind.SELF_REFERENCE);
                assertThat(f.table()).isEqualTo("public.nodes");
                assertThat(f.message()).contains("left NULL");
            });
        }
    }

    @Test
    void breaksACycleAtANullableKeyAndSkipsACycleOfNotNullKeys() throws Exception {
        try (SeedFixture db = SeedFixture.with("""
                create table teams (id int primary key, lead_id int);
                create table people (id int primary key, team_id int not null references teams);
                alter table teams add foreign key (lead_id) references people;
                create table eggs (id int primary key, chicken_id int not null);
                create table chickens (id int primary key, egg_id int not null references eggs);
                alter table eggs add foreign key (chicken_id) references chickens;
                create table farms (id int primary key, egg_id int references eggs);
                """)) {
            SeedReport report = db.seed(seeder(300));

            assertThat(db.rows("select (select count(*) from teams), (select count(lead_id) from teams),"
                    + " (select count(*) from people p join teams t on t.id = p.team_id)")).containsExactly("300|0|300");
            assertThat(report.table("public.teams").orElseThrow().findings()).singleElement()
                    .satisfies(f -> assertThat(f.kind()).isEqualTo(Kind.FOREIGN_KEY_CYCLE));
            TableSeeding skipped = report.tables().stream()
                    .filter(t -> t.findings().stream().anyMatch(f -> f.kind() == Kind.FOREIGN_KEY_CYCLE)
                            && !t.table().equals("public.teams"))
                    .findFirst().orElseThrow();
            assertThat(skipped.outcome()).isEqualTo(TableSeeding.Outcome.SKIPPED);
            assertThat(skipped.table()).isIn("public.eggs", "public.chickens");
            assertThat(skipped.findings()).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(Kind.FOREIGN_KEY_CYCLE);
                assertThat(f.message()).contains("cycle of NOT NULL foreign keys");
            });
            String other = skipped.table().equals("public.eggs") ? "public.chickens" : "public.eggs";
            assertThat(report.table(other).orElseThrow().outcome()).isEqualTo(TableSeeding.Outcome.SKIPPED);
            assertThat(report.table(other).orElseThrow().findings()).extracting(SeedFinding::kind)
                    .containsExactly(Kind.MISSING_PARENT_ROWS);
            assertThat(db.rows("select count(*), count(egg_id) from farms")).containsExactly("300|0");
            assertThat(report.table("public.farms").orElseThrow().findings()).extracting(SeedFinding::kind)
                    .containsExactly(Kind.MISSING_PARENT_ROWS);
        }
    }

    @Test
    void tablesLeftOutServeAsParentsWithTheirRowsAndExistingRowsKeepTheirKeys() throws Exception {
        try (SeedFixture db = SeedFixture.with("""
                create table countries (code char(2) primary key);
                insert into countries values ('de'), ('fr'), ('nl');
                create table cities (id int primary key, country char(2) not null references countries, name text unique);
                insert into cities values (1, 'de', 'berlin'), (7, 'fr', 'paris');
                create table empty_parent (id int primary key);
                create table orphans (id int primary key, parent_id int not null references empty_parent);
                """)) {
            SeedReport report = db.seed(seeder(400).exclude("public.countries", "public.empty_parent"));

            assertThat(report.table("public.countries")).isEmpty();
            assertThat(db.rows("select count(*), count(distinct country), min(id) filter (where id > 7),"
                    + " count(*) filter (where id in (1, 7)) from cities")).containsExactly("402|3|8|2");
            TableSeeding orphans = report.table("public.orphans").orElseThrow();
            assertThat(orphans.outcome()).isEqualTo(TableSeeding.Outcome.SKIPPED);
            assertThat(orphans.findings()).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(Kind.MISSING_PARENT_ROWS);
                assertThat(f.message()).contains("public.empty_parent has no rows", "NOT NULL");
            });
        }
    }
}
