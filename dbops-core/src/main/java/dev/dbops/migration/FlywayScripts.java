package dev.dbops.migration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the files of Flyway locations into migrations the way Flyway resolves them: names, per-script
 * configuration, placeholders, order, and the duplicates that make Flyway refuse to migrate.
 */
final class FlywayScripts {

    /** Flyway's placeholders that only a database connection can fill. */
    private static final Set<String> FROM_DATABASE = Set.of("flyway:defaultSchema", "flyway:user", "flyway:database");

    private static final Comparator<Migration> BY_VERSION = Comparator
            .comparing((Migration m) -> FlywayVersion.parse(m.version().orElseThrow()).orElseThrow())
            .thenComparing(Migration::location);
    private static final Comparator<Migration> BY_DESCRIPTION = Comparator.comparing(Migration::description)
            .thenComparing(Migration::location);

    private final Map<String, String> placeholders;
    private final boolean replacePlaceholders;
    private final boolean mixed;
    private final boolean executeInTransaction;

    FlywayScripts(Map<String, String> placeholders, boolean replacePlaceholders, boolean mixed,
            boolean executeInTransaction) {
        this.placeholders = Map.copyOf(placeholders);
        this.replacePlaceholders = replacePlaceholders;
        this.mixed = mixed;
        this.executeInTransaction = executeInTransaction;
    }

    /** The migrations of one Flyway run, split by kind and sorted as Flyway sorts them. */
    record Loaded(List<Migration> migrations, List<Migration> undo, List<Migration> baseline) {
    }

    Loaded load(List<ScriptResource> files, List<MigrationProblem> problems) {
        Map<String, ScriptResource> configs = new HashMap<>();
        files.forEach(file -> configs.put(file.location(), file));
        Map<MigrationKind, List<Migration>> byKind = new HashMap<>();
        for (ScriptResource file : files) {
            if (!FlywayName.isSqlFile(file.fileName())) {
                continue;
            }
            Optional<FlywayName> name = FlywayName.parse(file.fileName());
            if (name.isEmpty()) {
                problems.add(MigrationProblem.of(file.location(), FlywayName.whyInvalid(file.fileName())));
                continue;
            }
            ScriptResource config = configs.get(file.location() + ScriptConfig.EXTENSION);
            migration(file, name.get(), config, problems)
                    .ifPresent(m -> byKind.computeIfAbsent(m.kind(), k -> new ArrayList<>()).add(m));
        }
        List<Migration> forward = sorted(byKind, MigrationKind.VERSIONED, BY_VERSION, problems);
        forward.addAll(sorted(byKind, MigrationKind.REPEATABLE, BY_DESCRIPTION, problems));
        return new Loaded(forward, sorted(byKind, MigrationKind.UNDO, BY_VERSION, problems),
                sorted(byKind, MigrationKind.BASELINE, BY_VERSION, problems));
    }

    private Optional<Migration> migration(ScriptResource file, FlywayName name, ScriptResource configFile,
            List<MigrationProblem> problems) {
        Placeholders values = new Placeholders(values(file.fileName()));
        ScriptConfig config = ScriptConfig.NONE;
        if (configFile != null) {
            try {
                String text = TextFiles.decode(configFile.content().read(), StandardCharsets.UTF_8);
                config = ScriptConfig.parse(replace(values, text, configFile.location(), problems));
                config.problems().forEach(p -> problems.add(MigrationProblem.of(configFile.location(), p)));
            } catch (IOException e) {
                problems.add(MigrationProblem.of(configFile.location(), "cannot read: " + ScriptScanner.describe(e)
                        + "; the script was checked without its configuration"));
            }
        }
        String text;
        try {
            text = TextFiles.decode(file.content().read(), config.encoding().orElse(StandardCharsets.UTF_8),
                    file.location(), problems);
        } catch (IOException e) {
            problems.add(MigrationProblem.of(file.location(), "cannot read: " + ScriptScanner.describe(e)
                    + "; the migration was not checked"));
            return Optional.empty();
        }
        String sql = config.placeholderReplacement().orElse(replacePlaceholders)
                ? replace(values, text, file.location(), problems) : text;
        Optional<String> version = name.version().map(FlywayVersion::toString);
        String id = name.kind() == MigrationKind.REPEATABLE
                ? file.fileName().substring(0, file.fileName().length() - FlywayName.SUFFIX.length())
                : file.fileName().charAt(0) + version.orElseThrow();
        return Optional.of(new Migration(id, name.kind(), version, name.description(), file.relativePath(),
                file.location(), 1, true, sql, mode(config), Optional.empty()));
    }

