package dev.dbops.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.dbops.LockMode;
import dev.dbops.sql.QualifiedName;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link MigrationLinter#declare}: the lock catalogue's facts for every statement, safe ones included. */
class DeclaredEffectsTest {

    private static List<DeclaredEffects> declare(int pgVersion, String... scripts) {
        List<MigrationScript> units = new java.util.ArrayList<>();
        for (int i = 0; i < scripts.length; i++) {
            units.add(MigrationScript.of("V" + (i + 1) + ".sql", scripts[i], true));
        }
        return MigrationLinter.builder().pgVersion(pgVersion).build().declare(units);
    }

    private static DeclaredEffects last(List<DeclaredEffects> effects) {
        return effects.get(effects.size() - 1);
    }

    @Test
    void declaresOneEntryPerStatementWithItsLocationEvenWhereNoRuleReportsAnything() {
        List<DeclaredEffects> effects = declare(15, "SET lock_timeout = '2s';\nALTER TABLE orders VALIDATE CONSTRAINT c;");

        assertThat(effects).extracting(e -> e.location().line()).containsExactly(1, 2);
        assertThat(effects.get(0).locks()).isEmpty();
        assertThat(effects.get(1).locks()).extracting(DeclaredLock::relation, DeclaredLock::role, DeclaredLock::mode)
                .containsExactly(tuple(QualifiedName.of("orders"), RelationRole.TABLE, LockMode.SHARE_UPDATE_EXCLUSIVE));
        assertThat(effects.get(1).work()).extracting(DeclaredWork::impact, DeclaredWork::condition)
                .containsExactly(tuple(TableImpact.SCAN, Optional.empty()));
    }

    @Test
    void decidesATypeChangeExactlyWhenAnEarlierScriptDeclaredTheColumnsType() {
        String table = "CREATE TABLE orders (id bigint PRIMARY KEY, note varchar(20), amount integer);";

        assertThat(last(declare(15, table, "ALTER TABLE orders ALTER COLUMN note TYPE varchar(200);")).work())
                .isEmpty();
        assertThat(last(declare(15, table, "ALTER TABLE orders ALTER COLUMN amount TYPE bigint;")).work())
                .extracting(DeclaredWork::impact, DeclaredWork::condition)
                .containsExactly(tuple(TableImpact.REWRITE, Optional.empty()));
    }

    @Test
    void namesItsConditionWhereItCanOnlyGiveAnUpperBound() {
        DeclaredEffects unknownType = last(declare(15, "ALTER TABLE orders ALTER COLUMN note TYPE varchar(200);"));
        DeclaredEffects liveNotNull = last(declare(15, "ALTER TABLE orders ALTER COLUMN note SET NOT NULL;"));

        assertThat(unknownType.work()).singleElement().satisfies(work -> {
            assertThat(work.impact()).isEqualTo(TableImpact.REWRITE);
            assertThat(work.condition()).hasValueSatisfying(c -> assertThat(c).startsWith("unless note is currently"));
        });
        assertThat(liveNotNull.work()).singleElement().satisfies(work -> assertThat(work.condition())
                .contains("unless a valid CHECK (note IS NOT NULL) proves it"));
    }

    @Test
    void declaresNoScanForSetNotNullThatAnEarlierValidCheckProves() {
        DeclaredEffects proven = last(declare(15, "CREATE TABLE orders (id bigint, note text);",
                "ALTER TABLE orders ADD CONSTRAINT note_present CHECK (note IS NOT NULL);",
                "ALTER TABLE orders ALTER COLUMN note SET NOT NULL;"));

        assertThat(proven.work()).isEmpty();
        assertThat(proven.locks()).extracting(DeclaredLock::mode).containsExactly(LockMode.ACCESS_EXCLUSIVE);
    }

    @Test
    void declaresTheTablesADropOrADomainConstraintReachesThroughEarlierDeclarations() {
        String schema = "CREATE TABLE orders (id bigint PRIMARY KEY);\n"
                + "CREATE TABLE lines (id bigint, order_id bigint REFERENCES orders (id));\n"
                + "CREATE DOMAIN cents AS integer;\nCREATE TABLE refunds (id bigint, amount cents);";

        assertThat(last(declare(15, schema, "DROP TABLE lines;")).locks())
                .extracting(lock -> lock.relation().name(), DeclaredLock::mode)
                .containsExactlyInAnyOrder(tuple("lines", LockMode.ACCESS_EXCLUSIVE),
                        tuple("orders", LockMode.ACCESS_EXCLUSIVE));
        DeclaredEffects domain = last(declare(15, schema, "ALTER DOMAIN cents ADD CONSTRAINT positive CHECK (VALUE > 0);"));
        assertThat(domain.locks()).extracting(lock -> lock.relation().name(), DeclaredLock::mode)
                .containsExactly(tuple("refunds", LockMode.SHARE));
        assertThat(domain.work()).extracting(work -> work.relation().name(), DeclaredWork::impact)
                .containsExactly(tuple("refunds", TableImpact.SCAN));
    }

    @Test
    void declaresAFullReadOfTheReferencedTableForAValidatedForeignKeyUnlessLookedUpByIndex() {
        DeclaredEffects key = last(declare(15, "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY"
                + " (customer_id) REFERENCES customers (id);"));

        assertThat(key.work()).extracting(work -> work.relation().name(), DeclaredWork::impact,
                work -> work.condition().isPresent())
                .containsExactly(tuple("orders", TableImpact.SCAN, false), tuple("customers", TableImpact.SCAN, true));
    }

    @Test
    void followsTheVersionItDeclaresFor() {
        String generated = "ALTER TABLE orders ADD COLUMN doubled integer GENERATED ALWAYS AS (amount * 2);";

        assertThat(last(declare(17, generated)).work()).extracting(DeclaredWork::impact)
                .containsExactly(TableImpact.REWRITE);
        assertThat(last(declare(18, generated)).work()).isEmpty();
    }

    @Test
    void declaresNothingInspectedForADoBlockWhoseBodyItCannotFollow() {
        DeclaredEffects block = last(declare(15, "DO $$ BEGIN EXECUTE 'ALTER TABLE orders ADD COLUMN x int'; END $$;"));

        assertThat(block.inspected()).isFalse();
        assertThat(block.locks()).isEmpty();
    }
}
