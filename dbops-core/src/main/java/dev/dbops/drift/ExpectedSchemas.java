package dev.dbops.drift;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.migration.MigrationSet;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.postgres.PostgresServer;
import dev.dbops.schema.Schema;
import dev.dbops.schema.SchemaInspector;
import dev.dbops.schema.SchemaSnapshot;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces the schema the migrations describe: by replaying them on a shadow database, or from a
 * committed snapshot, falling back to the snapshot when the shadow database cannot be created or the
 * replay fails.
 */
final class ExpectedSchemas {

    private static final Logger LOG = LoggerFactory.getLogger(ExpectedSchemas.class);

    /** The expected schema (when there is one) and how it was obtained. */
    record Expected(ExpectedSchema kind, String from, Optional<Schema> schema, Optional<Duration> replayTime,
            Optional<ReplayFailure> failure, Optional<String> fallback) {
    }

    /** A snapshot: the file's name for messages and a way to read it. */
    record Snapshot(String name, Supplier<SchemaSnapshot> read) {
    }

    private ExpectedSchemas() {
    }

    /**
     * Replays when asked to (or when there is no snapshot), else reads the snapshot.
     *
     * @param shadow the shadow server to use, or empty to start one from {@code shadowSpec}
     * @throws DbopsException with {@link ErrorCode#SHADOW_DATABASE_FAILED} when the shadow database cannot
     *     be created and there is no snapshot to fall back to
     */
    static Expected resolve(boolean replay, Optional<PostgresServer> shadow, String shadowSpec,
            Optional<Snapshot> snapshot, MigrationSet set, String defaultSchema, SchemaInspector inspector) {
        if (!replay && snapshot.isPresent()) {
            return fromSnapshot(snapshot.get(), Optional.empty(), Optional.empty(), Optional.empty());
        }
        ShadowReplay.Result result;
        String where;
        PostgresServer started = null;
        try {
            PostgresServer server = shadow.orElseGet(() -> PostgresProvider.fromSpec(shadowSpec));
            started = shadow.isPresent() ? null : server;
            where = "PostgreSQL " + server.majorVersion() + " at " + server.adminUrl().hostAndPort();
            result = ShadowReplay.run(server, set, defaultSchema, inspector);
        } catch (DbopsException e) {
            String reason = "the shadow database could not be used (" + e.getMessage() + ")";
            if (snapshot.isPresent()) {
                LOG.warn("{}; comparing with the snapshot {} instead", reason, snapshot.get().name());
                return fromSnapshot(snapshot.get(), Optional.empty(), Optional.empty(), Optional.of(reason));
            }
            throw new DbopsException(ErrorCode.SHADOW_DATABASE_FAILED, "cannot replay the migrations: " + reason
                    + " — give a shadow server whose user may create databases (--shadow-url), or compare with a"
                    + " committed snapshot instead (--snapshot FILE, written by 'dbops inspect')", e);
        } finally {
            if (started != null) {
                started.close();
            }
        }
        int count = ShadowReplay.order(set).size();
        String from = "replay of " + count + (count == 1 ? " migration on " : " migrations on ") + where;
        if (result.failure().isPresent()) {
            if (snapshot.isPresent()) {
                return fromSnapshot(snapshot.get(), Optional.of(result.took()), result.failure(),
                        Optional.of("the replay failed: " + result.failure().get().describe()));
            }
            return new Expected(ExpectedSchema.NONE, from, Optional.empty(), Optional.of(result.took()),
                    result.failure(), Optional.empty());
        }
        return new Expected(ExpectedSchema.REPLAY, from, result.schema(), Optional.of(result.took()),
                Optional.empty(), Optional.empty());
    }

    /** The snapshot as the expected schema, when there is no replay. */
    static Expected fromSnapshot(Snapshot snapshot) {
        return fromSnapshot(snapshot, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Expected fromSnapshot(Snapshot snapshot, Optional<Duration> replayTime,
            Optional<ReplayFailure> failure, Optional<String> fallback) {
        return new Expected(ExpectedSchema.SNAPSHOT, "snapshot " + snapshot.name(),
                Optional.of(snapshot.read().get().schema()), replayTime, failure, fallback);
    }
}