    private TransactionMode mode(ScriptConfig config) {
        if (config.executeInTransaction().isPresent()) {
            return config.executeInTransaction().get() ? TransactionMode.TRANSACTIONAL : TransactionMode.NON_TRANSACTIONAL;
        }
        if (!executeInTransaction) {
            return TransactionMode.NON_TRANSACTIONAL;
        }
        return mixed ? TransactionMode.AUTO_MIXED : TransactionMode.AUTO;
    }

    /** Flyway's default placeholders that are known without a database, then the user's, which win. */
    private Map<String, String> values(String fileName) {
        Map<String, String> values = new HashMap<>();
        values.put("flyway:timestamp", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
        values.put("flyway:filename", fileName);
        values.put("flyway:workingDirectory", System.getProperty("user.dir"));
        values.put("flyway:table", "flyway_schema_history");
        values.put("flyway:environment", "default");
        values.putAll(placeholders);
        return values;
    }

    private static String replace(Placeholders values, String text, String location, List<MigrationProblem> problems) {
        Placeholders.Result result = values.replace(text);
        for (Placeholders.Missing missing : result.missing()) {
            String placeholder = "${" + missing.name() + "}";
            String message;
            if (missing.unterminated()) {
                message = "placeholder '${" + missing.name().lines().findFirst().orElse("")
                        + "' is never closed with '}': Flyway stops at it; close it, or write $${ to keep the text";
            } else if (FROM_DATABASE.stream().anyMatch(missing.name()::equalsIgnoreCase)) {
                message = "placeholder " + placeholder + " is filled from the database connection, which dbops does"
                        + " not have: give it a value in the placeholders (" + missing.name() + "=…)";
            } else {
                message = "placeholder " + placeholder + " has no value: Flyway stops with \"No value provided for"
                        + " placeholder\"; give it a value in the placeholders, or write $" + placeholder
                        + " to keep the text";
            }
            problems.add(MigrationProblem.at(location, missing.line(), message));
        }
        return result.text();
    }

    /** One kind's migrations in Flyway's order; two with the same version or description are reported. */
    private static List<Migration> sorted(Map<MigrationKind, List<Migration>> byKind, MigrationKind kind,
            Comparator<Migration> order, List<MigrationProblem> problems) {
        List<Migration> migrations = new ArrayList<>(byKind.getOrDefault(kind, List.of()));
        migrations.sort(order);
        for (int i = 1; i < migrations.size(); i++) {
            Migration previous = migrations.get(i - 1);
            Migration current = migrations.get(i);
            boolean same = kind == MigrationKind.REPEATABLE
                    ? previous.description().equals(current.description())
                    : sameVersion(previous, current);
            if (same) {
                String what = kind == MigrationKind.REPEATABLE
                        ? "description '" + current.description() + "'" : "version " + current.version().orElseThrow();
                problems.add(MigrationProblem.of(current.location(), "the " + what + " is also used by "
                        + previous.location() + ": Flyway refuses to migrate (\"Found more than one migration with "
                        + what + "\"); give one of them another " + (kind == MigrationKind.REPEATABLE ? "name" : "version")));
            }
        }
        return migrations;
    }

    private static boolean sameVersion(Migration a, Migration b) {
        return FlywayVersion.parse(a.version().orElseThrow()).equals(FlywayVersion.parse(b.version().orElseThrow()));
    }
}
