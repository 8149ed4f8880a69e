package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.lint.LintFixture;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.Violation;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The type changes observed on PostgreSQL 14 and 18 (relfilenode of the table and of an index on the
 * column, before and after): exactly one of column-type-rewrite and column-type-safe-widening reports
 * each, and the right one.
 */
class ColumnTypeChangeMatrixTest {

    @ParameterizedTest(name = "{0} to {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "varchar(10)               | varchar(20)               | kept",
        "varchar(20)               | varchar(10)               | rewrite",
        "varchar(10)               | varchar                   | kept",
        "varchar(10)               | text                      | kept",
        "character varying         | text                      | kept",
        "text                      | varchar                   | kept",
        "text                      | varchar(10)               | rewrite",
        "char(10)                  | char(20)                  | rewrite",
        "char(10)                  | text                      | rewrite",
        "varchar(10)               | char(10)                  | rewrite",
        "numeric(10,2)             | numeric(12,2)             | kept",
        "numeric(10,2)             | numeric(12,3)             | rewrite",
        "numeric(10,2)             | numeric                   | kept",
        "decimal(10)               | numeric(12)               | kept",
        "numeric                   | numeric(10,2)             | rewrite",
        "numeric(12,2)             | numeric(10,2)             | rewrite",
        "bit varying(5)            | bit varying(10)           | kept",
        "varbit(10)                | bit varying(5)            | rewrite",
        "bit(5)                    | bit(10)                   | rewrite",
        "bit(5)                    | bit varying(10)           | rewrite",
        "bit(5)                    | bit varying               | indexes",
        "cidr                      | inet                      | kept",
        "inet                      | cidr                      | rewrite",
        "timestamp(3)              | timestamp(6)              | kept",
        "timestamp(3)              | timestamp                 | kept",
        "timestamp                 | timestamp(3)              | rewrite",
        "timestamp(6)              | timestamp(3)              | rewrite",
        "timestamptz(0)            | timestamptz(3)            | kept",
        "time(2)                   | time(4)                   | kept",
        "time(4)                   | time(2)                   | rewrite",
        "timetz(2)                 | timetz(4)                 | kept",
        "interval(2)               | interval(4)               | kept",
        "interval(4)               | interval(2)               | rewrite",
        "interval                  | interval(6)               | kept",
        "interval day              | interval                  | kept",
        "interval                  | interval day              | rewrite",
        "interval day to second(2) | interval day to second(4) | kept",
        "interval hour             | interval day              | rewrite",
        "interval day              | interval hour             | kept",
        "integer                   | bigint                    | rewrite",
        "smallint                  | int                       | rewrite",
        "bigint                    | int4                      | rewrite",
        "integer                   | text                      | rewrite",
        "json                      | jsonb                     | rewrite",
        "text                      | citext                    | indexes",
        "citext                    | text                      | indexes",
        "citext                    | varchar(10)               | rewrite",
        "oid                       | integer                   | indexes",
        "varchar(10)[]             | varchar(20)[]             | rewrite",
        "varchar(10)[]             | text[]                    | rewrite",
        "real                      | double precision          | rewrite",
        "date                      | timestamp                 | rewrite",
        "timestamp(6)              | timestamptz(3)            | rewrite",
    })
    void reportsEachObservedTypeChangeWithExactlyOneRule(String from, String to, String observed) {
        List<Violation> violations = LintFixture.rule("column-type-rewrite")
                .after("ALTER TABLE m ADD COLUMN c " + from + ";")
                .report("SET lock_timeout = '1s'; ALTER TABLE m ALTER COLUMN c TYPE " + to + ";", true).violations()
                .stream().filter(v -> v.ruleId().startsWith("column-type-")).toList();

        switch (observed) {
            case "rewrite" -> assertThat(violations).singleElement().satisfies(v -> {
                assertThat(v.ruleId()).isEqualTo("column-type-rewrite");
                assertThat(v.impact()).isEqualTo(TableImpact.REWRITE);
            });
            case "indexes" -> assertThat(violations).singleElement().satisfies(v -> {
                assertThat(v.ruleId()).isEqualTo("column-type-safe-widening");
                assertThat(v.impact()).isEqualTo(TableImpact.INDEX_BUILD);
                assertThat(v.message()).contains("does not rewrite the table");
            });
            default -> assertThat(violations).as("kept: no rewrite, and lock_timeout is set").isEmpty();
        }
    }

    @ParameterizedTest(name = "timestamp to timestamptz after SET {0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "TIME ZONE 'UTC'           | column-type-safe-widening",
        "timezone = 'Etc/UTC'      | column-type-safe-widening",
        "TIME ZONE 'Europe/Berlin' | column-type-rewrite",
    })
    void decidesTimestampToTimestamptzByTheSessionTimeZoneSetEarlier(String setting, String rule) {
        List<Violation> violations = LintFixture.rule(rule)
                .after("ALTER TABLE m ADD COLUMN c timestamp;")
                .inTransaction("SET " + setting + "; ALTER TABLE m ALTER COLUMN c TYPE timestamptz;");

        assertThat(violations).singleElement().satisfies(v ->
                assertThat(v.message()).contains(rule.endsWith("rewrite") ? "is not UTC" : "rebuilds every index"));
    }
}
