package dev.dbops.cli;

import dev.dbops.DbopsException;
import dev.dbops.lint.InputProblem;
import dev.dbops.migration.MigrationSet;
import dev.dbops.migration.MigrationSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the PATH arguments of {@code dbops lint} into one {@link MigrationSet}: Flyway locations (all of
 * them form one Flyway run, in Flyway's version order, with placeholders and {@code .sql.conf}),
 * Liquibase changelogs, and plain {@code .sql} files and directories (natural name order). A path
 * that does not exist or yields nothing becomes an {@link InputProblem}, never an exception, so that
 * the other paths are still linted.
 */
final class LintInputs {

    private LintInputs() {
    }

    /** The migrations of the readable paths, and what was wrong with the others. */
    record Inputs(MigrationSet migrations, List<InputProblem> problems) {

        Inputs {
            problems = List.copyOf(problems);
        }
    }

    static Inputs read(List<Path> paths) {
        List<InputProblem> problems = new ArrayList<>();
        Set<Path> readable = new LinkedHashSet<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                problems.add(new InputProblem(path.toString(), 0, "no such file or directory — check the path"));
            } else if (!Files.isReadable(path)) {
                problems.add(new InputProblem(path.toString(), 0, "permission denied — check the file's permissions"));
            } else {
                readable.add(path.normalize());
            }
        }
        if (readable.isEmpty()) {
            return new Inputs(new MigrationSet(List.of(), List.of(), List.of(), List.of()), problems);
        }
        MigrationSource.Builder source = MigrationSource.builder();
        readable.forEach(source::location);
        MigrationSet migrations;
        try {
            migrations = source.build().load();
        } catch (DbopsException e) {
            problems.add(new InputProblem(String.join(", ", readable.stream().map(Path::toString).toList()), 0,
                    e.getMessage()));
            return new Inputs(new MigrationSet(List.of(), List.of(), List.of(), List.of()), problems);
        }
        if (migrations.all().isEmpty() && migrations.problems().isEmpty()) {
            problems.add(new InputProblem(String.join(", ", readable.stream().map(Path::toString).toList()), 0,
                    "no migrations found: no .sql files, Flyway scripts or Liquibase changelogs — check the path"));
        }
        return new Inputs(migrations, problems);
    }
}
