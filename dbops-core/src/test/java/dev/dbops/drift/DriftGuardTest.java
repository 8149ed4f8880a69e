package dev.dbops.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.DbopsException;
import dev.dbops.diff.Difference;
import dev.dbops.schema.ObjectKind;
import dev.dbops.schema.Schema;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The policy that turns a drift report into pass, warn or fail. */
class DriftGuardTest {

    private static HistoryEntry entry(String migration, HistoryStatus status) {
        return new HistoryEntry(status, migration, Optional.empty(), "x", Optional.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), "the message of " + migration, List.of());
    }

    private static DriftReport report(List<HistoryEntry> entries, List<SchemaDifference> differences) {
        HistoryReport history = new HistoryReport(MigrationTool.FLYWAY, Optional.of("public.flyway_schema_history"), entries);
        SchemaDriftReport schema = new SchemaDriftReport(ExpectedSchema.SNAPSHOT, "snapshot s.json", Optional.empty(),
                Optional.empty(), Optional.empty(), differences, Optional.of(Schema.EMPTY), Schema.EMPTY);
        return new DriftReport(history, schema, new MigrationFiles(MigrationTool.FLYWAY, 3, Optional.of("3")), List.of(),
                Duration.ZERO);
    }

    private static SchemaDifference indexByHand() {
        return new SchemaDifference(new Difference(ObjectKind.INDEX, "public.i", Difference.Change.ADDED, List.of()),
                List.of(), DriftCause.APPLIED_BY_HAND, "index public.i is only in the live database");
    }

    @Test
    void passesWhenEverythingMatchesOrIsPending() {
        DriftGuard.Decision decision = DriftGuard.builder().build().evaluate(report(List.of(
                entry("V1", HistoryStatus.MATCHES), entry("V2", HistoryStatus.PENDING)), List.of()));

        assertThat(decision.outcome()).isEqualTo(DriftGuard.Outcome.PASS);
        assertThat(decision.message()).isEqualTo("drift guard: PASS");
    }

    @Test
    void failsOnDriftAndListsFailuresBeforeWarnings() {
        DriftGuard.Decision decision = DriftGuard.builder().build().evaluate(report(List.of(
                entry("V1", HistoryStatus.OUT_OF_ORDER), entry("V2", HistoryStatus.CONTENT_CHANGED)),
                List.of(indexByHand())));

        assertThat(decision.outcome()).isEqualTo(DriftGuard.Outcome.FAIL);
        assertThat(decision.reasons()).containsExactly(
                "FAIL V2 checksum changed, content changed: the message of V2",
                "FAIL index public.i is only in the live database",
                "WARN V1 applied out of order: the message of V1");
        assertThat(decision.message()).startsWith("drift guard: FAIL (3 findings)\nFAIL V2");
    }

    @Test
    void letsAStatusAndSchemaDifferencesOnlyWarn() {
        DriftGuard guard = DriftGuard.builder().on(HistoryStatus.FORMATTING_ONLY, DriftGuard.Outcome.WARN)
                .schemaDifferences(DriftGuard.Outcome.WARN).build();

        DriftGuard.Decision decision = guard.evaluate(report(List.of(entry("V3", HistoryStatus.FORMATTING_ONLY)),
                List.of(indexByHand())));

        assertThat(decision.outcome()).isEqualTo(DriftGuard.Outcome.WARN);
        assertThat(decision.reasons()).hasSize(2).allMatch(r -> r.startsWith("WARN "));
    }

    @Test
    void failsOnWarningsWhenAskedTo() {
        DriftGuard.Decision decision = DriftGuard.builder().failOn(DriftLevel.WARNING).build()
                .evaluate(report(List.of(entry("V4", HistoryStatus.FUTURE)), List.of()));

        assertThat(decision.outcome()).isEqualTo(DriftGuard.Outcome.FAIL);
    }

    @Test
    void reportsEveryInvalidOptionAtOnce() {
        assertThatThrownBy(() -> DriftGuard.builder().failOn(null).on(null, DriftGuard.Outcome.PASS)
                .schemaDifferences(null).build())
                .isInstanceOf(DbopsException.class)
                .hasMessage("invalid DriftGuard options: failOn needs a level; on(status, outcome) needs both, got null"
                        + " and PASS; schemaDifferences needs an outcome");
    }
}
