package dev.dbops.audit;

import static dev.dbops.audit.AuditTesting.exec;
import static dev.dbops.audit.AuditTesting.execAndDisconnect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import io.github.mfvanek.pg.connection.PgConnection;
import io.github.mfvanek.pg.connection.PgConnectionImpl;
import io.github.mfvanek.pg.core.checks.host.DuplicatedIndexesCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.ForeignKeysNotCoveredWithIndexCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.IndexesWithBloatCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.IntersectedIndexesCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.InvalidIndexesCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.SequenceOverflowCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.TablesWithBloatCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.TablesWithoutPrimaryKeyCheckOnHost;
import io.github.mfvanek.pg.core.checks.host.UnusedIndexesCheckOnHost;
import io.github.mfvanek.pg.model.context.PgContext;
import io.github.mfvanek.pg.model.index.DuplicatedIndexes;
import io.github.mfvanek.pg.model.index.Index;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs pg-index-health (io.github.mfvanek) and dbops on the same database and compares what they
 * find for the check kinds both have.
 */
class PgIndexHealthComparisonTest {

    private static final String SCHEMA = """
            create table parent (id bigint primary key, x int, y int, unique (x, y));
            create table child (id bigint primary key, parent_id bigint references parent);
            create table swapped (id bigint primary key, x int, y int, foreign key (x, y) references parent (x, y));
            create index swapped_y_x on swapped (y, x);
            create table spread (id bigint primary key, x int, z int, y int, foreign key (x, y) references parent (x, y));
            create index spread_x_z_y on spread (x, z, y);
            create table d (id bigint primary key, a int, b int, c int, e int, f int);
            create index d_id on d (id);
            create index d_a_1 on d (a);
            create index d_a_2 on d (a);
            create unique index d_b_unique on d (b);
            create index d_b on d (b);
            create index d_c on d (c);
            create index d_c_e on d (c, e);
            create unique index d_e_unique on d (e);
            create index d_e_f on d (e, f);
            create index d_id_f on d (id, f);
            create table used (id bigint primary key, v int);
            create index used_v on used (v);
            create table no_key (a int);
            create table events (id bigint, at date) partition by range (at);
            create table events_2026 partition of events for values from ('2026-01-01') to ('2027-01-01');
            create table counters (id serial primary key);
            select setval('counters_id_seq', 2000000000);
            create sequence wide_ids;
            create table narrow (id int default nextval('wide_ids'));
            select setval('wide_ids', 1900000000);
            create table churn (id bigint, payload text) with (autovacuum_enabled = off);
            insert into churn select g, repeat('p', 100) from generate_series(1, 20000) g;
            create index churn_id on churn (id);
            insert into parent select g, g, g from generate_series(1, 100) g;
            insert into used select g, g from generate_series(1, 1000) g;
            """;

