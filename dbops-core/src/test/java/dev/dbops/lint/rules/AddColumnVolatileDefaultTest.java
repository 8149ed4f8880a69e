package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddColumnVolatileDefaultTest {

    private final LintFixture lint = LintFixture.rule("add-column-volatile-default");

    @Test
    void flagsAVolatileDefaultOnALiveTable() {
        List<Violation> violations = lint.inTransaction(
                "ALTER TABLE orders ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid();");

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.severity()).isEqualTo(Severity.ERROR);
            assertThat(v.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
            assertThat(v.impact()).isEqualTo(TableImpact.REWRITE);
            assertThat(v.message()).contains("ADD COLUMN token uuid DEFAULT gen_random_uuid() on orders",
                    "rewrites the table and its indexes", "ACCESS EXCLUSIVE lock (blocks reads and writes)",
                    "gen_random_uuid() is volatile");
            assertThat(v.fix()).hasValueSatisfying(fix -> assertThat(fix)
                    .contains("ALTER TABLE orders ADD COLUMN token uuid, ALTER COLUMN token SET DEFAULT"
                            + " gen_random_uuid();")
                    .contains("UPDATE orders SET token = gen_random_uuid() WHERE token IS NULL AND ctid = ANY")
                    .contains("CHECK (token IS NOT NULL) NOT VALID"));
        });
    }

    @Test
    void flagsVolatileCallsHiddenBehindCastsAndExpressions() {
        List<Violation> violations = lint.inTransaction("""
                ALTER TABLE a ADD COLUMN r int DEFAULT (random() * 10)::int;
                ALTER TABLE b ADD COLUMN t timestamptz DEFAULT clock_timestamp()::timestamp(3) with time zone;
                ALTER TABLE c ADD COLUMN n bigint DEFAULT nextval('c_n_seq'::regclass);
                ALTER TABLE d ADD COLUMN u text DEFAULT CAST(uuid_generate_v4() AS text);
                """);

        assertThat(violations).extracting(Violation::message).satisfiesExactly(
                m -> assertThat(m).contains("random() is volatile"),
                m -> assertThat(m).contains("clock_timestamp() is volatile"),
                m -> assertThat(m).contains("nextval() is volatile"),
                m -> assertThat(m).contains("uuid_generate_v4() is volatile"));
    }

    @Test
    void flagsAPlpgsqlFunctionDeclaredVolatileByAnEarlierMigration() {
        List<Violation> violations = lint
                .after("CREATE FUNCTION next_code() RETURNS text LANGUAGE plpgsql AS $$ BEGIN RETURN 'x'; END $$;")
                .inTransaction("ALTER TABLE orders ADD COLUMN code text DEFAULT next_code();");

        assertThat(violations).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("next_code() is volatile"));
    }

    @Test
    void acceptsStableAndImmutableDefaultsOnPostgres12() {
        List<Violation> violations = lint.onPostgres(12).inTransaction("""
                ALTER TABLE orders ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
                ALTER TABLE orders ADD COLUMN updated_at timestamptz DEFAULT CURRENT_TIMESTAMP;
                ALTER TABLE orders ADD COLUMN seen_at timestamp(3) DEFAULT localtimestamp(3);
                ALTER TABLE orders ADD COLUMN day date DEFAULT current_date;
                ALTER TABLE orders ADD COLUMN flags jsonb DEFAULT jsonb_build_object('a', 1);
                ALTER TABLE orders ADD COLUMN who text DEFAULT current_setting('application_name');
                ALTER TABLE orders ADD COLUMN price numeric(10, 2) DEFAULT 0::numeric(10, 2);
                """);

        assertThat(violations).isEmpty();
    }

    @Test
    void acceptsAVolatileDefaultOnATableCreatedEarlierInTheMigrations() {
        List<Violation> violations = lint.after("CREATE TABLE orders (id bigint);")
                .inTransaction("ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();");

        assertThat(violations).isEmpty();
    }

    @Test
    void flagsADefaultCallingAFunctionOfUnknownVolatility() {
        List<Violation> violations = lint.inTransaction("ALTER TABLE orders ADD COLUMN code text DEFAULT make_code();");

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.severity()).isEqualTo(Severity.WARNING);
            assertThat(v.impact()).isEqualTo(TableImpact.REWRITE);
            assertThat(v.message()).contains("cannot tell whether make_code() is volatile",
                    "if it is, the ADD COLUMN rewrites the table");
            assertThat(v.fix()).hasValueSatisfying(fix -> assertThat(fix)
                    .contains("SELECT proname, provolatile FROM pg_proc WHERE proname IN ('make_code');"));
        });
    }

    @Test
    void flagsASqlFunctionDeclaredVolatileBecauseItMayNotBeInlined() {
        List<Violation> violations = lint
                .after("CREATE FUNCTION pick() RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$;")
                .inTransaction("ALTER TABLE orders ADD COLUMN p text DEFAULT pick();");

        assertThat(violations).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("cannot tell whether pick() is volatile"));
    }

    @Test
    void acceptsFunctionsDeclaredStableOrImmutable() {
        List<Violation> violations = lint
                .after("CREATE OR REPLACE FUNCTION tenant() RETURNS text LANGUAGE plpgsql STABLE AS $$ BEGIN RETURN"
                        + " 'a'; END $$;")
                .inTransaction("ALTER TABLE orders ADD COLUMN t text DEFAULT public.tenant();");

        assertThat(violations).isEmpty();
    }
}
