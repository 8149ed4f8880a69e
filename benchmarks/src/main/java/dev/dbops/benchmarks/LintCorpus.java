package dev.dbops.benchmarks;

import dev.dbops.migration.MigrationSet;
import dev.dbops.migration.MigrationSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A generated, deterministic corpus of realistic Flyway migrations ({@code V<n>__<description>.sql})
 * for the lint benchmark: the same seed always gives the same files, byte for byte.
 *
 * <p>The migrations evolve one application schema, so later files alter, index, view and drop what
 * earlier files created, or what existed before the first file (a database whose older migrations were
 * squashed, so that the rules see live tables as well as new ones): tables with identity keys, foreign keys and checks; columns added with defaults;
 * indexes built {@code CONCURRENTLY} in files of their own; {@code SET lock_timeout}; column type
 * changes; batched {@code UPDATE} backfills before {@code SET NOT NULL}; functions and triggers in
 * dollar quotes; {@code DO} blocks; comments of both kinds; {@code COMMENT ON}; grants; views and
 * materialized views; enums; range partitions attached and detached. It is plain PostgreSQL that both
 * dbops and squawk parse.
 *
 * @param seed the seed the corpus was generated from
 * @param prelude the DDL of the tables that exist before the first migration, not part of the corpus;
 *     run it first to replay the corpus on a real server
 * @param migrations the files in the order Flyway runs them
 */
public record LintCorpus(long seed, String prelude, List<Migration> migrations) {

    /** The seed of the standard corpus. */
    public static final long SEED = 20_261_121L;
    /** The fewest files of the standard corpus. */
    public static final int MIN_FILES = 500;
    /** The fewest statements of the standard corpus. */
    public static final int MIN_STATEMENTS = 5_000;

    /**
     * One migration file.
     *
     * @param fileName the Flyway file name, {@code V<n>__<description>.sql}
     * @param sql its text
     * @param statements how many statements it holds, as PostgreSQL splits them (a DO block or a
     *     function is one statement)
     * @param config Flyway's script configuration ({@code executeInTransaction=false}), written next to
     *     the script as {@code <fileName>.conf}; empty when there is none
     */
    public record Migration(String fileName, String sql, int statements, String config) {
    }

    /** Tables that exist before the first migration of the corpus; the migrations change them as live tables. */
    private static final int PREEXISTING_TABLES = 120;

