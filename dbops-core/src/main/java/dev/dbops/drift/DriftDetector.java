package dev.dbops.drift;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.diff.SchemaDiff;
import dev.dbops.migration.FlywayVersion;
import dev.dbops.migration.Migration;
import dev.dbops.migration.MigrationKind;
import dev.dbops.migration.MigrationSet;
import dev.dbops.migration.MigrationSource;
import dev.dbops.postgres.PostgresServer;
import dev.dbops.schema.Schema;
import dev.dbops.schema.SchemaInspector;
import dev.dbops.schema.SchemaSnapshot;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks whether migration files, the history table and the live schema agree, and says how they differ.
 *
 * <pre>{@code
 * DriftReport report = DriftDetector.builder()
 *         .migrations(MigrationSource.builder().location("classpath:db/migration").build())
 *         .snapshot(Path.of("src/main/resources/db/dbops-snapshot.json"))   // or replay on a shadow database
 *         .build()
 *         .detect(connection);
 * if (report.hasDrift()) {
 *     System.err.println(report.toText());
 * }
 * }</pre>
 *
 * <p>History drift compares every migration file with its row in {@code flyway_schema_history} (checksums
 * computed as Flyway computes them) or {@code databasechangelog}. Schema drift compares the live schema
 * with the schema the files describe: replayed on a shadow database (an embedded PostgreSQL of the live
 * server's major version unless {@link Builder#shadow(String)} names another), or read from a committed
 * snapshot. The history tables, and whatever is configured to be ignored, are left out. On the live
 * database dbops only reads, in read-only transactions with {@code statement_timeout} and
 * {@code lock_timeout} set.
 *
 * <p>{@link #detect(Connection)} inspects the live schema on a daemon thread of its own, on the given
 * connection once the history has been read from it, while the calling thread checks the history against the
 * files and reads the snapshot; only one thread uses the connection at a time, and {@code detect} returns or
 * throws only once the inspection has let go of it.
 */
public final class DriftDetector {

    /** Flyway's history table when none is configured. */
    public static final String DEFAULT_FLYWAY_TABLE = "flyway_schema_history";
    /** Liquibase's history table when none is configured. */
    public static final String DEFAULT_LIQUIBASE_TABLE = "databasechangelog";
    /** The schema unqualified names in the migrations live in when none is configured. */
    public static final String DEFAULT_SCHEMA = "public";
    /** The {@code statement_timeout} of dbops's queries on the live database when none is configured. */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(60);
    /** The {@code lock_timeout} of dbops's queries on the live database when none is configured. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);
    /** Whether changed checksums are explained from git history when not configured. */
    public static final boolean DEFAULT_GIT_HISTORY = true;
    /** Whether object owners are compared when not configured. */
    public static final boolean DEFAULT_COMPARE_OWNERS = false;

    private static final Logger LOG = LoggerFactory.getLogger(DriftDetector.class);

    private final DriftOptions options;

    private DriftDetector(DriftOptions options) {
        this.options = options;
    }

    /** Starts configuring a detector; {@link Builder#migrations(MigrationSource)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the history and the schema of the database the connection is attached to and compares them
     * with the migration files.
     *
     * @param live a connection in auto-commit mode; only read
     * @throws DbopsException with {@link ErrorCode#MIGRATION_SOURCE_FAILED} when the migrations cannot be
     *     loaded at all, {@link ErrorCode#INSPECTION_FAILED} when the live catalog or history cannot be
     *     read, {@link ErrorCode#SHADOW_DATABASE_FAILED} when the shadow database cannot be used and no
     *     snapshot was given, {@link ErrorCode#INVALID_SNAPSHOT} or {@link ErrorCode#IO_FAILED} for a bad
     *     snapshot file
     */
    public DriftReport detect(Connection live) {
        Objects.requireNonNull(live, "live");
        long started = System.nanoTime();
        MigrationSet set = options.source().load();
        SchemaInspector inspector = options.inspector();
        HistoryRows rows = new HistoryReader(options.statementTimeout(), options.lockTimeout())
                .read(live, preferredTool(set), options.flywayTable(), options.liquibaseTable(), options.defaultSchema());
        // From here the connection belongs to the inspection, on a thread of its own, while this thread checks
        // the history against the files, reads the snapshot and readies the comparison: none of that needs the
        // database. Failures are reported in the order the steps had when they ran one after the other:
        // history, inspection, snapshot.
        SideTask<SchemaSnapshot> inspection = SideTask.start("dbops-drift-inspection", () -> inspector.snapshot(live));
        HistoryReport history;
        try {
            history = history(set, rows);
        } catch (RuntimeException | Error e) {
            awaitQuietly(inspection, e);
            throw e;
        }
        ExpectedSchemas.Expected fromSnapshot = null;
        RuntimeException snapshotFailure = null;
        if (!options.replay() && options.snapshot().isPresent()) {
            try {
                fromSnapshot = ExpectedSchemas.fromSnapshot(options.snapshot().get());
                fromSnapshot.schema().ifPresent(SchemaComparison::prepare);
            } catch (RuntimeException e) {
                snapshotFailure = e;
            }
        }
        SchemaSnapshot liveSnapshot;
        try {
            liveSnapshot = inspection.join();
        } catch (RuntimeException | Error e) {
            if (snapshotFailure != null) {
                e.addSuppressed(snapshotFailure);
            }
            throw e;
        }
        if (snapshotFailure != null) {
            throw snapshotFailure;
        }
        ExpectedSchemas.Expected expected = fromSnapshot != null ? fromSnapshot
                : ExpectedSchemas.resolve(options.replay(), options.shadowServer(),
                        options.shadowSpec().orElse("embedded:" + liveSnapshot.server().versionNum() / 10_000),
                        options.snapshot(), set, options.defaultSchema(), inspector);
        long comparing = System.nanoTime();
        SchemaComparison.Result compared = SchemaComparison.compare(expected.schema(), liveSnapshot.schema(),
                options.diff(rows.table()), rows.table());
        LOG.debug("compared the schemas in {} ms", (System.nanoTime() - comparing) / 1_000_000);
        List<SchemaDifference> differences = new ArrayList<>();
        if (!compared.differences().isEmpty()) {
            MigrationTouches touches = MigrationTouches.of(ShadowReplay.order(set), options.defaultSchema());
            String word = expected.kind() == ExpectedSchema.SNAPSHOT ? "snapshot" : "migrations";
            differences.addAll(new SchemaDriftAnalyzer(touches, history,
                    List.of(compared.expected().orElseThrow(), compared.live()), word).explain(compared.differences()));
        }
        SchemaDriftReport schema = new SchemaDriftReport(expected.kind(), expected.from(), expected.replayTime(),
                expected.failure(), expected.fallback(), differences, compared.expected(), compared.live());
        DriftReport report = new DriftReport(history, schema, files(set, history), set.problems(),
                Duration.ofNanos(System.nanoTime() - started));
        LOG.debug("drift check took {} ms: {} history entries, {} schema differences", report.took().toMillis(),
                history.entries().size(), differences.size());
        return report;
    }

    /** Waits for the inspection to let go of the connection, when this thread failed first. */
    private static void awaitQuietly(SideTask<?> inspection, Throwable first) {
        try {
            inspection.join();
        } catch (RuntimeException | Error e) {
            first.addSuppressed(e);
        }
    }

    private HistoryReport history(MigrationSet set, HistoryRows rows) {
        String table = rows.table().orElse("");
        List<HistoryEntry> entries = switch (rows.tool()) {
            case FLYWAY -> new FlywayHistoryCheck(new FlywayFiles(options.source(), set), options.appliedTexts(), table)
                    .classify(rows.flyway());
            case LIQUIBASE -> new LiquibaseHistoryCheck(options.source(), set, options.appliedTexts(), table)
                    .classify(rows.liquibase());
            case NONE -> List.of();
        };
        return new HistoryReport(rows.tool(), rows.table(), entries);
    }

    private static MigrationFiles files(MigrationSet set, HistoryReport history) {
        Optional<String> latest = java.util.stream.Stream.concat(set.all().stream().flatMap(m -> m.version().stream()),
                history.entries().stream().flatMap(e -> e.version().stream())).max(FlywayVersion.ORDER);
        return new MigrationFiles(preferredTool(set), set.migrations().size(), latest);
    }

    private static MigrationTool preferredTool(MigrationSet set) {
        for (Migration migration : set.all()) {
            if (migration.kind() == MigrationKind.LIQUIBASE_CHANGESET) {
                return MigrationTool.LIQUIBASE;
            }
            if (migration.kind() != MigrationKind.PLAIN_SQL) {
                return MigrationTool.FLYWAY;
            }
        }
        return MigrationTool.NONE;
    }

    /** Configures a {@link DriftDetector}. */
    public static final class Builder {

        private MigrationSource source;
        private Path snapshotFile;
        private SchemaSnapshot snapshot;
        private String snapshotName;
        private String shadowSpec;
        private PostgresServer shadowServer;
        private String flywayTable = DEFAULT_FLYWAY_TABLE;
        private String liquibaseTable = DEFAULT_LIQUIBASE_TABLE;
        private String defaultSchema = DEFAULT_SCHEMA;
        private final List<String> ignoreObjects = new ArrayList<>();
        private final List<String> ignoreSchemas = new ArrayList<>();
        private final List<String> includeSchemas = new ArrayList<>();
        private boolean compareOwners = DEFAULT_COMPARE_OWNERS;
        private boolean ignoreGrants;
        private boolean ignoreComments;
        private boolean gitHistory = DEFAULT_GIT_HISTORY;
        private Duration statementTimeout = DEFAULT_STATEMENT_TIMEOUT;
        private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
        private final List<String> errors = new ArrayList<>();

        private Builder() {
        }

        /** The migration files (required): a Flyway location, a Liquibase changelog, or plain SQL files. */
        public Builder migrations(MigrationSource source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * Compares with a committed snapshot file ({@code dbops inspect} output) instead of replaying the
         * migrations; when a shadow is also given, the replay is used and the snapshot is the fallback.
         */
        public Builder snapshot(Path file) {
            this.snapshotFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /** Compares with a snapshot already read; as {@link #snapshot(Path)}. */
        public Builder snapshot(SchemaSnapshot snapshot) {
            return snapshot(snapshot, "(given)");
        }

        /**
         * Compares with a snapshot already read, which reports name as where it came from
         * ({@code classpath:db/dbops-snapshot.json}); as {@link #snapshot(Path)}.
         */
        public Builder snapshot(SchemaSnapshot snapshot, String name) {
            this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
            this.snapshotName = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Replays the migrations on this shadow server: {@code embedded}, {@code embedded:17}, or the URL of a
         * server whose user may create databases (dbops creates a scratch database there and drops it).
         * Default: an embedded PostgreSQL of the live server's major version, when no snapshot is given.
         */
        public Builder shadow(String spec) {
            if (spec == null || spec.isBlank()) {
                errors.add("the shadow is empty: give embedded, embedded:<major>, or a server URL");
            } else {
                this.shadowSpec = spec.strip();
            }
            return this;
        }

        /** Replays the migrations on a scratch database of an already running server (a test's shared server). */
        public Builder shadow(PostgresServer server) {
            this.shadowServer = Objects.requireNonNull(server, "server");
            return this;
        }

        /** Flyway's history table, optionally schema-qualified (default {@code flyway_schema_history}). */
        public Builder flywayTable(String table) {
            this.flywayTable = table;
            return this;
        }

        /** Liquibase's history table, optionally schema-qualified (default {@code databasechangelog}). */
        public Builder liquibaseTable(String table) {
            this.liquibaseTable = table;
            return this;
        }

        /**
         * The schema the migrations run in (default {@code public}): unqualified names in them are read in it,
         * the replay sets {@code search_path} to it, and the history table is looked for there first.
         */
        public Builder defaultSchema(String schema) {
            this.defaultSchema = schema;
            return this;
        }

        /** Leaves objects out of the comparison by {@code schema.name} pattern ({@code *} wildcard), as {@link SchemaDiff}. */
        public Builder ignoreObjects(String... patterns) {
            ignoreObjects.addAll(List.of(patterns));
            return this;
        }

        /** Leaves these schemas out of the live inspection and the comparison. */
        public Builder ignoreSchemas(String... schemas) {
            ignoreSchemas.addAll(List.of(schemas));
            return this;
        }

        /** Inspects and compares only these schemas (default: every schema but {@code pg_*} and {@code information_schema}). */
        public Builder includeSchemas(String... schemas) {
            includeSchemas.addAll(List.of(schemas));
            return this;
        }

        /** Whether object owners are compared (default false: a shadow database's owner never matches production's). */
        public Builder compareOwners(boolean compare) {
            this.compareOwners = compare;
            return this;
        }

        /** Leaves privileges out of the comparison (default: compared). */
        public Builder ignoreGrants() {
            this.ignoreGrants = true;
            return this;
        }

        /** Leaves comments out of the comparison (default: compared). */
        public Builder ignoreComments() {
            this.ignoreComments = true;
            return this;
        }

        /**
         * Whether a changed checksum is explained from the file's git history (default true): the version that
         * ran is found by its checksum and compared token by token, to tell formatting from content changes.
         */
        public Builder gitHistory(boolean search) {
            this.gitHistory = search;
            return this;
        }

        /** The {@code statement_timeout} of dbops's queries on the live database (default 60 s). */
        public Builder statementTimeout(Duration timeout) {
            this.statementTimeout = timeout;
            return this;
        }

        /** The {@code lock_timeout} of dbops's queries on the live database (default 5 s). */
        public Builder lockTimeout(Duration timeout) {
            this.lockTimeout = timeout;
            return this;
        }

        /**
         * Checks the options and creates the detector.
         *
         * @throws DbopsException with {@link ErrorCode#INVALID_CONFIGURATION} listing every invalid option
         */
        public DriftDetector build() {
            List<String> problems = new ArrayList<>(errors);
            if (source == null) {
                problems.add("no migrations given: call migrations(MigrationSource.builder().location(…).build())");
            }
            if (snapshot != null && snapshotFile != null) {
                problems.add("both a snapshot file and a snapshot were given: give one");
            }
            if (shadowSpec != null && shadowServer != null) {
                problems.add("both a shadow spec and a shadow server were given: give one");
            }
            for (String[] name : new String[][] {{"flywayTable", flywayTable}, {"liquibaseTable", liquibaseTable},
                {"defaultSchema", defaultSchema}}) {
                if (name[1] == null || name[1].isBlank()) {
                    problems.add(name[0] + " is empty");
                }
            }
            SchemaInspector inspector = null;
            try {
                inspector = SchemaInspector.builder().includeSchemas(includeSchemas.toArray(String[]::new))
                        .excludeSchemas(ignoreSchemas.toArray(String[]::new)).statementTimeout(statementTimeout)
                        .lockTimeout(lockTimeout).build();
                SchemaDiff.builder().ignoreObjects(ignoreObjects.toArray(String[]::new)).build();
            } catch (DbopsException e) {
                problems.add(e.getMessage());
            }
            if (!problems.isEmpty()) {
                throw new DbopsException(ErrorCode.INVALID_CONFIGURATION,
                        "invalid DriftDetector options: " + String.join("; ", problems));
            }
            Optional<ExpectedSchemas.Snapshot> snap = snapshotFile != null
                    ? Optional.of(new ExpectedSchemas.Snapshot(snapshotFile.toString(), () -> SchemaSnapshot.read(snapshotFile)))
                    : Optional.ofNullable(snapshot).map(s -> new ExpectedSchemas.Snapshot(snapshotName, () -> s));
            boolean replay = snap.isEmpty() || shadowSpec != null || shadowServer != null;
            return new DriftDetector(new DriftOptions(source, snap, replay, Optional.ofNullable(shadowSpec),
                    Optional.ofNullable(shadowServer), HistoryReader.TableName.parse(flywayTable),
                    HistoryReader.TableName.parse(liquibaseTable), defaultSchema, ignoreObjects, ignoreSchemas,
                    compareOwners, ignoreGrants, ignoreComments, inspector,
                    gitHistory ? AppliedTexts.GIT : AppliedTexts.NONE, statementTimeout, lockTimeout));
        }
    }
}