    @Test
    void dbopsFindsEverythingPgIndexHealthFindsForTheSharedCheckKindsExceptTheDocumentedDifferences() throws Exception {
        try (PostgresDatabase database = PostgresProvider.shared().createDatabase();
             Connection connection = database.connect()) {
            execAndDisconnect(database, SCHEMA);
            execAndDisconnect(database, "create table users (id bigint primary key, email text)",
                    "insert into users values (1, 'a'), (2, 'a')");
            assertThatThrownBy(() -> exec(connection, "create unique index concurrently users_email on users (email)"))
                    .isInstanceOf(SQLException.class);
            execAndDisconnect(database, "set enable_seqscan = off",
                    "select count(*) from used where v = 1", "select count(*) from used where v = 2");
            AuditTesting.awaitInserts(connection, "churn", 20000);
            exec(connection, "update churn set payload = repeat('q', 100)", "analyze");
            AuditReport dbops = auditUntil(connection);
            PgConnection pih = PgConnectionImpl.ofUrl(database.dataSource(), database.url().jdbcUrl());
            PgContext context = PgContext.of("public", 30.0, 20.0);

            Comparison comparison = new Comparison();
            comparison.kind("foreign key without index",
                    names(new ForeignKeysNotCoveredWithIndexCheckOnHost(pih).check(context),
                            fk -> qualified(fk.getTableName()) + "." + fk.getConstraintName()),
                    objects(dbops, AuditCheck.FOREIGN_KEY_WITHOUT_INDEX,
                            f -> f.object() + "." + f.evidence().get("constraint")));
            comparison.kind("duplicate index",
                    new DuplicatedIndexesCheckOnHost(pih).check(context).stream()
                            .map(PgIndexHealthComparisonTest::group).collect(Collectors.toCollection(TreeSet::new)),
                    objects(dbops, AuditCheck.DUPLICATE_INDEX, f -> group(f.object(), (String) f.evidence().get("duplicateOf"))));
            Set<String> shorterOfEachPair = new TreeSet<>();
            for (DuplicatedIndexes pair : new IntersectedIndexesCheckOnHost(pih).check(context)) {
                shorterOfEachPair.add(shorter(connection, pair));
            }
            comparison.kind("intersected/redundant index (the shorter index of each pair)", shorterOfEachPair,
                    union(objects(dbops, AuditCheck.REDUNDANT_INDEX, AuditFinding::object),
                            objects(dbops, AuditCheck.DUPLICATE_INDEX, AuditFinding::object)));
            comparison.kind("invalid index",
                    names(new InvalidIndexesCheckOnHost(pih).check(context), i -> qualified(i.getIndexName())),
                    objects(dbops, AuditCheck.INVALID_INDEX, AuditFinding::object));
            comparison.kind("unused index",
                    names(new UnusedIndexesCheckOnHost(pih).check(context), i -> qualified(i.getIndexName())),
                    objects(dbops, AuditCheck.UNUSED_INDEX, AuditFinding::object));
            comparison.kind("table without primary key",
                    names(new TablesWithoutPrimaryKeyCheckOnHost(pih).check(context), t -> qualified(t.getTableName())),
                    objects(dbops, AuditCheck.TABLE_WITHOUT_PRIMARY_KEY, AuditFinding::object));
            comparison.kind("sequence overflow",
                    names(new SequenceOverflowCheckOnHost(pih).check(context), q -> qualified(q.getSequenceName())),
                    objects(dbops, AuditCheck.SEQUENCE_EXHAUSTION, AuditFinding::object));
            comparison.kind("table bloat",
                    names(new TablesWithBloatCheckOnHost(pih).check(context), t -> qualified(t.getTableName())),
                    objects(dbops, AuditCheck.TABLE_BLOAT, AuditFinding::object));
            comparison.kind("index bloat",
                    names(new IndexesWithBloatCheckOnHost(pih).check(context), i -> qualified(i.getIndexName())),
                    objects(dbops, AuditCheck.INDEX_BLOAT, AuditFinding::object));

            System.out.println(comparison.report());
            assertThat(comparison.onlyPeer).as(comparison.report()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    // Index (y, x) serves the lookups of foreign key (x, y): both columns are compared by equality.
                    // pg-index-health wants the foreign key's first column first.
                    "foreign key without index", Set.of("public.swapped.swapped_x_y_fkey"),
                    // Dropping a unique index or a primary key drops the constraint it enforces: not redundant.
                    "intersected/redundant index (the shorter index of each pair)", Set.of("public.d_e_unique",
                            "public.d_pkey"),
                    // A partition gets its parent's primary key once the parent has one: reported once, on the parent.
                    "table without primary key", Set.of("public.events_2026")));
            assertThat(comparison.onlyDbops).as(comparison.report())
                    // Foreign key (x, y) and index (x, z, y): a lookup by x and y reads every z of each x.
                    .containsEntry("foreign key without index", Set.of("public.spread.spread_x_y_fkey"))
                    // The same index supports no foreign key, so it is judged by its scans.
                    .containsEntry("unused index", Set.of("public.spread_x_z_y"))
                    // An integer column fed by a bigint sequence fails at 2,147,483,647.
                    .containsEntry("sequence overflow", Set.of("public.wide_ids"));
        }
    }

    private static AuditReport auditUntil(Connection connection) throws InterruptedException {
        AuditThresholds thresholds = AuditThresholds.builder()
                .set(AuditThreshold.UNUSED_INDEX_MAX_SCANS, 49L)
                .set(AuditThreshold.UNUSED_INDEX_MIN_SIZE, 0L)
                .set(AuditThreshold.SEQUENCE_WARNING_RATIO, 0.8)
                .set(AuditThreshold.TABLE_BLOAT_MIN_SIZE, 0L)
                .set(AuditThreshold.TABLE_BLOAT_MIN_RATIO, 0.3)
                .set(AuditThreshold.INDEX_BLOAT_MIN_SIZE, 0L)
                .set(AuditThreshold.INDEX_BLOAT_MIN_RATIO, 0.3)
                .build();
        DatabaseAudit audit = DatabaseAudit.builder().only("indexes", "tables").thresholds(thresholds).build();
        long deadline = System.nanoTime() + 10_000_000_000L;
        AuditReport report = audit.run(connection);
        while (AuditTesting.flags(report, "public.used_v") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            report = audit.run(connection);
        }
        return report;
    }

    private static String qualified(String name) {
        return name.contains(".") ? name : "public." + name;
    }

    private static <T> Set<String> names(java.util.List<T> items, Function<T, String> name) {
        return items.stream().map(name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> objects(AuditReport report, AuditCheck check, Function<AuditFinding, String> name) {
        return report.findings(check).stream().map(name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static String group(DuplicatedIndexes duplicated) {
        return duplicated.getIndexes().stream().map(i -> qualified(i.getIndexName())).sorted()
                .collect(Collectors.joining(" = "));
    }

    private static String group(String... indexes) {
        return java.util.Arrays.stream(indexes).sorted().collect(Collectors.joining(" = "));
    }

    /** The index of an intersected pair with fewer columns: the one the other makes redundant. */
    private static String shorter(Connection connection, DuplicatedIndexes pair) throws SQLException {
        String shortest = null;
        long fewest = Long.MAX_VALUE;
        for (Index index : pair.getIndexes()) {
            long columns = AuditTesting.queryLong(connection, "select indnatts from pg_index where indexrelid = '"
                    + index.getIndexName().replace("'", "''") + "'::regclass");
            if (columns < fewest) {
                fewest = columns;
                shortest = qualified(index.getIndexName());
            }
        }
        return shortest;
    }

    /** What each tool found per kind, and what only one of them found. */
    private static final class Comparison {
        private final StringBuilder text = new StringBuilder();
        final Map<String, Set<String>> onlyPeer = new TreeMap<>();
        final Map<String, Set<String>> onlyDbops = new TreeMap<>();

        void kind(String kind, Set<String> peer, Set<String> ours) {
            Set<String> missing = new TreeSet<>(peer);
            missing.removeAll(ours);
            Set<String> extra = new TreeSet<>(ours);
            extra.removeAll(peer);
            if (!missing.isEmpty()) {
                onlyPeer.put(kind, missing);
            }
            if (!extra.isEmpty()) {
                onlyDbops.put(kind, extra);
            }
            text.append(kind).append(":\n  pg-index-health: ").append(peer).append("\n  dbops: ").append(ours)
                    .append("\n  only pg-index-health: ").append(missing).append("\n  only dbops: ").append(extra)
                    .append('\n');
        }

        String report() {
            return text.toString();
        }
    }
}
