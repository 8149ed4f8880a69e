package dev.dbops.migration;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads migrations from Flyway locations, Liquibase changelogs and plain SQL files, without a
 * database, in the order the tool would run them.
 *
 * <pre>{@code
 * MigrationSet set = MigrationSource.builder()
 *         .location("classpath:db/migration")
 *         .placeholders(Map.of("schema", "app"))
 *         .build()
 *         .load();
 * for (Migration migration : set.migrations()) {
 *     lint(migration.sql(), migration.transactionMode());
 * }
 * set.problems().forEach(System.err::println);
 * }</pre>
 *
 * <p>A location is {@code classpath:path} or {@code filesystem:path} (Flyway's notation), or a path: a
 * directory, a {@code .sql} file, or a Liquibase changelog ({@code .xml}, {@code .yaml}, {@code .yml},
 * {@code .json}, formatted {@code .sql}). Several Flyway locations form one Flyway run, merged and sorted
 * together where the first of them stands; other locations follow in the order given. A file that cannot
 * be loaded becomes a {@link MigrationProblem} and the others still load.
 */
public final class MigrationSource {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationSource.class);
    private static final Pattern PREFIX = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]+):.*");

    private final List<String> locations;
    private final Map<String, String> placeholders;
    private final boolean placeholderReplacement;
    private final boolean flywayMixed;
    private final boolean defaultExecuteInTransaction;
    private final ClassLoader classLoader;

    private MigrationSource(Builder builder) {
        this.locations = List.copyOf(builder.locations);
        this.placeholders = Map.copyOf(builder.placeholders);
        this.placeholderReplacement = builder.placeholderReplacement;
        this.flywayMixed = builder.flywayMixed;
        this.defaultExecuteInTransaction = builder.defaultExecuteInTransaction;
        this.classLoader = builder.classLoader != null ? builder.classLoader
                : Objects.requireNonNullElse(Thread.currentThread().getContextClassLoader(),
                        MigrationSource.class.getClassLoader());
    }

    /** Starts configuring a source; at least one location is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads every location and returns the migrations in run order, with the problems of files that
     * could not be loaded.
     *
     * @throws DbopsException with {@link ErrorCode#MIGRATION_SOURCE_FAILED} when a location does not
     *     exist or cannot be listed, or names a Liquibase changelog while Liquibase is not on the
     *     classpath; the message names every such location
     */
    public MigrationSet load() {
        long started = System.nanoTime();
        List<MigrationProblem> problems = new ArrayList<>();
        List<Locations.Resolved> resolved = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (String location : locations) {
            try {
                Locations.Resolved one = Locations.resolve(location, classLoader, problems);
                if (one instanceof Locations.Changelog) {
                    requireLiquibase(location);
                }
                resolved.add(one);
            } catch (DbopsException e) {
                failures.add(e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new DbopsException(ErrorCode.MIGRATION_SOURCE_FAILED, String.join("; ", failures));
        }
        List<Migration> migrations = new ArrayList<>();
        List<Migration> undo = new ArrayList<>();
        List<Migration> baseline = new ArrayList<>();
        boolean flywayLoaded = false;
        for (Locations.Resolved one : resolved) {
            if (one instanceof Locations.Flyway && !flywayLoaded) {
                flywayLoaded = true;
                FlywayScripts.Loaded flyway = new FlywayScripts(placeholders, placeholderReplacement, flywayMixed,
                        defaultExecuteInTransaction).load(flywayFiles(resolved), problems);
                migrations.addAll(flyway.migrations());
                undo.addAll(flyway.undo());
                baseline.addAll(flyway.baseline());
            } else if (one instanceof Locations.Plain plain) {
                TransactionMode mode = defaultExecuteInTransaction
                        ? TransactionMode.TRANSACTIONAL : TransactionMode.NON_TRANSACTIONAL;
                migrations.addAll(new PlainScripts(placeholderReplacement ? placeholders : Map.of(), mode)
                        .load(plain.files(), problems));
            } else if (one instanceof Locations.Changelog changelog) {
                migrations.addAll(new LiquibaseChangelogs(placeholders).load(changelog.location(), problems));
            }
        }
        MigrationSet set = new MigrationSet(migrations, undo, baseline, problems);
        LOG.debug("loaded {} migrations with {} problems from {} in {} ms", set.all().size(), problems.size(),
                locations, (System.nanoTime() - started) / 1_000_000);
        return set;
    }

    /**
     * The text of a migration's file as the tool reads it before replacing placeholders: for a Flyway
     * script, what Flyway computes a versioned migration's checksum over (decoded with the encoding of
     * its {@code .sql.conf}, byte order mark dropped). For a Liquibase changeset it is {@link Migration#sql()}.
     *
     * @throws DbopsException with {@link ErrorCode#IO_FAILED} when the file can no longer be read
     */
    public String scriptText(Migration migration) {
        return ScriptTexts.read(Objects.requireNonNull(migration, "migration"), classLoader);
    }

    /**
     * Liquibase's checksum of every changeset of the Liquibase changelogs among the locations, computed by
     * Liquibase itself in the given checksum version (9 since Liquibase 4.22, 8 from 3.5 to 4.21), in
     * changelog order; empty when no location is a changelog. A changelog that does not parse gives none
     * ({@link #load()} reports why).
     *
     * @throws DbopsException with {@link ErrorCode#MIGRATION_SOURCE_FAILED} as {@link #load()} does
     */
    public List<ChangeSetChecksum> liquibaseChecksums(int checksumVersion) {
        List<ChangeSetChecksum> checksums = new ArrayList<>();
        List<MigrationProblem> ignored = new ArrayList<>();
        for (String location : locations) {
            if (Locations.resolve(location, classLoader, ignored) instanceof Locations.Changelog changelog) {
                requireLiquibase(location);
                checksums.addAll(new LiquibaseChangelogs(placeholders).checksums(changelog.location(), checksumVersion));
            }
        }
        return checksums;
    }

    /**
     * The rollback of every changeset of the Liquibase changelogs among the locations that has one, in
     * changelog order: its own {@code <rollback>}, or the rollback Liquibase generates for its change types.
     * A changeset without either ({@code sql} with no {@code <rollback>}) is left out; empty when no location
     * is a changelog. Flyway's undo scripts are {@link MigrationSet#undoMigrations()}.
     *
     * @throws DbopsException with {@link ErrorCode#MIGRATION_SOURCE_FAILED} as {@link #load()} does
     */
    public List<ChangeSetRollback> liquibaseRollbacks() {
        List<ChangeSetRollback> rollbacks = new ArrayList<>();
        List<MigrationProblem> ignored = new ArrayList<>();
        for (String location : locations) {
            if (Locations.resolve(location, classLoader, ignored) instanceof Locations.Changelog changelog) {
                requireLiquibase(location);
                rollbacks.addAll(new LiquibaseChangelogs(placeholders).rollbacks(changelog.location()));
            }
        }
        return rollbacks;
    }

    private static List<ScriptResource> flywayFiles(List<Locations.Resolved> resolved) {
        return resolved.stream().filter(Locations.Flyway.class::isInstance)
                .flatMap(one -> ((Locations.Flyway) one).files().stream()).toList();
    }

    private static void requireLiquibase(String location) {
        if (!OptionalDependency.isPresent(LiquibaseChangelogs.PROBE_CLASS, MigrationSource.class.getClassLoader())) {
            throw new DbopsException(ErrorCode.MIGRATION_SOURCE_FAILED, OptionalDependency.missing(
                    "reading the Liquibase changelog " + location, "org.liquibase:liquibase-core", "4.33.0"));
        }
    }

    /** The locations, for messages. */
    @Override
    public String toString() {
        return "MigrationSource" + locations;
    }

    /** Configures a {@link MigrationSource}. */
    public static final class Builder {

        private final List<String> locations = new ArrayList<>();
        private final Map<String, String> placeholders = new LinkedHashMap<>();
        private final List<String> errors = new ArrayList<>();
        private boolean placeholderReplacement = true;
        private boolean flywayMixed;
        private boolean defaultExecuteInTransaction = true;
        private ClassLoader classLoader;

        private Builder() {
        }

        /**
         * Adds a location: {@code classpath:db/migration}, {@code filesystem:db/migration}, or a path to a
         * directory, a {@code .sql} file or a Liquibase changelog. May be called several times.
         */
        public Builder location(String location) {
            if (location == null || location.isBlank()) {
                errors.add("a location is empty: give a directory, a file, or classpath:path");
            } else {
                locations.add(location.strip());
            }
            return this;
        }

        /** Adds a directory, {@code .sql} file or Liquibase changelog on the file system. */
        public Builder location(Path location) {
            Objects.requireNonNull(location, "location");
            locations.add(location.toString());
            return this;
        }

        /**
         * Adds placeholder values: Flyway's {@code ${name}} (names are case-insensitive), Liquibase's
         * changelog parameters, and {@code ${name}} in plain files. Flyway's {@code flyway:defaultSchema},
         * {@code flyway:user} and {@code flyway:database} come from a database connection and can only be
         * given here; the other {@code flyway:} placeholders have their offline values unless given.
         */
        public Builder placeholders(Map<String, String> values) {
            Objects.requireNonNull(values, "values").forEach((name, value) -> {
                if (name == null || name.isEmpty() || value == null) {
                    errors.add("placeholder " + name + "=" + value + " needs a name and a value");
                } else {
                    placeholders.put(name, value);
                }
            });
            return this;
        }

        /** Whether placeholders are replaced in Flyway scripts and plain files (default true, as in Flyway). */
        public Builder placeholderReplacement(boolean replace) {
            this.placeholderReplacement = replace;
            return this;
        }

        /**
         * Whether Flyway runs with {@code mixed=true} (default false, as in Flyway): a script that mixes
         * transactional and non-transactional statements then runs without a transaction instead of being
         * refused; see {@link TransactionMode#AUTO_MIXED}.
         */
        public Builder flywayMixed(boolean mixed) {
            this.flywayMixed = mixed;
            return this;
        }

        /**
         * Whether scripts run inside a transaction unless they say otherwise (default true): Flyway's
         * global {@code executeInTransaction}, and how plain SQL files are assumed to run. Liquibase
         * changesets follow their own {@code runInTransaction}.
         */
        public Builder defaultExecuteInTransaction(boolean executeInTransaction) {
            this.defaultExecuteInTransaction = executeInTransaction;
            return this;
        }

        /** The class loader that {@code classpath:} locations are read from (default: the thread's context class loader). */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        /**
         * Checks the options and creates the source; it reads nothing yet.
         *
         * @throws DbopsException with {@link ErrorCode#INVALID_CONFIGURATION} listing every invalid option
         */
        public MigrationSource build() {
            List<String> problems = new ArrayList<>(errors);
            if (locations.isEmpty() && errors.isEmpty()) {
                problems.add("no location given: add one with location(\"classpath:db/migration\") or a path");
            }
            for (String location : locations) {
                var prefix = PREFIX.matcher(location);
                if (prefix.matches() && !location.startsWith(ChangelogLocation.CLASSPATH)
                        && !location.startsWith(Locations.FILESYSTEM)) {
                    problems.add("location " + location + " has the prefix '" + prefix.group(1) + ":', which dbops"
                            + " cannot read: use classpath:, filesystem: or a plain path");
                }
            }
            if (!problems.isEmpty()) {
                throw new DbopsException(ErrorCode.INVALID_CONFIGURATION,
                        "invalid MigrationSource configuration: " + String.join("; ", problems));
            }
            return new MigrationSource(this);
        }
    }
}
