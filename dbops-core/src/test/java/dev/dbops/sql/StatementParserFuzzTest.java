package dev.dbops.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Feeds random and mutated SQL to the splitter and the parser: whatever the input, the parser returns a
 * statement (possibly {@code Unparsed} with a reason) and never throws.
 */
class StatementParserFuzzTest {

    private static final List<String> SEEDS = List.of(
            "CREATE TABLE IF NOT EXISTS s.t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, a int NOT NULL "
                    + "REFERENCES p (id) ON DELETE CASCADE, b numeric(10,2) DEFAULT 0 CHECK (b > 0), "
                    + "CONSTRAINT u UNIQUE (a, b), EXCLUDE USING gist (a WITH =) WHERE (b > 0)) PARTITION BY RANGE (a)",
            "ALTER TABLE ONLY t ADD COLUMN x text DEFAULT random()::text NOT NULL, ALTER COLUMN y TYPE bigint "
                    + "USING y::bigint, ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES p NOT VALID, VALIDATE CONSTRAINT f",
            "ALTER TABLE t DETACH PARTITION p CONCURRENTLY",
            "ALTER TABLE t ATTACH PARTITION p FOR VALUES FROM (1) TO (2)",
            "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON ONLY t USING btree (lower(a)) INCLUDE (b) WHERE c",
            "DROP INDEX CONCURRENTLY IF EXISTS a, b CASCADE",
            "REINDEX (VERBOSE) TABLE CONCURRENTLY t",
            "ALTER TYPE e ADD VALUE IF NOT EXISTS 'v' BEFORE 'w'",
            "ALTER DOMAIN d ADD CONSTRAINT c CHECK (VALUE > 0) NOT VALID",
            "CREATE OR REPLACE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f()",
            "LOCK TABLE a, b IN SHARE ROW EXCLUSIVE MODE NOWAIT",
            "VACUUM (FULL, ANALYZE) t",
            "WITH a AS (SELECT 1) UPDATE t SET x = 1 WHERE y IN (SELECT * FROM a)",
            "SET LOCAL lock_timeout = '2s'",
            "SELECT pg_catalog.set_config('statement_timeout', '5s', false)",
            "DO $$ DECLARE n int; BEGIN IF x THEN CREATE INDEX i ON t (a); END IF; EXECUTE 'x'; END $$",
            "CREATE MATERIALIZED VIEW IF NOT EXISTS v AS SELECT 1 WITH NO DATA",
            "TRUNCATE TABLE ONLY a, b RESTART IDENTITY CASCADE",
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END");

    private static final String[] FRAGMENTS = {"(", ")", ",", ";", "'", "\"", "$$", "--", "/*", "*/", "NOT", "NULL",
        "ADD", "COLUMN", "CONSTRAINT", "ON", "ONLY", "USING", "TYPE", "SET", "DEFAULT", "CHECK", "WITH", "[", "]",
        "::", ".", "=", "E'\\'", "BEGIN", "END", "CASE", "CREATE", "TABLE", "INDEX", "ALTER", "DO", "LANGUAGE", "x"};

    @Test
    void neverThrowsOnAHundredThousandMutatedStatements() {
        SplittableRandom random = new SplittableRandom(20261121L);
        int parsed = 0;
        for (int i = 0; i < 100_000; i++) {
            String input = mutate(SEEDS.get(random.nextInt(SEEDS.size())), random);
            for (SqlStatement statement : SqlScript.parse(input).statements()) {
                Statement result = StatementParser.parse(statement);
                assertThat(result.source()).isSameAs(statement);
                if (result instanceof Statement.Unparsed unparsed) {
                    assertThat(unparsed.reason()).isNotBlank();
                }
                parsed++;
            }
        }
        assertThat(parsed).isGreaterThan(100_000);
    }

    private static String mutate(String seed, SplittableRandom random) {
        StringBuilder text = new StringBuilder(seed);
        int mutations = 1 + random.nextInt(6);
        for (int m = 0; m < mutations && !text.isEmpty(); m++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(5)) {
                case 0 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(12)));
                case 1 -> text.insert(at, " " + FRAGMENTS[random.nextInt(FRAGMENTS.length)] + " ");
                case 2 -> text.setLength(at);
                case 3 -> text.insert(at, text.substring(at, Math.min(text.length(), at + random.nextInt(20))));
                default -> text.setCharAt(at, (char) (32 + random.nextInt(95)));
            }
        }
        return text.toString();
    }
}
