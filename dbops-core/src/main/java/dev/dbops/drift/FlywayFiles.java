package dev.dbops.drift;

import dev.dbops.DbopsException;
import dev.dbops.migration.FlywayVersion;
import dev.dbops.migration.Migration;
import dev.dbops.migration.MigrationKind;
import dev.dbops.migration.MigrationProblem;
import dev.dbops.migration.MigrationSet;
import dev.dbops.migration.MigrationSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Flyway scripts of a migration set with the text and checksum Flyway computes for each: versioned
 * and baseline scripts over the file as written, repeatables after placeholder replacement.
 */
final class FlywayFiles {

    private static final Pattern NAME = Pattern.compile("^([VBR])([^_]*(?:_[^_]+)*?)__(.*)\\.sql$");

    /** One script: the migration, the text Flyway checksums, and that checksum. */
    record Script(Migration migration, String text, int checksum) {

        boolean repeatable() {
            return migration.kind() == MigrationKind.REPEATABLE;
        }

        String version() {
            return migration.version().orElse("");
        }
    }

    final List<Script> versioned = new ArrayList<>();
    final List<Script> repeatable = new ArrayList<>();
    final List<Script> baseline = new ArrayList<>();
    /** Files that could not be read, by {@code V<version>} or {@code R__<description>}. */
    final Map<String, MigrationProblem> unreadable = new HashMap<>();

    FlywayFiles(MigrationSource source, MigrationSet set) {
        for (Migration migration : set.migrations()) {
            if (migration.kind() == MigrationKind.VERSIONED) {
                script(source, migration).ifPresent(versioned::add);
            } else if (migration.kind() == MigrationKind.REPEATABLE) {
                repeatable.add(new Script(migration, migration.sql(), FlywayChecksum.of(migration.sql())));
            }
        }
        for (Migration migration : set.baselineMigrations()) {
            script(source, migration).ifPresent(baseline::add);
        }
        for (MigrationProblem problem : set.problems()) {
            String name = problem.location().substring(problem.location().lastIndexOf('/') + 1);
            Matcher m = NAME.matcher(name);
            if (m.matches() && problem.message().startsWith("cannot read")) {
                unreadable.put(m.group(1).equals("R") ? "R__" + m.group(3).replace('_', ' ')
                        : "V" + m.group(2).replace('_', '.'), problem);
            }
        }
    }

    private Optional<Script> script(MigrationSource source, Migration migration) {
        try {
            String text = source.scriptText(migration);
            return Optional.of(new Script(migration, text, FlywayChecksum.of(text)));
        } catch (DbopsException e) {
            unreadable.put("V" + migration.version().orElse(""), new MigrationProblem(migration.location(),
                    java.util.OptionalInt.empty(), e.getMessage()));
            return Optional.empty();
        }
    }

    Optional<Script> versioned(String version) {
        return versioned.stream().filter(s -> FlywayVersion.same(s.version(), version)).findFirst();
    }

    Optional<Script> baseline(String version) {
        return baseline.stream().filter(s -> FlywayVersion.same(s.version(), version)).findFirst();
    }

    Optional<Script> repeatable(String description) {
        return repeatable.stream().filter(s -> s.migration().description().equals(description)).findFirst();
    }

    Optional<MigrationProblem> unreadableVersion(String version) {
        return unreadable.entrySet().stream()
                .filter(e -> e.getKey().startsWith("V") && FlywayVersion.same(e.getKey().substring(1), version))
                .map(Map.Entry::getValue).findFirst();
    }

    Optional<String> highestVersion() {
        return versioned.stream().map(Script::version).max(FlywayVersion.ORDER);
    }

    boolean isEmpty() {
        return versioned.isEmpty() && repeatable.isEmpty() && baseline.isEmpty();
    }
}
