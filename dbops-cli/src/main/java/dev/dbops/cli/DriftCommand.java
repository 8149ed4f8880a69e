package dev.dbops.cli;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.drift.DriftDetector;
import dev.dbops.drift.DriftReport;
import dev.dbops.drift.Reconciliation;
import dev.dbops.drift.ReconciliationScript;
import dev.dbops.migration.MigrationProblem;
import dev.dbops.migration.MigrationSource;
import dev.dbops.postgres.PostgresConnector;
import dev.dbops.postgres.PostgresUrl;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dbops drift}: do the migration files, the history table and the live schema agree? */
@Command(
        name = "drift",
        mixinStandardHelpOptions = true,
        description = {
            "Compares the migration files with the database's history table (Flyway checksums computed as Flyway"
                    + " computes them, Liquibase's MD5SUM) and the live schema with the schema the files describe:"
                    + " replayed on a shadow database (an embedded PostgreSQL of the live server's major version by"
                    + " default), or read from a committed snapshot (--snapshot). Each difference names the migrations"
                    + " that touch the object and whether it looks applied by hand.",
            "Nothing is written to the database. Exit code: 0 no drift, 1 drift, 2 usage or input error (a migration"
                    + " file that cannot be read, a database that cannot be reached)."
        })
final class DriftCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "The live database: jdbc:postgresql://host:port/db?user=…&password=… or"
                    + " postgresql://user:pass@host:port/db.")
    private String url;

    @Option(names = "--migrations", required = true, paramLabel = "LOCATION",
            description = "Where the migrations are: a Flyway directory (or filesystem:/classpath: location), a"
                    + " Liquibase changelog, or plain .sql files (repeatable).")
    private List<String> migrations = new ArrayList<>();

    @Option(names = "--snapshot", paramLabel = "FILE",
            description = "Compare with this snapshot ('dbops inspect' output) instead of replaying the migrations;"
                    + " with --shadow-url, the fallback when the shadow database cannot be used.")
    private Path snapshot;

    @Option(names = "--shadow-url", paramLabel = "URL",
            description = "Replay on this server: embedded, embedded:<major>, or the URL of a server whose user may"
                    + " create databases (a scratch database is created there and dropped).")
    private String shadowUrl;

    @Option(names = "--write-reconciliation", paramLabel = "FILE",
            description = "Write the reconciliation there (a directory gets V<next>__reconcile_drift.sql or its"
                    + " Liquibase/plain equivalent); nothing is written when there is nothing to reconcile.")
    private Path reconciliation;

    @Option(names = "--direction", defaultValue = "files-to-live", paramLabel = "files-to-live|live-to-files",
            description = "files-to-live (the default): a new migration that makes the files reproduce the live"
                    + " schema; live-to-files: a script to review and run by hand that makes the live database match"
                    + " the files (never run by dbops).")
    private String direction;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "text (the default) or json (docs/drift.md).")
    private Format format;

    @Option(names = "--placeholder", paramLabel = "NAME=VALUE",
            description = "A Flyway placeholder or Liquibase changelog parameter (repeatable).")
    private Map<String, String> placeholders = new LinkedHashMap<>();

    @Option(names = "--default-schema", defaultValue = "public", paramLabel = "NAME",
            description = "The schema the migrations run in (default ${DEFAULT-VALUE}).")
    private String defaultSchema;

    @Option(names = "--history-table", paramLabel = "[SCHEMA.]TABLE",
            description = "Flyway's history table when it is not flyway_schema_history.")
    private String historyTable;

    @Option(names = "--ignore-object", paramLabel = "SCHEMA.NAME",
            description = "Leave objects matching this pattern out of the comparison; * is a wildcard (repeatable).")
    private List<String> ignoreObjects = new ArrayList<>();

    @Option(names = "--ignore-schema", paramLabel = "NAME", description = "Leave this schema out (repeatable).")
    private List<String> ignoreSchemas = new ArrayList<>();

    @Option(names = "--no-git", description = "Do not search the files' git history for the text that ran.")
    private boolean noGit;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to this file instead of standard output.")
    private Path output;

    enum Format { text, json }

    @Override
    public Integer call() {
        Reconciliation.Direction chosen = direction();
        MigrationSource.Builder source = MigrationSource.builder().placeholders(placeholders);
        migrations.forEach(source::location);
        DriftDetector.Builder detector = DriftDetector.builder().migrations(source.build())
                .defaultSchema(defaultSchema).ignoreObjects(ignoreObjects.toArray(String[]::new))
                .ignoreSchemas(ignoreSchemas.toArray(String[]::new)).gitHistory(!noGit);
        if (snapshot != null) {
            detector.snapshot(snapshot);
        }
        if (shadowUrl != null) {
            detector.shadow(shadowUrl);
        }
        if (historyTable != null) {
            detector.flywayTable(historyTable);
        }
        DriftReport report;
        try (Connection connection = PostgresConnector.open(PostgresUrl.parse(url))) {
            report = detector.build().detect(connection);
        } catch (SQLException e) {
            throw new DbopsException(ErrorCode.CONNECTION_FAILED, "closing the connection failed: " + e.getMessage(), e);
        }
        Output.write(spec, output, format == Format.json ? report.toJson() : report.toText());
        PrintWriter err = spec.commandLine().getErr();
        if (reconciliation != null) {
            writeReconciliation(report, chosen, err);
        }
        if (!report.problems().isEmpty()) {
            for (MigrationProblem problem : report.problems()) {
                err.println("dbops drift: " + problem);
            }
            err.println("dbops drift: " + report.problems().size() + " migration file"
                    + (report.problems().size() == 1 ? "" : "s") + " could not be read; the report above is"
                    + " incomplete — fix the files and run again");
            err.flush();
            return Dbops.ERROR;
        }
        return report.hasDrift() ? Dbops.FINDINGS : Dbops.OK;
    }

    private void writeReconciliation(DriftReport report, Reconciliation.Direction chosen, PrintWriter err) {
        ReconciliationScript script = Reconciliation.of(report, chosen);
        if (script.isEmpty()) {
            err.println("dbops drift: nothing to reconcile, no file written");
        } else {
            List<Path> written = script.write(reconciliation);
            int count = script.plan().statements().size();
            err.println("dbops drift: wrote " + String.join(" and ", written.stream().map(Path::toString).toList())
                    + " (" + count + (count == 1 ? " statement" : " statements") + ") — review it before committing");
        }
        err.flush();
    }

    private Reconciliation.Direction direction() {
        return switch (direction) {
            case "files-to-live" -> Reconciliation.Direction.FILES_TO_LIVE;
            case "live-to-files" -> Reconciliation.Direction.LIVE_TO_FILES;
            default -> throw new DbopsException(ErrorCode.INVALID_CONFIGURATION, "--direction " + direction
                    + " is not one of files-to-live, live-to-files");
        };
    }
}
