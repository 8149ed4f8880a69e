package dev.dbops.migration;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.ChecksumVersion;
import liquibase.GlobalConfiguration;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.change.CheckSum;
import liquibase.change.core.SQLFileChange;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.DatabaseList;
import liquibase.database.OfflineConnection;
import liquibase.database.core.PostgresDatabase;
import liquibase.logging.core.NoOpLogService;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Liquibase changelogs with Liquibase itself, offline: the changelog is parsed by Liquibase's
 * parsers (includes resolved, parameters expanded, changesets for other databases left out) and the
 * SQL of each change type comes from Liquibase's generators for PostgreSQL, against an
 * {@link OfflineConnection}, so no database is contacted and no history table is read or written.
 *
 * <p>This is the only class that touches Liquibase; it is loaded only after {@link MigrationSource}
 * checked that Liquibase is on the classpath.
 */
final class LiquibaseChangelogs {

    /** The PostgreSQL major version Liquibase generates SQL for. */
    static final int POSTGRES_VERSION = 15;
    /** A class whose presence means Liquibase is on the classpath. */
    static final String PROBE_CLASS = "liquibase.Scope";

    private static final Logger LOG = LoggerFactory.getLogger(LiquibaseChangelogs.class);

    /** "line 12" in the messages of Liquibase's XML and YAML parsers. */
    private static final Pattern LINE = Pattern.compile("(?i)\\bline:? (\\d+)");

    private final Map<String, String> parameters;

    LiquibaseChangelogs(Map<String, String> parameters) {
        this.parameters = Map.copyOf(parameters);
    }

    /** The changesets of a changelog in the order Liquibase runs them; problems go to {@code problems}. */
    List<Migration> load(ChangelogLocation location, List<MigrationProblem> problems) {
        return inScope(location, accessor -> read(location, accessor, problems));
    }

    /**
     * Liquibase's own checksum of every changeset, in the given checksum version (9 since Liquibase 4.22),
     * computed with an offline PostgreSQL database in scope, as {@code update} computes it. A changelog
     * that does not parse gives none; {@link #load} reports why.
     */
    List<ChangeSetChecksum> checksums(ChangelogLocation location, int version) {
        return inScope(location, accessor -> {
            PostgresDatabase database = offlineDatabase(accessor);
            ChangeLogParameters changeLogParameters = new ChangeLogParameters(database);
            parameters.forEach(changeLogParameters::set);
            DatabaseChangeLog changeLog;
            try {
                changeLog = ChangeLogParserFactory.getInstance().getParser(location.changeLogPath(), accessor)
                        .parse(location.changeLogPath(), changeLogParameters, accessor);
            } catch (Exception e) {
                LOG.debug("no checksums: the changelog does not parse", e);
                return List.of();
            }
            ChecksumVersion checksumVersion = ChecksumVersion.enumFromChecksumVersion(version);
            List<ChangeSetChecksum> checksums = new ArrayList<>();
            for (ChangeSet changeSet : changeLog.getChangeSets()) {
                if (changeSet.isIgnore()) {
                    continue;
                }
                CheckSum checkSum = Scope.child(Map.of(Scope.Attr.database.name(), database),
                        () -> changeSet.generateCheckSum(checksumVersion));
                checksums.add(new ChangeSetChecksum(new ChangeSetRef(changeSet.getId(), changeSet.getAuthor(),
                        changeSet.getFilePath()), checkSum.toString(), changeSet.isRunOnChange(),
                        changeSet.isAlwaysRun(), changeSet.getValidCheckSums().stream().map(CheckSum::toString).toList()));
            }
            return checksums;
        });
    }

