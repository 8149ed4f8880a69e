package dev.dbops.cli;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.backup.ArchiveFormat;
import dev.dbops.backup.BackupDrill;
import dev.dbops.backup.DrillHistory;
import dev.dbops.backup.DrillListener;
import dev.dbops.backup.DrillReport;
import dev.dbops.postgres.PostgresUrl;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dbops verify-backup}: a timed restore drill, or the verification of an existing archive. */
@Command(
        name = "verify-backup",
        mixinStandardHelpOptions = true,
        description = {
            "Proves that a backup restores and equals its source, and measures how long the restore takes (RTO).",
            "Without --archive: dumps --url with pg_dump at an exported snapshot, fingerprints every table (row count"
                    + " and content hash) in the same snapshot, restores the dump with pg_restore -j into a scratch"
                    + " database, fingerprints the copy, diffs its schema, and drops it.",
            "With --archive: restores that pg_dump archive and compares it with the fingerprint saved next to it"
                    + " (<archive>.fingerprint.json), or else with the live --url, approximately.",
            "With --physical: takes a pg_basebackup (or uses --backup-dir), checks it with pg_verifybackup, starts it"
                    + " as a scratch cluster, compares it with --url when the source was quiet, runs amcheck.",
            "Exit code: 0 verified, 1 mismatch (or the backup does not restore), 2 error (the drill could not run)."
        })
