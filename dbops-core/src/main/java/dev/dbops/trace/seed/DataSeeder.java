package dev.dbops.trace.seed;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.schema.Schema;
import dev.dbops.schema.SchemaInspector;
import dev.dbops.schema.Table;
import dev.dbops.trace.seed.SeedFinding.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills every user table of a (scratch) database with synthetic rows generated from the column
 * types, so that migrations can be traced on production-volume data.
 *
 * <p>The schema is read with {@link SchemaInspector}. Values honour NOT NULL, primary keys, unique
 * constraints and unique indexes (also on several columns), foreign keys (children reference rows
 * that exist: parents are seeded first), simple CHECK constraints, enums, domains, varchar lengths,
 * numeric precision and partition bounds; identity, serial and generated columns are left to the
 * server. Each table is written by one {@code COPY … FROM STDIN} in its own transaction, on up to
 * {@link Builder#connections(int)} connections at once; a table the server rejects is rolled back
 * and reported, never left half-filled. What could not be honoured is reported as data in the
 * {@link SeedReport}.
 *
 * <pre>{@code
 * SeedReport report = DataSeeder.builder().rows(100_000).rowsFor("shop.orders", 1_000_000).seed(42)
 *         .build().seed(dataSource);
 * report.findings().forEach(f -> System.out.println(f.describe()));
 * }</pre>
 *
 * <p>Seeding writes: point it only at a database made for the purpose.
 */
public final class DataSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(DataSeeder.class);

    /** The rows per table when neither {@link Builder#rows(long)} nor {@link Builder#rowsFor} says otherwise. */
    public static final long DEFAULT_ROWS = 10_000;

    /**
     * The history tables of Flyway and Liquibase (in any schema), which are not seeded unless
     * {@link Builder#includeMigrationHistory(boolean)} or the configuration names them: synthetic rows
     * there would look like applied migrations to the tools.
     */
    public static final Set<String> MIGRATION_HISTORY_TABLES =
            Set.of("flyway_schema_history", "databasechangelog", "databasechangeloglock");

    private final long rows;
    private final Map<String, Long> rowsFor;
    private final Set<String> only;
    private final Set<String> exclude;
    private final long seed;
    private final int connections;
    private final boolean includeMigrationHistory;
    private final TableSeeder.Settings settings;

    private DataSeeder(Builder builder, Map<String, Long> rowsFor, Set<String> only, Set<String> exclude, long seed) {
        this.rows = builder.rows;
        this.rowsFor = Map.copyOf(rowsFor);
        this.only = Set.copyOf(only);
        this.exclude = Set.copyOf(exclude);
        this.seed = seed;
        this.connections = builder.connections;
        this.includeMigrationHistory = builder.includeMigrationHistory;
        this.settings = new TableSeeder.Settings(seed, builder.statementTimeout, builder.lockTimeout, builder.analyze);
    }

    /** Starts configuring a seeder: {@value #DEFAULT_ROWS} rows in every table, a random seed, two connections. */
    public static Builder builder() {
        return new Builder();
    }

    /** The random seed this seeder uses: the one given, or the one drawn when none was. */
    public long seed() {
        return seed;
    }

    /**
     * Seeds every table of the database that the configuration selects.
     *
     * @throws DbopsException with {@link ErrorCode#INVALID_CONFIGURATION} when a table named in the
     *     configuration does not exist or is a partition (seed its partitioned table instead);
     *     {@link ErrorCode#INSPECTION_FAILED} or {@link ErrorCode#CONNECTION_FAILED} when the schema
     *     cannot be read; {@link ErrorCode#SEEDING_FAILED} when no connection opens for seeding
     */
    public SeedReport seed(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        Schema schema = SchemaInspector.builder().build().inspect(dataSource);
        Map<String, Table> tables = new LinkedHashMap<>();
        schema.tables().forEach(t -> tables.put(t.schema() + "." + t.name(), t));
        Map<String, String> rootOf = roots(tables);
        checkNames(tables, rootOf);
        Map<String, Table> targets = new LinkedHashMap<>();
        for (Map.Entry<String, Table> entry : tables.entrySet()) {
            String name = entry.getKey();
            boolean named = only.contains(name) || rowsFor.containsKey(name);
            boolean history = MIGRATION_HISTORY_TABLES.contains(entry.getValue().name()) && !includeMigrationHistory;
            boolean selected = (only.isEmpty() || only.contains(name)) && !exclude.contains(name) && (!history || named);
            if (!rootOf.containsKey(name) && selected && rowsFor.getOrDefault(name, rows) > 0) {
                targets.put(name, entry.getValue());
            }
        }
        SeedOrder.Result order = SeedOrder.of(targets, rootOf);
        TablePlanner planner = new TablePlanner(schema, seed);
        Map<String, TablePlan> plans = new LinkedHashMap<>();
        for (String name : order.order()) {
            plans.put(name, planner.plan(targets.get(name), rowsFor.getOrDefault(name, rows),
                    order.broken().getOrDefault(name, Set.of())));
        }
        List<TableSeeding> results = new ArrayList<>(
                new SeedRun(plans, order, new TableSeeder(settings), connections).run(dataSource));
        for (String name : order.skipped()) {
            results.add(new TableSeeding(name, TableSeeding.Outcome.SKIPPED, rowsFor.getOrDefault(name, rows), 0,
                    Duration.ZERO, List.of(new SeedFinding(Kind.FOREIGN_KEY_CYCLE, name, Optional.empty(),
                            "is in a cycle of NOT NULL foreign keys, so no order lets every row reference an existing"
                                    + " row; the table is not seeded"))));
        }
        SeedReport report = new SeedReport(seed, startedAt, Duration.ofNanos(System.nanoTime() - started), results);
        LOG.info("Seeded {} rows into {} tables in {} ms with seed {}; {} findings", report.rowsWritten(),
                results.size(), report.duration().toMillis(), seed, report.findings().size());
        return report;
    }

    /** The partitioned table at the top of each partition. */
    private static Map<String, String> roots(Map<String, Table> tables) {
        Map<String, String> rootOf = new HashMap<>();
        for (Map.Entry<String, Table> entry : tables.entrySet()) {
            Table table = entry.getValue();
            String root = null;
            for (int depth = 0; depth < 64 && table.partitionOf().isPresent(); depth++) {
                root = SeedOrder.name(table.partitionOf().get().parent());
                table = tables.get(root);
                if (table == null) {
                    break;
                }
            }
            if (root != null) {
                rootOf.put(entry.getKey(), root);
            }
        }
        return rootOf;
    }

    private void checkNames(Map<String, Table> tables, Map<String, String> rootOf) {
        Set<String> named = new LinkedHashSet<>(rowsFor.keySet());
        named.addAll(only);
        named.addAll(exclude);
        List<String> problems = new ArrayList<>();
        for (String name : named) {
            if (!tables.containsKey(name)) {
                problems.add("there is no table " + name);
            } else if (rootOf.containsKey(name)) {
                problems.add(name + " is a partition of " + rootOf.get(name) + ": name the partitioned table, whose"
                        + " rows are routed to its partitions");
            }
        }
        if (!problems.isEmpty()) {
            throw new DbopsException(ErrorCode.INVALID_CONFIGURATION, "invalid DataSeeder tables: "
                    + String.join("; ", problems));
        }
    }

    /** Configures a {@link DataSeeder}; {@link #build()} reports every invalid option at once. */
    public static final class Builder {

        private long rows = DEFAULT_ROWS;
        private final Map<String, Long> rowsFor = new LinkedHashMap<>();
        private final List<String> only = new ArrayList<>();
        private final List<String> exclude = new ArrayList<>();
        private Long seed;
        private int connections = 2;
        private boolean analyze = true;
        private boolean includeMigrationHistory;
        private Duration statementTimeout = Duration.ofMinutes(30);
        private Duration lockTimeout = Duration.ofSeconds(10);

        private Builder() {
        }

        /** The rows to add to every table that {@link #rowsFor} does not name (default {@value DataSeeder#DEFAULT_ROWS}; 0 skips them). */
        public Builder rows(long rows) {
            this.rows = rows;
            return this;
        }

        /**
         * The rows to add to one table, named {@code schema.table} (or {@code table} in {@code public};
         * double-quote parts with dots or upper case); 0 skips it. Overrides {@link #rows(long)}.
         */
        public Builder rowsFor(String qualifiedTable, long rows) {
            this.rowsFor.put(qualifiedTable, rows);
            return this;
        }

        /** The seed of the random values: the same seed on the same schema gives the same rows (default: a random seed, reported). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Seeds only these tables (default: every table); tables outside keep their rows and serve as parents. */
        public Builder only(String... qualifiedTables) {
            only.addAll(List.of(qualifiedTables));
            return this;
        }

        /** Leaves these tables alone; they keep their rows and serve as parents. */
        public Builder exclude(String... qualifiedTables) {
            exclude.addAll(List.of(qualifiedTables));
            return this;
        }

        /**
         * Whether the history tables of Flyway and Liquibase ({@link DataSeeder#MIGRATION_HISTORY_TABLES})
         * are seeded like any other table (default false; naming one in {@link #only} or {@link #rowsFor}
         * seeds it too).
         */
        public Builder includeMigrationHistory(boolean include) {
            this.includeMigrationHistory = include;
            return this;
        }

        /** How many tables are seeded at once, each on its own connection (default 2; 1 to 16). */
        public Builder connections(int connections) {
            this.connections = connections;
            return this;
        }

        /** Whether each seeded table is {@code ANALYZE}d in its transaction, as a long-lived database would be (default true). */
        public Builder analyze(boolean analyze) {
            this.analyze = analyze;
            return this;
        }

        /** The {@code statement_timeout} of each table's statements, the COPY included (default 30 min). */
        public Builder statementTimeout(Duration timeout) {
            this.statementTimeout = timeout;
            return this;
        }

        /** The {@code lock_timeout} of each table's statements (default 10 s). */
        public Builder lockTimeout(Duration timeout) {
            this.lockTimeout = timeout;
            return this;
        }

        /**
         * Builds the seeder.
         *
         * @throws DbopsException with {@link ErrorCode#INVALID_CONFIGURATION} listing every invalid option
         */
        public DataSeeder build() {
            List<String> problems = new ArrayList<>();
            if (rows < 0) {
                problems.add("rows must be 0 or more, was " + rows);
            }
            Map<String, Long> perTable = new LinkedHashMap<>();
            rowsFor.forEach((name, count) -> {
                Optional<String> parsed = TableName.parse(name);
                if (parsed.isEmpty()) {
                    problems.add("rowsFor: cannot read the table name '" + name + "'; write schema.table");
                } else if (count < 0) {
                    problems.add("rowsFor " + name + " must be 0 or more, was " + count);
                } else {
                    perTable.put(parsed.get(), count);
                }
            });
            Set<String> onlyNames = names("only", only, problems);
            Set<String> excludeNames = names("exclude", exclude, problems);
            Set<String> both = new LinkedHashSet<>(onlyNames);
            both.retainAll(excludeNames);
            if (!both.isEmpty()) {
                problems.add("tables both in only and exclude: " + both);
            }
            for (String name : perTable.keySet()) {
                if (excludeNames.contains(name) || !onlyNames.isEmpty() && !onlyNames.contains(name)) {
                    problems.add("rowsFor names " + name + ", which only/exclude leave out");
                }
            }
            if (connections < 1 || connections > 16) {
                problems.add("connections must be between 1 and 16, was " + connections);
            }
            positive("statementTimeout", statementTimeout, problems);
            positive("lockTimeout", lockTimeout, problems);
            if (!problems.isEmpty()) {
                throw new DbopsException(ErrorCode.INVALID_CONFIGURATION,
                        "invalid DataSeeder options: " + String.join("; ", problems));
            }
            return new DataSeeder(this, perTable, onlyNames, excludeNames,
                    seed != null ? seed : new SplittableRandom().nextLong());
        }

        private static Set<String> names(String option, List<String> names, List<String> problems) {
            Set<String> parsed = new LinkedHashSet<>();
            for (String name : names) {
                Optional<String> table = TableName.parse(name);
                if (table.isEmpty()) {
                    problems.add(option + ": cannot read the table name '" + name + "'; write schema.table");
                } else {
                    parsed.add(table.get());
                }
            }
            return parsed;
        }

        private static void positive(String option, Duration value, List<String> problems) {
            if (value == null || value.isNegative() || value.isZero()) {
                problems.add(option + " must be positive, was " + value);
            }
        }
    }
}