    /**
     * The rollback of every changeset that has one Liquibase can produce offline, in changelog order. A
     * changelog that does not parse gives none; {@link #load} reports why.
     */
    List<ChangeSetRollback> rollbacks(ChangelogLocation location) {
        return inScope(location, accessor -> {
            PostgresDatabase database = offlineDatabase(accessor);
            ChangeLogParameters changeLogParameters = new ChangeLogParameters(database);
            parameters.forEach(changeLogParameters::set);
            DatabaseChangeLog changeLog;
            try {
                changeLog = ChangeLogParserFactory.getInstance().getParser(location.changeLogPath(), accessor)
                        .parse(location.changeLogPath(), changeLogParameters, accessor);
            } catch (Exception e) {
                LOG.debug("no rollbacks: the changelog does not parse", e);
                return List.of();
            }
            ChangeSetSql sql = new ChangeSetSql(database);
            Map<String, ChangeSetLines> files = new HashMap<>();
            List<ChangeSetRollback> rollbacks = new ArrayList<>();
            for (ChangeSet changeSet : changeLog.getChangeSets()) {
                if (changeSet.isIgnore()) {
                    continue;
                }
                String physical = changeSet.getChangeLog().getPhysicalFilePath();
                ChangeSetLines lines = files.computeIfAbsent(physical,
                        p -> new ChangeSetLines(p, location.text(p).orElse("")));
                OptionalInt line = physical.toLowerCase(Locale.ROOT).endsWith(".sql")
                        ? lines.formattedChangeSet(changeSet.getAuthor(), changeSet.getId())
                        : lines.declaredChangeSet(changeSet.getId());
                ChangeSetRef ref = new ChangeSetRef(changeSet.getId(), changeSet.getAuthor(), changeSet.getFilePath());
                TransactionMode mode = changeSet.isRunInTransaction()
                        ? TransactionMode.TRANSACTIONAL : TransactionMode.NON_TRANSACTIONAL;
                boolean generated = !changeSet.hasCustomRollbackChanges();
                sql.rollback(changeSet).ifPresent(text -> rollbacks.add(new ChangeSetRollback(ref,
                        location.display(physical), line.orElse(1), text, generated, mode)));
            }
            return rollbacks;
        });
    }

    /** Work done with a changelog's resource accessor, inside Liquibase's scope. */
    @FunctionalInterface
    private interface ScopedWork<T> {
        T run(ResourceAccessor accessor) throws Exception;
    }

    /** Runs {@code work} with Liquibase's scope set up for offline, silent reading of the changelog. */
    private static <T> T inScope(ChangelogLocation location, ScopedWork<T> work) {
        Map<String, Object> scope = new HashMap<>();
        scope.put(Scope.Attr.logService.name(), new NoOpLogService());
        scope.put(Scope.Attr.ui.name(), new LoggerUIService());
        scope.put(GlobalConfiguration.DUPLICATE_FILE_MODE.getKey(), GlobalConfiguration.DuplicateFileMode.SILENT);
        ResourceAccessor accessor = null;
        try {
            ResourceAccessor opened = accessor(location);
            accessor = opened;
            scope.put(Scope.Attr.resourceAccessor.name(), opened);
            return Scope.child(scope, () -> work.run(opened));
        } catch (Exception e) {
            throw new DbopsException(ErrorCode.MIGRATION_SOURCE_FAILED, "Liquibase failed while reading "
                    + location.display(location.changeLogPath()) + ": " + e.getMessage(), e);
        } finally {
            close(accessor);
        }
    }

    private static PostgresDatabase offlineDatabase(ResourceAccessor accessor) {
        PostgresDatabase database = new PostgresDatabase();
        database.setConnection(new OfflineConnection("offline:postgresql?version=" + POSTGRES_VERSION, accessor));
        return database;
    }

    /** Closes the jar file systems an accessor opened; a failure to close changes nothing that was read. */
    private static void close(ResourceAccessor accessor) {
        if (accessor == null) {
            return;
        }
        try {
            accessor.close();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.debug("closing the Liquibase resource accessor failed", e);
        }
    }

    private static ResourceAccessor accessor(ChangelogLocation location) throws Exception {
        if (location.classLoader().isPresent()) {
            return new ClassLoaderResourceAccessor(location.classLoader().get());
        }
        List<ResourceAccessor> roots = new ArrayList<>();
        for (Path root : location.roots()) {
            roots.add(new DirectoryResourceAccessor(root.toAbsolutePath()));
        }
        return new CompositeResourceAccessor(roots);
    }

