package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.Violation;
import org.junit.jupiter.api.Test;

class PrimaryKeyBuildsIndexTest {

    private final LintFixture lint = LintFixture.rule("primary-key-builds-index");

    @Test
    void flagsAPrimaryKeyAddedToALiveTableOnPostgres17() {
        Violation violation = assertThat(lint.onPostgres(17).inTransaction("ALTER TABLE events ADD PRIMARY KEY (id);"))
                .singleElement().actual();

        assertThat(violation.severity()).isEqualTo(Severity.ERROR);
        assertThat(violation.message()).isEqualTo("ADD PRIMARY KEY events_pkey on events takes ACCESS EXCLUSIVE lock"
                + " (blocks reads and writes) and builds an index from the whole table while holding it, after"
                + " scanning the key columns for NULLs unless they are NOT NULL already");
        assertThat(violation.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
        assertThat(violation.impact()).isEqualTo(TableImpact.INDEX_BUILD);
        assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix).contains(
                "ALTER TABLE events ADD CONSTRAINT events_id_not_null CHECK (id IS NOT NULL) NOT VALID;",
                "ALTER TABLE events VALIDATE CONSTRAINT events_id_not_null;",
                "ALTER TABLE events ALTER COLUMN id SET NOT NULL;",
                "CREATE UNIQUE INDEX CONCURRENTLY events_pkey ON events (id);")
                .endsWith("\nALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_pkey;"));
    }

    @Test
    void usesNotValidNotNullOnPostgres18() {
        assertThat(lint.onPostgres(18).inTransaction("ALTER TABLE events ADD CONSTRAINT events_pk PRIMARY KEY (id);"))
                .singleElement().satisfies(v -> assertThat(v.fix()).hasValueSatisfying(fix -> assertThat(fix)
                        .contains("ALTER TABLE events ADD CONSTRAINT events_id_not_null NOT NULL id NOT VALID;",
                                "ADD CONSTRAINT events_pk PRIMARY KEY USING INDEX events_pk;")
                        .doesNotContain("CHECK (id IS NOT NULL)")));
    }

    @Test
    void flagsANewSerialKeyColumnAndFillsItFromItsSequence() {
        Violation violation = assertThat(lint.inTransaction("ALTER TABLE events ADD COLUMN id bigserial PRIMARY KEY;"))
                .singleElement().actual();

        assertThat(violation.message()).startsWith("ADD COLUMN id … PRIMARY KEY on events takes ACCESS EXCLUSIVE");
        assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix).startsWith(
                "ALTER TABLE events ADD COLUMN id bigint;  -- no value yet: catalog only\n"
                        + "CREATE SEQUENCE events_id_seq OWNED BY events.id;\n"
                        + "ALTER TABLE events ALTER COLUMN id SET DEFAULT nextval('events_id_seq');"));
    }

    @Test
    void acceptsAPrimaryKeyUsingAnIndexBuiltConcurrently() {
        assertThat(lint.inTransaction("ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX"
                + " events_pkey;")).isEmpty();
    }

    @Test
    void acceptsAPrimaryKeyOnATableCreatedEarlierInTheMigrations() {
        assertThat(lint.after("CREATE TABLE events (id bigint NOT NULL, payload jsonb);")
                .inTransaction("ALTER TABLE events ADD PRIMARY KEY (id);")).isEmpty();
    }
}
