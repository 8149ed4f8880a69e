package dev.dbops.backup;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresUrl;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A timed restore drill that proves a backup restores and equals its source.
 *
 * <p>{@link #run()} dumps the live source with {@code pg_dump --snapshot} at a snapshot exported from
 * a {@code REPEATABLE READ} transaction, and in that same snapshot computes each table's row count and
 * content hash in the server ({@link DataFingerprint}, saved next to the archive). It then restores the
 * archive with one {@code pg_restore -j N} (its pre-data, data and post-data phases timed) into a
 * scratch database it creates and marks, fingerprints the copy, diffs its schema with the source's,
 * and drops it. {@link #verifyArchive(Path)} does the second half for an existing archive. Both
 * return a {@link DrillReport}; only invalid options throw.
 *
 * <pre>{@code
 * DrillReport report = BackupDrill.builder()
 *         .source(PostgresUrl.parse("postgresql://backup@db.internal/app"))
 *         .jobs(4)
 *         .build()
 *         .run();
 * if (report.outcome() != DrillReport.Outcome.VERIFIED) { … report.toText() … }
 * }</pre>
 *
 * <p>Safety: the drill writes only into the scratch database it created (checked by its marker before
 * every restore step), never into one named like the source; the scratch database is dropped also when
 * the drill fails, and one left by a killed drill is dropped by the next drill on that server. Free disk
 * space is checked before anything is restored, when the target runs on this machine. Passwords reach
 * the client programs only through {@code PGPASSWORD}, never their arguments, and never appear in reports.
 */
public final class BackupDrill {

    private final DrillOptions options;

    private BackupDrill(DrillOptions options) {
        this.options = options;
    }

    /** Starts configuring a drill; {@link Builder#source(PostgresUrl)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Dumps the source, restores the dump into a scratch database and compares the copy with the
     * fingerprint taken in the dump's snapshot.
     *
     * @return the report; a drill that could not finish is reported as {@link DrillReport.Outcome#FAILED}
     */
    public DrillReport run() {
        return new DrillRun(options).drill();
    }

    /**
     * Restores an existing {@code pg_dump} archive (custom, directory or tar format) into a scratch
     * database and compares it with the fingerprint saved next to it ({@link DataFingerprint#fileFor(Path)}),
     * or, when there is none, with the live source, which is approximate because the source has changed
     * since the dump.
     *
     * @return the report; a drill that could not finish is reported as {@link DrillReport.Outcome#FAILED}
     */
    public DrillReport verifyArchive(Path existingArchive) {
        Objects.requireNonNull(existingArchive, "existingArchive");
        return new DrillRun(options).verify(existingArchive);
    }

    /**
     * A physical drill: takes a base backup of the source's cluster with {@code pg_basebackup}, checks its
     * files with {@code pg_verifybackup}, starts it as a scratch cluster on {@code 127.0.0.1} and a free port
     * (its WAL recovery timed as the RTO), compares its copy of the source database with the source, runs
     * {@code amcheck}, then stops and deletes it. The data is compared only when the source was quiet during
     * the backup (its fingerprints before and after agree). Needs {@code postgres} and {@code pg_basebackup}
     * of exactly the source's major version, and a user with {@code REPLICATION}.
     *
     * @return the report; a drill that could not finish is reported as {@link DrillReport.Outcome#FAILED}
     */
    public DrillReport runPhysical() {
        return new PhysicalDrill(options).run(Optional.empty());
    }

    /**
     * Verifies an existing base backup directory (plain format, as {@code pg_basebackup -Fp} writes it, WAL
     * included): {@code pg_verifybackup}, then a copy of it started as a scratch cluster (the original is not
     * touched), compared with the live source (approximately: the source has changed since), {@code amcheck}.
     *
     * @return the report; a drill that could not finish is reported as {@link DrillReport.Outcome#FAILED}
     */
    public DrillReport verifyBaseBackup(Path backupDirectory) {
        Objects.requireNonNull(backupDirectory, "backupDirectory");
        return new PhysicalDrill(options).run(Optional.of(backupDirectory));
    }

    /**
     * Fingerprints the live source as it is now, in one exported snapshot, with {@link Builder#jobs(int)}
     * connections, without dumping or restoring anything: for comparing two databases (a replica, a
     * migrated copy) or for timing the fingerprint alone. {@link DataFingerprint#snapshotExact()} is false.
     *
     * @throws DbopsException when the source cannot be read
     */
    public DataFingerprint fingerprintSource() {
        return new DrillRun(options).fingerprint();
    }

    /**
     * The parallel jobs a drill uses when none are configured: the number of processors of this machine, at
     * most 4.
     */
    public static int defaultJobs() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** Configures a {@link BackupDrill}. */
    public static final class Builder {

        private PostgresUrl source;
        private PostgresUrl target;
        private Path archive;
        private ArchiveFormat format = ArchiveFormat.DIRECTORY;
        private int jobs = defaultJobs();
        private boolean restoreOwnership = true;
        private boolean rowTextOnly;
        private boolean includeGlobals;
        private Path clientPrograms;
        private Duration fingerprintTimeout = Duration.ofHours(1);
        private Duration lockTimeout = Duration.ofSeconds(30);
        private long diskHeadroomBytes;
        private DrillListener listener = DrillListener.NONE;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The database to back up or to compare with (required); its user must be able to read every table. */
        public Builder source(PostgresUrl url) {
            this.source = url;
            return this;
        }

        /**
         * The scratch database to restore into: a server, a user allowed to create databases there, and the
         * name of a database that must not exist yet (dbops creates it and drops it afterwards). Default: a
         * database named {@code dbops_drill_<random>} on the source's server, created as the source's user.
         */
        public Builder target(PostgresUrl url) {
            this.target = url;
            return this;
        }

        /**
         * Keeps the dump at this path, which must not exist yet, with its fingerprint beside it
         * ({@code <path>.fingerprint.json}). Default: a temporary directory, deleted after the drill.
         */
        public Builder archive(Path path) {
            this.archive = path;
            return this;
        }

        /** The archive format (default {@link ArchiveFormat#DIRECTORY}, the only one dumped in parallel). */
        public Builder format(ArchiveFormat archiveFormat) {
            this.format = archiveFormat;
            return this;
        }

        /**
         * Parallel jobs for {@code pg_dump -j}, {@code pg_restore -j} and the fingerprint queries (default: the
         * number of processors, at most 4). A drill opens up to 2 × jobs + 2 connections to the source.
         */
        public Builder jobs(int count) {
            this.jobs = count;
            return this;
        }

        /**
         * Whether to restore owners and privileges (default true, which needs the roles on the target and a
         * user allowed to assign them); false restores with {@code --no-owner --no-privileges} and does not
         * compare owners and grants.
         */
        public Builder restoreOwnership(boolean restore) {
            this.restoreOwnership = restore;
            return this;
        }

        /**
         * Whether every table is hashed by the exact text of its rows ({@link FingerprintMethod#ROW_TEXT}); by
         * default tables whose column types all have hash functions use the faster {@link FingerprintMethod#TYPE_HASH}.
         */
        public Builder rowTextFingerprints(boolean rowText) {
            this.rowTextOnly = rowText;
            return this;
        }

        /**
         * Whether a drill also runs {@code pg_dumpall --globals-only} (roles and tablespaces, which pg_dump leaves
         * out) to {@code <archive>.globals.sql} and checks that it holds every role and tablespace of the source
         * cluster (default false; reading role passwords needs a superuser).
         */
        public Builder includeGlobals(boolean globals) {
            this.includeGlobals = globals;
            return this;
        }

        /**
         * The directory holding {@code pg_dump} and {@code pg_restore}. Default: the first found of
         * {@code /usr/lib/postgresql/<server major or newer>/bin}, {@code /usr/pgsql-<major>/bin}, {@code /usr/bin}
         * and the {@code PATH} whose version is at least the server's.
         */
        public Builder clientPrograms(Path directory) {
            this.clientPrograms = directory;
            return this;
        }

        /** The {@code statement_timeout} of each table's fingerprint query (default 1 hour). */
        public Builder fingerprintTimeout(Duration timeout) {
            this.fingerprintTimeout = timeout;
            return this;
        }

        /** How long dbops's queries and {@code pg_dump --lock-wait-timeout} wait for a table lock (default 30 s). */
        public Builder lockTimeout(Duration timeout) {
            this.lockTimeout = timeout;
            return this;
        }

        /** Free space required on the target beyond the source's size before restoring (default 0 bytes). */
        public Builder diskHeadroomBytes(long bytes) {
            this.diskHeadroomBytes = bytes;
            return this;
        }

        /** Hears phases and per-table progress (default: nothing). */
        public Builder listener(DrillListener drillListener) {
            this.listener = drillListener;
            return this;
        }

        /** The clock of the report's timestamps (default UTC system clock). */
        public Builder clock(Clock drillClock) {
            this.clock = drillClock;
            return this;
        }

        /**
         * Builds the drill.
         *
         * @throws DbopsException with {@link ErrorCode#INVALID_CONFIGURATION} listing every invalid option
         */
        public BackupDrill build() {
            List<String> problems = new ArrayList<>();
            if (source == null) {
                problems.add("source is required (the database to back up)");
            }
            if (format == null) {
                problems.add("format must not be null");
            }
            if (jobs < 1 || jobs > 64) {
                problems.add("jobs must be between 1 and 64, was " + jobs);
            }
            if (fingerprintTimeout == null || fingerprintTimeout.isNegative() || fingerprintTimeout.isZero()) {
                problems.add("fingerprintTimeout must be positive, was " + fingerprintTimeout);
            }
            if (lockTimeout == null || lockTimeout.isNegative() || lockTimeout.isZero()) {
                problems.add("lockTimeout must be positive, was " + lockTimeout);
            }
            if (diskHeadroomBytes < 0) {
                problems.add("diskHeadroomBytes must not be negative, was " + diskHeadroomBytes);
            }
            if (archive != null && Files.exists(archive)) {
                problems.add("archive " + archive + " exists already; name a path that does not exist");
            }
            if (clientPrograms != null && !Files.isDirectory(clientPrograms)) {
                problems.add("clientPrograms " + clientPrograms + " is not a directory");
            }
            if (target != null && target.database().getBytes(StandardCharsets.UTF_8).length > 63) {
                problems.add("target database name is longer than PostgreSQL's 63 bytes");
            }
            if (listener == null || clock == null) {
                problems.add("listener and clock must not be null");
            }
            if (!problems.isEmpty()) {
                throw new DbopsException(ErrorCode.INVALID_CONFIGURATION,
                        "invalid BackupDrill options: " + String.join("; ", problems));
            }
            return new BackupDrill(new DrillOptions(source, Optional.ofNullable(target), Optional.ofNullable(archive),
                    format, jobs, restoreOwnership, rowTextOnly, includeGlobals, Optional.ofNullable(clientPrograms),
                    fingerprintTimeout, lockTimeout, diskHeadroomBytes, listener, clock));
        }
    }

}
