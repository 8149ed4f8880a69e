package dev.dbops.spring.guard;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.migration.ChangeSetRef;
import dev.dbops.migration.Migration;
import dev.dbops.migration.MigrationProblem;
import dev.dbops.migration.MigrationSet;
import dev.dbops.runtime.PendingMigrationLint;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.springframework.beans.factory.InitializingBean;

/**
 * Lints the changesets Liquibase is about to run, before Spring Boot's {@code SpringLiquibase} runs them:
 * Spring Boot's database initialization ordering runs this bean first (it is detected as a database
 * initializer ordered before Liquibase's). The unrun changesets are those Liquibase itself lists for the
 * configured contexts and labels, on a connection of the application's {@link DataSource}.
 */
public final class LiquibasePendingMigrationLint implements InitializingBean {

    /**
     * What Spring Boot's Liquibase configuration says about the changelog.
     *
     * @param changeLog {@code spring.liquibase.change-log}
     * @param contexts {@code spring.liquibase.contexts}, comma-separated (empty: all)
     * @param labels {@code spring.liquibase.label-filter}, comma-separated (empty: all)
     * @param parameters {@code spring.liquibase.parameters}
     * @param defaultSchema {@code spring.liquibase.default-schema}, or null
     * @param changeLogTable {@code spring.liquibase.database-change-log-table}
     */
    public record Changelog(String changeLog, String contexts, String labels, Map<String, String> parameters,
            String defaultSchema, String changeLogTable) {

        /** Checks the required parts and copies the parameters. */
        public Changelog {
            Objects.requireNonNull(changeLog, "changeLog");
            Objects.requireNonNull(contexts, "contexts");
            Objects.requireNonNull(labels, "labels");
            parameters = Map.copyOf(parameters);
            Objects.requireNonNull(changeLogTable, "changeLogTable");
        }
    }

    private final PendingMigrationLint lint;
    private final DataSource dataSource;
    private final Changelog changelog;
    private final List<String> locations;
    private final ClassLoader classLoader;

    /** Creates the check; it runs in {@link #afterPropertiesSet()}. */
    public LiquibasePendingMigrationLint(PendingMigrationLint lint, DataSource dataSource, Changelog changelog,
            List<String> locations, ClassLoader classLoader) {
        this.lint = Objects.requireNonNull(lint, "lint");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.changelog = Objects.requireNonNull(changelog, "changelog");
        this.locations = List.copyOf(locations);
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
    }

    @Override
    public void afterPropertiesSet() throws SQLException, LiquibaseException {
        Set<String> unrun;
        int serverMajor;
        try (Connection connection = dataSource.getConnection()) {
            serverMajor = connection.getMetaData().getDatabaseMajorVersion();
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            if (changelog.defaultSchema() != null) {
                database.setDefaultSchemaName(changelog.defaultSchema());
            }
            database.setDatabaseChangeLogTableName(changelog.changeLogTable());
            Liquibase liquibase = new Liquibase(resourcePath(changelog.changeLog()),
                    new ClassLoaderResourceAccessor(classLoader), database);
            changelog.parameters().forEach(liquibase::setChangeLogParameter);
            unrun = liquibase.listUnrunChangeSets(new Contexts(changelog.contexts()),
                    new LabelExpression(changelog.labels())).stream()
                    .map(LiquibasePendingMigrationLint::key).collect(Collectors.toSet());
        }
        if (unrun.isEmpty()) {
            return;
        }
        List<String> files = locations.isEmpty() ? List.of(changelog.changeLog()) : locations;
        MigrationSet all = MigrationSources.of(files, classLoader).load();
        List<Migration> migrations = all.migrations().stream()
                .filter(m -> m.changeSet().map(ref -> unrun.contains(key(ref))).orElse(false)).toList();
        Set<String> pendingFiles = migrations.stream().map(Migration::location).collect(Collectors.toSet());
        List<MigrationProblem> problems = all.problems().stream().filter(p -> pendingFiles.contains(p.location()))
                .toList();
        if (migrations.size() != unrun.size()) {
            throw new DbopsStartupException(ErrorCode.MIGRATION_SOURCE_FAILED, "dbops found " + migrations.size()
                    + " of the " + unrun.size() + " changesets Liquibase will run in " + files,
                    "Point dbops.guard.locations at the changelog Liquibase runs (spring.liquibase.change-log).");
        }
        lint.check(new MigrationSet(migrations, List.of(), List.of(), problems), serverMajor);
    }

    private static String key(ChangeSet changeSet) {
        return changeSet.getId() + "::" + changeSet.getAuthor();
    }

    private static String key(ChangeSetRef ref) {
        return ref.id() + "::" + ref.author();
    }

    /** Liquibase reads classpath resources by their path, without Spring's {@code classpath:} prefix. */
    private static String resourcePath(String location) {
        if (location.startsWith("classpath:")) {
            String path = location.substring("classpath:".length());
            return path.startsWith("/") ? path.substring(1) : path;
        }
        if (location.startsWith("file:") || location.contains("://")) {
            throw new DbopsException(ErrorCode.INVALID_CONFIGURATION, "dbops lints Liquibase changelogs on the class"
                    + " path; " + location + " is not one — set dbops.guard.lint.enabled=false or move the changelog");
        }
        return location;
    }
}
