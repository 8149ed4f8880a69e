package dev.dbops.migration;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Decides what a location is: a Flyway location, plain SQL files, or a Liquibase changelog.
 *
 * <p>{@code classpath:} and {@code filesystem:} directories are Flyway locations, as in Flyway's own
 * notation. A bare directory is a Flyway location when one of its {@code .sql} files has a Flyway name,
 * otherwise a directory of plain SQL files. A file ending in {@code .xml}, {@code .yaml}, {@code .yml}
 * or {@code .json}, or a {@code .sql} file whose first line is {@code --liquibase formatted sql}, is a
 * Liquibase changelog; another {@code .sql} file is one Flyway migration when its name is a Flyway
 * name (so that its {@code .conf} counts), else a plain file.
 */
final class Locations {

    static final String FILESYSTEM = "filesystem:";
    private static final Pattern FORMATTED_SQL = Pattern.compile("^\\s*--\\s*liquibase\\s*formatted.*",
            Pattern.CASE_INSENSITIVE);
    private static final List<String> CHANGELOG_EXTENSIONS = List.of(".xml", ".yaml", ".yml", ".json");

    private Locations() {
    }

    /** What one location holds. */
    sealed interface Resolved permits Flyway, Plain, Changelog {
    }

    /** The files of a Flyway location, including the ones Flyway would ignore. */
    record Flyway(List<ScriptResource> files) implements Resolved {
    }

    /** Plain SQL files. */
    record Plain(List<ScriptResource> files) implements Resolved {
    }

    /** A Liquibase changelog. */
    record Changelog(ChangelogLocation location) implements Resolved {
    }

    /**
     * Resolves one location.
     *
     * @throws DbopsException with {@link ErrorCode#MIGRATION_SOURCE_FAILED} when the location does not
     *     exist or is not something migrations can come from
     */
    static Resolved resolve(String location, ClassLoader classLoader, List<MigrationProblem> problems) {
        try {
            if (location.startsWith(ChangelogLocation.CLASSPATH)) {
                return classpath(location.substring(ChangelogLocation.CLASSPATH.length()), classLoader, problems);
            }
            boolean flyway = location.startsWith(FILESYSTEM);
            Path path = Path.of(flyway ? location.substring(FILESYSTEM.length()) : location);
            if (!Files.exists(path)) {
                throw failure("migration location " + location + " does not exist (working directory "
                        + Path.of("").toAbsolutePath() + "): check the path, or use classpath:" + path
                        + " for resources inside the application");
            }
            if (Files.isDirectory(path)) {
                List<ScriptResource> files = ScriptScanner.directory(path, problems);
                return flyway || hasFlywayName(files) ? new Flyway(files) : new Plain(sqlFiles(files));
            }
            ScriptResource file = ScriptScanner.file(path);
            Path config = Path.of(path + ScriptConfig.EXTENSION);
            return file(file, Files.isRegularFile(config) ? List.of(ScriptScanner.file(config)) : List.of(),
                    () -> ChangelogLocation.ofFile(path));
        } catch (IOException e) {
            throw new DbopsException(ErrorCode.MIGRATION_SOURCE_FAILED, "cannot read migration location " + location
                    + ": " + ScriptScanner.describe(e), e);
        }
    }

    private static Resolved classpath(String raw, ClassLoader classLoader, List<MigrationProblem> problems)
            throws IOException {
        String path = raw.replaceAll("^/+|/+$", "");
        String location = ChangelogLocation.CLASSPATH + path;
        if (path.isEmpty()) {
            throw failure("the location classpath: names no directory: give one, such as classpath:db/migration");
        }
        if (!classLoader.getResources(path).hasMoreElements()) {
            throw failure("migration location " + location + " is not on the classpath: check the path (resources"
                    + " from src/main/resources sit at the classpath root), or give a file system path");
        }
        if (isChangelog(path) || path.toLowerCase(Locale.ROOT).endsWith(FlywayName.SUFFIX)) {
            byte[] bytes = read(classLoader, path);
            String name = path.substring(path.lastIndexOf('/') + 1);
            ScriptResource file = new ScriptResource(name, location, () -> bytes);
            List<ScriptResource> config = classLoader.getResource(path + ScriptConfig.EXTENSION) == null ? List.of()
                    : List.of(new ScriptResource(name + ScriptConfig.EXTENSION, location + ScriptConfig.EXTENSION,
                            () -> read(classLoader, path + ScriptConfig.EXTENSION)));
            return file(file, config, () -> ChangelogLocation.ofClasspath(path, classLoader));
        }
        return new Flyway(ScriptScanner.classpath(path, classLoader, problems));
    }

    /** A single file: a changelog, a Flyway migration (with its configuration), or a plain file. */
    private static Resolved file(ScriptResource file, List<ScriptResource> config,
            Supplier<ChangelogLocation> changelog) throws IOException {
        String name = file.fileName();
        if (isChangelog(name)) {
            return new Changelog(changelog.get());
        }
        if (!FlywayName.isSqlFile(name)) {
            throw failure(file.location() + " is not a migration: give a directory, a .sql file, or a Liquibase"
                    + " changelog (.xml, .yaml, .yml, .json, or .sql starting with --liquibase formatted sql)");
        }
        if (isFormattedSql(file)) {
            return new Changelog(changelog.get());
        }
        if (FlywayName.parse(name).isPresent()) {
            List<ScriptResource> files = new ArrayList<>(List.of(file));
            files.addAll(config);
            return new Flyway(files);
        }
        return new Plain(List.of(file));
    }

    private static boolean isFormattedSql(ScriptResource file) {
        try {
            String text = TextFiles.decode(file.content().read(), StandardCharsets.UTF_8);
            return FORMATTED_SQL.matcher(text.lines().findFirst().orElse("")).matches();
        } catch (IOException e) {
            return false; // read again as a migration, where the failure becomes a problem with the file
        }
    }

    private static boolean isChangelog(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return CHANGELOG_EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    private static boolean hasFlywayName(List<ScriptResource> files) {
        return files.stream().anyMatch(file -> FlywayName.parse(file.fileName()).isPresent());
    }

    private static List<ScriptResource> sqlFiles(List<ScriptResource> files) {
        return files.stream().filter(file -> FlywayName.isSqlFile(file.fileName())).toList();
    }

    private static byte[] read(ClassLoader classLoader, String path) throws IOException {
        try (InputStream in = classLoader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("classpath resource " + path + " cannot be opened");
            }
            return in.readAllBytes();
        }
    }

    private static DbopsException failure(String message) {
        return new DbopsException(ErrorCode.MIGRATION_SOURCE_FAILED, message);
    }
}
