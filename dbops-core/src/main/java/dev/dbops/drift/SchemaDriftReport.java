package dev.dbops.drift;

import dev.dbops.schema.Schema;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Schema drift: the live schema compared with the one the migrations describe.
 *
 * @param expected where the expected schema came from
 * @param expectedFrom the same in words: {@code replay of 9 migrations on embedded PostgreSQL 15},
 *     {@code snapshot src/main/resources/db/dbops-snapshot.json}
 * @param replayTime how long the replay of the migrations took, in replay mode
 * @param replayFailure the statement that stopped the replay, when one did
 * @param fallback why the snapshot was used although a replay was asked for (the shadow database could
 *     not be created, or the replay failed)
 * @param differences every object that differs, ordered by kind and name
 * @param expectedSchema the expected schema as compared, when there is one: normalized by the configured
 *     diff (owners, grants, comments and ignored objects left out) when the schemas differ, as read (only
 *     the history table left out) when they agree
 * @param liveSchema the live schema as compared, the same way
 */
public record SchemaDriftReport(ExpectedSchema expected, String expectedFrom, Optional<Duration> replayTime,
        Optional<ReplayFailure> replayFailure, Optional<String> fallback, List<SchemaDifference> differences,
        Optional<Schema> expectedSchema, Schema liveSchema) {

    /** Checks that no component is null; the differences are copied. */
    public SchemaDriftReport {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(expectedFrom, "expectedFrom");
        Objects.requireNonNull(replayTime, "replayTime");
        Objects.requireNonNull(replayFailure, "replayFailure");
        Objects.requireNonNull(fallback, "fallback");
        differences = List.copyOf(differences);
        Objects.requireNonNull(expectedSchema, "expectedSchema");
        Objects.requireNonNull(liveSchema, "liveSchema");
    }

    /** The difference on this object ({@code public.orders.status}), if there is one. */
    public Optional<SchemaDifference> difference(String object) {
        return differences.stream().filter(d -> d.difference().object().equals(object)).findFirst();
    }

    /** Whether the schemas differ, or the replay failed so that the files do not build a schema at all. */
    public boolean hasDrift() {
        return !differences.isEmpty() || replayFailure.isPresent();
    }
}