final class VerifyBackupCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL",
            description = "The source database: jdbc:postgresql://host:port/db?user=…&password=… or"
                    + " postgresql://user:pass@host:port/db; without a password in it, PGPASSWORD is used."
                    + " Its user must be able to read every table.")
    private String url;

    @Option(names = "--archive", paramLabel = "FILE",
            description = "Verify this existing pg_dump archive (custom, directory or tar format) instead of dumping.")
    private Path archive;

    @Option(names = "--physical",
            description = "A physical drill: pg_basebackup, pg_verifybackup, the backup started as a scratch cluster"
                    + " (needs postgres and pg_basebackup of the source's major version and a REPLICATION user).")
    private boolean physical;

    @Option(names = "--backup-dir", paramLabel = "DIR",
            description = "Verify this existing base backup (with WAL) instead of taking one; implies --physical. Plain"
                    + " format is copied, tar format (base.tar[.gz], pg_wal.tar[.gz]) unpacked; DIR is not changed.")
    private Path backupDirectory;

    @Option(names = "--save-archive", paramLabel = "PATH",
            description = "Keep the drill's dump at PATH (must not exist) with PATH.fingerprint.json beside it;"
                    + " default: a temporary directory, deleted afterwards.")
    private Path saveArchive;

    @Option(names = "--dump-format", defaultValue = "directory", paramLabel = "directory|custom",
            description = "pg_dump archive format of the drill (default ${DEFAULT-VALUE}; only directory dumps in parallel).")
    private DumpFormat dumpFormat;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Parallel jobs of pg_dump, pg_restore and the fingerprint queries (default: processors, at most 4).")
    private Integer jobs;

    @Option(names = "--target-url", paramLabel = "URL",
            description = "The scratch database to restore into: server, user with CREATEDB, and the name of a database"
                    + " that must not exist (dbops creates and drops it). Default: dbops_drill_<random> on --url's server.")
    private String targetUrl;

    @Option(names = "--no-owner",
            description = "Restore without owners and privileges (pg_restore --no-owner --no-privileges) and do not"
                    + " compare them; for targets without the source's roles.")
    private boolean noOwner;

    @Option(names = "--globals",
            description = "Also dump roles and tablespaces with pg_dumpall --globals-only (next to --save-archive as"
                    + " PATH.globals.sql) and check that it holds all of them; needs a superuser.")
    private boolean globals;

    @Option(names = "--row-text",
            description = "Hash every table by the text of its whole rows (slower) instead of by each column's exact"
                    + " encoding; both see every change.")
    private boolean rowText;

    @Option(names = "--pg-bin", paramLabel = "DIR",
            description = "Directory of pg_dump and pg_restore of the server's major version or newer (with --physical:"
                    + " postgres and pg_basebackup of exactly its major version); default: searched in"
                    + " /usr/lib/postgresql/<major>/bin, /usr/pgsql-<major>/bin, /usr/bin, PATH.")
    private Path pgBin;

    @Option(names = "--fingerprint-timeout", paramLabel = "SECONDS", defaultValue = "3600",
            description = "statement_timeout of each table's fingerprint query (default ${DEFAULT-VALUE}).")
    private long fingerprintTimeoutSeconds;

    @Option(names = "--history", paramLabel = "FILE",
            description = "Append the report to this JSON Lines file and print the RTO/RPO trend of all its drills;"
                    + " without --url, only print the trend.")
    private Path history;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "text (the default) or json (docs/backup-verification.md).")
    private Format format;

    @Option(names = "--progress", negatable = true,
            description = "Show progress on standard error (default: when it is a terminal).")
    private Boolean progress;

    enum Format { text, json }

    enum DumpFormat {
        directory(ArchiveFormat.DIRECTORY), custom(ArchiveFormat.CUSTOM);

        private final ArchiveFormat format;

        DumpFormat(ArchiveFormat format) {
            this.format = format;
        }
    }

    /**
     * The URL, with the password from {@code PGPASSWORD} when the URL names a user but no password, so
     * that no password needs to be on dbops's own command line.
     */
    static PostgresUrl withEnvironmentPassword(String text, String environmentPassword) {
        PostgresUrl parsed = PostgresUrl.parse(text);
        if (parsed.password().isEmpty() && parsed.user().isPresent() && environmentPassword != null
                && !environmentPassword.isEmpty()) {
            return parsed.withCredentials(parsed.user().get(), environmentPassword);
        }
        return parsed;
    }

    private boolean showProgress() {
        return progress != null ? progress : System.console() != null;
    }

    @Override
    public Integer call() {
        if (url == null) {
            if (history == null) {
                throw new DbopsException(ErrorCode.INVALID_CONFIGURATION, "--url is required (the database to back up),"
                        + " unless only the trend of a --history file is wanted");
            }
            Output.write(spec, null, DrillHistory.trend(DrillHistory.read(history), Instant.now()));
            return Dbops.OK;
        }
        if (archive != null && saveArchive != null) {
            throw new DbopsException(ErrorCode.INVALID_CONFIGURATION, "--archive verifies an existing archive and"
                    + " --save-archive keeps a new one; give one of them");
        }
        boolean physicalDrill = physical || backupDirectory != null;
        if (physicalDrill && (archive != null || saveArchive != null)) {
            throw new DbopsException(ErrorCode.INVALID_CONFIGURATION, "--physical and --backup-dir work on base"
                    + " backups, --archive and --save-archive on pg_dump archives; give options of one kind");
        }
        BackupDrill.Builder builder = BackupDrill.builder()
                .source(withEnvironmentPassword(url, System.getenv("PGPASSWORD")))
                .format(dumpFormat.format)
                .restoreOwnership(!noOwner)
                .rowTextFingerprints(rowText)
                .includeGlobals(globals)
                .fingerprintTimeout(Duration.ofSeconds(fingerprintTimeoutSeconds))
                .listener(showProgress() ? new DrillProgress(spec.commandLine().getErr()) : DrillListener.NONE);
        if (jobs != null) {
            builder.jobs(jobs);
        }
        if (targetUrl != null) {
            builder.target(withEnvironmentPassword(targetUrl, System.getenv("PGPASSWORD")));
        }
        if (saveArchive != null) {
            builder.archive(saveArchive);
        }
        if (pgBin != null) {
            builder.clientPrograms(pgBin);
        }
        BackupDrill drill = builder.build();
        DrillReport report;
        if (backupDirectory != null) {
            report = drill.verifyBaseBackup(backupDirectory);
        } else if (physical) {
            report = drill.runPhysical();
        } else {
            report = archive == null ? drill.run() : drill.verifyArchive(archive);
        }
        Output.write(spec, null, format == Format.json ? report.toJson() : report.toText());
        if (history != null) {
            DrillHistory.append(history, report);
            if (format == Format.text) {
                Output.write(spec, null, "\nHistory (" + history + "):\n"
                        + DrillHistory.trend(DrillHistory.read(history), Instant.now()));
            }
        }
        return report.outcome().exitCode();
    }
}