    /** How often each kind of migration is written, out of the sum of the weights. */
    private enum Kind {
        CREATE_TABLE(9), CREATE_MODULE(4), ADD_COLUMNS(14), CONCURRENT_INDEX(11), BACKFILL(7), ALTER_TYPE(4),
        SET_NOT_NULL(3), FOREIGN_KEY(5), RENAME_IN_TRANSACTION(2), DROP_COLUMN(2), DROP_INDEX(2),
        FUNCTION_AND_TRIGGER(6), DO_BLOCK(4), ENUM_TYPE(2), ENUM_VALUE(2), VIEW(4), MATERIALIZED_VIEW(2),
        REFRESH(1), PARTITIONED_TABLE(2), ADD_PARTITIONS(4), DETACH_PARTITION(1), LOOKUP_TABLE(2),
        SEED_DATA(3), GRANTS(1), VACUUM(1), DROP_VIEW(1);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }
    }

    /** Copies the list. */
    public LintCorpus {
        migrations = List.copyOf(migrations);
    }

    /** The standard corpus: seed {@value #SEED}, at least {@value #MIN_FILES} files and {@value #MIN_STATEMENTS} statements. */
    public static LintCorpus standard() {
        return generate(SEED, MIN_FILES, MIN_STATEMENTS);
    }

    /** Writes migrations until there are at least {@code minFiles} files and {@code minStatements} statements. */
    public static LintCorpus generate(long seed, int minFiles, int minStatements) {
        Random random = new Random(seed);
        CorpusSchema schema = new CorpusSchema(random);
        StringBuilder prelude = new StringBuilder();
        for (CorpusSchema.Table table : schema.preexisting(PREEXISTING_TABLES)) {
            prelude.append("CREATE TABLE ").append(table.name).append(" (\n    id bigint GENERATED ALWAYS AS IDENTITY"
                    + " PRIMARY KEY");
            table.columns.stream().skip(1).forEach(column -> prelude.append(",\n    ").append(column.name()).append(' ')
                    .append(column.type()));
            prelude.append("\n);\n");
        }
        TableMigrations tables = new TableMigrations(random, schema);
        ObjectMigrations objects = new ObjectMigrations(random, schema, tables);
        List<Migration> migrations = new ArrayList<>();
        int statements = 0;
        int totalWeight = Stream.of(Kind.values()).mapToInt(kind -> kind.weight).sum();
        while (migrations.size() < minFiles || statements < minStatements) {
            MigrationText text = new MigrationText();
            String description;
            if (migrations.isEmpty()) {
                description = objects.baseline(text);
            } else {
                description = switch (pickKind(random, totalWeight)) {
                    case CREATE_TABLE -> tables.createTable(text);
                    case CREATE_MODULE -> tables.createModule(text);
                    case ADD_COLUMNS -> tables.addColumns(text);
                    case CONCURRENT_INDEX -> tables.concurrentIndex(text);
                    case BACKFILL -> tables.backfill(text);
                    case ALTER_TYPE -> tables.alterType(text);
                    case SET_NOT_NULL -> tables.setNotNull(text);
                    case FOREIGN_KEY -> tables.foreignKey(text);
                    case RENAME_IN_TRANSACTION -> tables.renameInTransaction(text);
                    case DROP_COLUMN -> tables.dropColumn(text);
                    case DROP_INDEX -> tables.dropIndex(text);
                    case FUNCTION_AND_TRIGGER -> objects.functionAndTrigger(text);
                    case DO_BLOCK -> objects.doBlock(text);
                    case ENUM_TYPE -> objects.enumType(text);
                    case ENUM_VALUE -> objects.enumValue(text);
                    case VIEW -> objects.view(text);
                    case MATERIALIZED_VIEW -> objects.materializedView(text);
                    case REFRESH -> objects.refresh(text);
                    case PARTITIONED_TABLE -> objects.partitionedTable(text);
                    case ADD_PARTITIONS -> objects.addPartitions(text);
                    case DETACH_PARTITION -> objects.detachPartition(text);
                    case LOOKUP_TABLE -> objects.lookupTable(text);
                    case SEED_DATA -> objects.seedData(text);
                    case GRANTS -> objects.grants(text);
                    case VACUUM -> objects.vacuum(text);
                    case DROP_VIEW -> objects.dropView(text);
                };
            }
            String fileName = "V" + (migrations.size() + 1) + "__" + description + ".sql";
            migrations.add(new Migration(fileName, text.sql(), text.statements(), text.config()));
            statements += text.statements();
        }
        return new LintCorpus(seed, prelude.toString(), migrations);
    }

    private static Kind pickKind(Random random, int totalWeight) {
        int n = random.nextInt(totalWeight);
        for (Kind kind : Kind.values()) {
            n -= kind.weight;
            if (n < 0) {
                return kind;
            }
        }
        throw new AssertionError("weights changed while picking");
    }

    /** The total number of statements in all files. */
    public int statements() {
        return migrations.stream().mapToInt(Migration::statements).sum();
    }

    /** The total size of all files in bytes (UTF-8). */
    public long bytes() {
        return migrations.stream().mapToLong(m -> m.sql().getBytes(StandardCharsets.UTF_8).length).sum();
    }

    /**
     * Writes the corpus into {@code directory} and loads it as {@code dbops lint DIRECTORY} does: as a
     * Flyway location, each script with the transaction mode Flyway gives it.
     */
    public MigrationSet load(Path directory) {
        write(directory);
        return MigrationSource.builder().location(directory).build().load();
    }

    /** Writes the files into {@code directory}, after deleting the {@code .sql} and {@code .sql.conf} files there. */
    public void write(Path directory) {
        try {
            Files.createDirectories(directory);
            try (Stream<Path> old = Files.list(directory)) {
                for (Path file : old.filter(p -> p.toString().endsWith(".sql") || p.toString().endsWith(".sql.conf"))
                        .toList()) {
                    Files.delete(file);
                }
            }
            for (Migration migration : migrations) {
                Files.writeString(directory.resolve(migration.fileName()), migration.sql(), StandardCharsets.UTF_8);
                if (!migration.config().isEmpty()) {
                    Files.writeString(directory.resolve(migration.fileName() + ".conf"), migration.config(),
                            StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the lint corpus to " + directory.toAbsolutePath(), e);
        }
    }
}