    private List<Migration> read(ChangelogLocation location, ResourceAccessor accessor, List<MigrationProblem> problems)
            throws Exception {
        PostgresDatabase database = offlineDatabase(accessor);
        ChangeLogParameters changeLogParameters = new ChangeLogParameters(database);
        parameters.forEach(changeLogParameters::set);
        String path = location.changeLogPath();
        DatabaseChangeLog changeLog;
        try {
            changeLog = ChangeLogParserFactory.getInstance().getParser(path, accessor)
                    .parse(path, changeLogParameters, accessor);
        } catch (Exception e) {
            problems.add(parseProblem(location.display(path), e));
            return List.of();
        }
        ChangeSetSql sql = new ChangeSetSql(database);
        Map<String, ChangeSetLines> files = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<Migration> migrations = new ArrayList<>();
        for (ChangeSet changeSet : changeLog.getChangeSets()) {
            if (changeSet.isIgnore()) {
                continue;
            }
            String physical = changeSet.getChangeLog().getPhysicalFilePath();
            String display = location.display(physical);
            ChangeSetLines lines = files.computeIfAbsent(physical,
                    p -> new ChangeSetLines(p, location.text(p).orElse("")));
            ChangeSetRef ref = new ChangeSetRef(changeSet.getId(), changeSet.getAuthor(), changeSet.getFilePath());
            if (!seen.add(ref.toString())) {
                problems.add(MigrationProblem.of(display, "changeset " + ref + " is declared twice: Liquibase"
                        + " refuses duplicate changeset identifiers; give one of them another id"));
            }
            try {
                migrations.add(migration(changeSet, ref, location, lines, changeLogParameters, sql, problems));
            } catch (RuntimeException e) {
                problems.add(MigrationProblem.of(display, "Liquibase could not read changeset " + ref + ": "
                        + e.getMessage() + "; the changeset was not checked"));
            }
        }
        return migrations;
    }

    /**
     * One changeset: formatted SQL as written in its file, a lone {@code sqlFile} as the file it names,
     * anything else as the SQL Liquibase generates, at the changeset's line.
     */
    private Migration migration(ChangeSet changeSet, ChangeSetRef ref, ChangelogLocation location,
            ChangeSetLines lines, ChangeLogParameters changeLogParameters, ChangeSetSql sql,
            List<MigrationProblem> problems) {
        String physical = changeSet.getChangeLog().getPhysicalFilePath();
        String display = location.display(physical);
        if (physical.toLowerCase(Locale.ROOT).endsWith(".sql")) {
            OptionalInt line = lines.formattedChangeSet(changeSet.getAuthor(), changeSet.getId());
            if (line.isPresent()) {
                String body = changeLogParameters.expandExpressions(lines.formattedBody(line.getAsInt()),
                        changeSet.getChangeLog());
                return migration(ref, changeSet, display, line.getAsInt() + 1, true, body);
            }
        }
        int at = lines.declaredChangeSet(changeSet.getId()).orElse(1);
        Optional<SQLFileChange> sqlFile = onlySqlFile(changeSet, sql.database());
        if (sqlFile.isPresent()) {
            String file = sqlFilePath(physical, sqlFile.get());
            return migration(ref, changeSet, location.display(file), 1, true, sql.raw(sqlFile.get()));
        }
        String text = sql.generate(changeSet, message -> problems.add(MigrationProblem.at(display, at, message)));
        return migration(ref, changeSet, display, at, false, text);
    }

    /** The changeset's one change, when it is a {@code sqlFile} that runs on PostgreSQL and nothing modifies its SQL. */
    private static Optional<SQLFileChange> onlySqlFile(ChangeSet changeSet, PostgresDatabase database) {
        List<Change> changes = changeSet.getChanges();
        boolean modified = changeSet.getSqlVisitors().stream().anyMatch(v -> ChangeSetSql.applies(v, database));
        return changes.size() == 1 && changes.get(0) instanceof SQLFileChange file && !modified
                && DatabaseList.definitionMatches(file.getDbms(), database, true) ? Optional.of(file) : Optional.empty();
    }

    private static String sqlFilePath(String changeLogPath, SQLFileChange change) {
        if (!Boolean.TRUE.equals(change.isRelativeToChangelogFile())) {
            return change.getPath();
        }
        int slash = changeLogPath.lastIndexOf('/');
        return Path.of(slash < 0 ? "" : changeLogPath.substring(0, slash)).resolve(change.getPath()).normalize()
                .toString().replace('\\', '/');
    }

    private static MigrationProblem parseProblem(String display, Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        String text = "Liquibase cannot parse this changelog: " + message;
        // YAML messages name the enclosing block first and the offending line last.
        int line = 0;
        for (Matcher m = LINE.matcher(message); m.find(); ) {
            line = Integer.parseInt(m.group(1));
        }
        return line > 0 ? MigrationProblem.at(display, line, text) : MigrationProblem.of(display, text);
    }

    private static Migration migration(ChangeSetRef ref, ChangeSet changeSet, String location, int firstLine,
            boolean verbatim, String sql) {
        TransactionMode mode = changeSet.isRunInTransaction()
                ? TransactionMode.TRANSACTIONAL : TransactionMode.NON_TRANSACTIONAL;
        return new Migration(ref.toString(), MigrationKind.LIQUIBASE_CHANGESET, Optional.empty(),
                changeSet.getDescription(), ref.file(), location, firstLine, verbatim, sql, mode, Optional.of(ref));
    }
}
