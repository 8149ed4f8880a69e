package dev.dbops.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.postgres.PostgresServer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The same content hashes the same on every supported major version, type by type, so a drill that
 * restores into a newer server compares like with like. One table per column encoding and per
 * text-form type, with the values most likely to be written differently (special floats, numeric
 * scale, time zones, escapes).
 */
class FingerprintAcrossVersionsTest {

    private static final String DATA = """
            create type mood as enum ('sad', 'ok', 'happy');
            create type pair as (a int, b text);
            create table ints (v2 smallint, v4 int, v8 bigint, o oid, b boolean);
            insert into ints values (-32768, -2147483648, -9223372036854775808, 0, false),
                (32767, 2147483647, 9223372036854775807, 4294967295, true), (null, null, null, null, null);
            create table floats (r real, d double precision);
            insert into floats values ('NaN', 'NaN'), ('Infinity', '-Infinity'), (-0.0, -0.0), (0, 0),
                (1.17549435e-38, 2.2250738585072014e-308), (3.14159, 0.1), (null, null);
            create table texts (t text, v varchar(20), c char(5), bp bpchar, u uuid, b bytea);
            insert into texts values ('ünïcödé ''q'' \\ "x"', 'v', 'ab', 'a  ', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
                '\\x00ff10'), ('', '', '', '', '00000000-0000-0000-0000-000000000000', ''),
                (null, null, null, null, null, null);
            create table times (d date, ts timestamp, tz timestamptz, t time, ttz timetz, i interval);
            insert into times values ('infinity', '-infinity', 'infinity', '24:00', '00:00+14', '-178000000 years'),
                ('4713-01-01 BC', '294276-12-31 23:59:59.999999', '2000-01-01 00:00:00.000001+05:30', '12:34:56.789',
                 '12:34:56.789-07', '1 year 2 mons 3 days 04:05:06.789'), ('2024-02-29', '1999-12-31 23:59:59',
                 '1970-01-01 00:00:00+00', '00:00', '23:59:59+00', '-1 day +24:00'), (null, null, null, null, null, null);
            create table texts_of_types (n numeric, j jsonb, js json, a int[], ta text[], e mood, ea mood[], p pair,
                ip inet, m money, pt point, r int4range);
            insert into texts_of_types values (-0.000100, '{"b": [1.0, -2e3, null], "a": "\\u00e9"}', '{"a" : 1,"a":2}',
                '[0:1][1:2]={{1,2},{3,4}}', '{"a,b","",NULL,"\\\\"}', 'ok', '{happy,sad}', row(1, 'x'), '10.0.0.1/24',
                12.34, '(1.5,-0)', '[1,10)'),
                ('NaN', 'null', 'null', '{}', '{}', 'sad', '{}', row(null, null), '::1', -0.01, '(0,0)', 'empty'),
                (null, null, null, null, null, null, null, null, null, null, null, null);
            """;

    @Test
    void hashesTheSameContentEquallyOnPostgres12To18() throws Exception {
        Map<String, String> expected = hashes(DrillFixture.SERVER);
        assertThat(expected).hasSize(5).doesNotContainValue("0");
        for (String version : new String[] {"12", "14", "18"}) {
            if (Integer.parseInt(version) == DrillFixture.SERVER.majorVersion()) {
                continue;
            }
            try (PostgresServer server = PostgresProvider.fromSpec("embedded:" + version)) {
                assertThat(hashes(server)).as("PostgreSQL %s against %d", version, DrillFixture.SERVER.majorVersion())
                        .isEqualTo(expected);
            }
        }
    }

    private static Map<String, String> hashes(PostgresServer server) throws Exception {
        try (PostgresDatabase database = server.createDatabase()) {
            DrillFixture.execute(database.url(), DATA);
            Map<String, String> hashes = new LinkedHashMap<>();
            for (String table : new String[] {"ints", "floats", "texts", "times", "texts_of_types"}) {
                hashes.put(table, FingerprintExactnessTest.hash(database.url(), table));
            }
            return hashes;
        }
    }
}
