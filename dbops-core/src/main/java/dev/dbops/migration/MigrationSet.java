package dev.dbops.migration;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Everything a {@link MigrationSource} loaded: the migrations in the order the tool runs them, the
 * scripts it runs only on request, and the problems that kept files from loading.
 *
 * @param migrations the forward run order: Flyway versioned migrations by version then repeatables by
 *     description, Liquibase changesets in changelog order, plain files in natural name order
 * @param undoMigrations Flyway undo migrations by version; {@code flyway undo} runs them, never
 *     {@code migrate}
 * @param baselineMigrations Flyway baseline migrations by version; {@code migrate} runs the latest one
 *     only on a database without history, instead of the versioned migrations it covers
 * @param problems files that could not be loaded, or only in part; the CLI reports them after checking
 *     the rest
 */
public record MigrationSet(
        List<Migration> migrations,
        List<Migration> undoMigrations,
        List<Migration> baselineMigrations,
        List<MigrationProblem> problems) {

    /** Copies the lists, so that the set is immutable. */
    public MigrationSet {
        migrations = List.copyOf(Objects.requireNonNull(migrations, "migrations"));
        undoMigrations = List.copyOf(Objects.requireNonNull(undoMigrations, "undoMigrations"));
        baselineMigrations = List.copyOf(Objects.requireNonNull(baselineMigrations, "baselineMigrations"));
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
    }

    /** Every migration loaded: the forward run order, then the undo and the baseline migrations. */
    public List<Migration> all() {
        return Stream.of(migrations, undoMigrations, baselineMigrations).flatMap(List::stream).toList();
    }

    /** Whether every file loaded without a problem. */
    public boolean isClean() {
        return problems.isEmpty();
    }
}
