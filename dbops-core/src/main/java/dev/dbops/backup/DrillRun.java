package dev.dbops.backup;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** One execution of a {@link BackupDrill}: the steps of both modes, recorded into a report. */
final class DrillRun {

    private static final String GLOBALS = "Roles and tablespaces: pg_dump does not contain them; back them up with"
            + " pg_dumpall --globals-only (--globals runs it next to the dump and counts what it holds).";

    private final DrillOptions drill;

    DrillRun(DrillOptions drill) {
        this.drill = drill;
    }

    DrillReport drill() {
        DrillRecorder recorder = new DrillRecorder(drill.clock(), drill.listener(), DrillReport.Mode.DRILL,
                drill.source().masked());
        Path temporary = null;
        try {
            SourceFacts source = start(recorder);
            ClientPrograms programs = ClientPrograms.locate(drill.clientPrograms(), source.major(), source.version());
            Path archive;
            if (drill.archive().isPresent()) {
                archive = drill.archive().get().toAbsolutePath();
            } else {
                temporary = Files.createTempDirectory("dbops-drill-");
                archive = temporary.resolve(drill.format() == ArchiveFormat.DIRECTORY ? "archive" : "archive.dump");
                recorder.note("The archive was written to a temporary directory and deleted after the drill;"
                        + " keep it with --save-archive (BackupDrill.Builder.archive).");
            }
            try (ScratchDatabases scratch = ScratchDatabases.open(adminUrl())) {
                prepare(recorder, scratch, source);
                DataFingerprint fingerprint = SnapshotDump.run(drill, programs, source, archive, recorder);
                fingerprint.write(DataFingerprint.fileFor(archive));
                if (drill.includeGlobals()) {
                    Path globals = archive.resolveSibling(archive.getFileName() + ".globals.sql");
                    recorder.phase(DrillPhase.DUMP_GLOBALS, () -> {
                        GlobalsDump.run(programs, drill.source(), globals, recorder);
                        return null;
                    });
                }
                recorder.archive(drill.archive().isPresent() ? Optional.of(archive.toString()) : Optional.empty(),
                        WorkFiles.size(archive));
                Optional<ArchiveContents> contents = readArchive(recorder, programs, archive);
                if (contents.isPresent()) {
                    new RestoreCheck(drill, programs, recorder).run(scratch, scratchUrl(), source, archive,
                            contents.get(), fingerprint, true);
                }
                fingerprint.notFingerprinted().forEach(item -> recorder.notCovered("Not fingerprinted: " + item + "."));
            }
            if (!drill.includeGlobals()) {
                recorder.notCovered(GLOBALS);
            }
            return recorder.finished();
        } catch (DbopsException e) {
            return recorder.failed(e);
        } catch (IOException | UncheckedIOException e) {
            return recorder.failed(new DbopsException(ErrorCode.IO_FAILED, "Cannot write the archive: "
                    + e.getMessage() + " — check the directory and its free space.", e));
        } catch (RuntimeException e) {
            return recorder.failed(unexpected(e));
        } finally {
            if (temporary != null) {
                WorkFiles.deleteTree(temporary);
            }
        }
    }

    DrillReport verify(Path archive) {
        DrillRecorder recorder = new DrillRecorder(drill.clock(), drill.listener(), DrillReport.Mode.ARCHIVE,
                drill.source().masked());
        try {
            Path absolute = archive.toAbsolutePath().normalize();
            if (!Files.exists(absolute)) {
                throw new DbopsException(ErrorCode.IO_FAILED, "The archive " + absolute + " does not exist — check"
                        + " the path given with --archive.");
            }
            recorder.archive(Optional.of(absolute.toString()), WorkFiles.size(absolute));
            SourceFacts source = start(recorder);
            ClientPrograms programs = ClientPrograms.locate(drill.clientPrograms(), source.major(), source.version());
            Optional<ArchiveContents> contents = readArchive(recorder, programs, absolute);
            if (contents.isEmpty()) {
                return recorder.finished();
            }
            contents.get().createdAt().ifPresent(recorder::backupTakenAt);
            Path saved = DataFingerprint.fileFor(absolute);
            DataFingerprint expected;
            boolean exact = Files.isRegularFile(saved);
            if (exact) {
                expected = DataFingerprint.read(saved);
                recorder.backupTakenAt(expected.takenAt());
                recorder.note("Compared with the fingerprint saved in " + saved + ", taken in the dump's snapshot at "
                        + expected.takenAt() + ".");
                belongsToArchive(recorder, expected, contents.get());
            } else {
                expected = recorder.phase(DrillPhase.FINGERPRINT_SOURCE, () -> liveFingerprint(source));
                recorder.note("No fingerprint was saved next to the archive (" + saved.getFileName() + "), so the copy"
                        + " was compared with the live source as it is now: changes made since the dump show up as"
                        + " mismatches, so the comparison is approximate.");
                recorder.notCovered("Sequence states: the live source's sequences have moved on since the dump.");
            }
            try (ScratchDatabases scratch = ScratchDatabases.open(adminUrl())) {
                prepare(recorder, scratch, source);
                new RestoreCheck(drill, programs, recorder).run(scratch, scratchUrl(), source, absolute,
                        contents.get(), expected, exact);
            }
            expected.notFingerprinted().forEach(item -> recorder.notCovered("Not fingerprinted: " + item + "."));
            recorder.notCovered(GLOBALS);
            return recorder.finished();
        } catch (DbopsException e) {
            return recorder.failed(e);
        } catch (RuntimeException e) {
            return recorder.failed(unexpected(e));
        }
    }

    /** A failure that is not dbops's own, such as an exception thrown by a listener. */
    static DbopsException unexpected(RuntimeException e) {
        return new DbopsException(ErrorCode.BACKUP_DRILL_FAILED, "The drill stopped on an unexpected error: " + e, e);
    }

    DataFingerprint fingerprint() {
        return liveFingerprint(SourceFacts.read(drill.source()));
    }

    /** Notes when a saved fingerprint seems to belong to another dump (other database, other time). */
    private static void belongsToArchive(DrillRecorder recorder, DataFingerprint fingerprint, ArchiveContents contents) {
        if (!contents.database().isEmpty() && !contents.database().equals(fingerprint.database())) {
            recorder.note("The fingerprint is of database " + fingerprint.database() + " but the archive was dumped"
                    + " from " + contents.database() + ": check that the fingerprint file belongs to this archive.");
        }
        contents.createdAt().filter(created -> Duration.between(created, fingerprint.takenAt()).abs()
                .compareTo(Duration.ofMinutes(10)) > 0).ifPresent(created -> recorder.note("The archive was created at "
                        + created + " but the fingerprint was taken at " + fingerprint.takenAt()
                        + ": check that the fingerprint file belongs to this archive."));
    }

    /** Reads the source's facts and refuses a target named like the source before any work is done. */
    private SourceFacts start(DrillRecorder recorder) {
        SourceFacts source = SourceFacts.read(drill.source());
        recorder.sourceBytes(source.bytes());
        if (scratchUrl().database().equals(source.database())) {
            throw new DbopsException(ErrorCode.UNSAFE_RESTORE_TARGET, "Refusing to restore into \""
                    + source.database() + "\": it has the name of the source database, and a drill never restores"
                    + " over a database — name another database in --target-url.");
        }
        if (source.icu()) {
            recorder.notCovered("The source uses an ICU locale; the scratch database was created with its libc"
                    + " locale settings.");
        }
        return source;
    }

    /** Removes scratch databases of killed drills and checks free disk space. */
    private void prepare(DrillRecorder recorder, ScratchDatabases scratch, SourceFacts source) {
        List<String> removed = recorder.phase(DrillPhase.CLEANUP, scratch::removeAbandoned);
        removed.forEach(name -> recorder.note("Removed scratch database " + name
                + ", left behind by a drill that was killed."));
        scratch.diskSpace(adminUrl(), source.bytes(), drill.diskHeadroomBytes()).ifPresent(recorder::notCovered);
    }

    private DataFingerprint liveFingerprint(SourceFacts source) {
        try (SourceFingerprint live = SourceFingerprint.open(drill.source(), source.versionNum(),
                drill.fingerprintSettings())) {
            return live.finish(live.hashTables(drill.listener()), false);
        }
    }

    private Optional<ArchiveContents> readArchive(DrillRecorder recorder, ClientPrograms programs, Path archive) {
        return recorder.phase(DrillPhase.READ_ARCHIVE, () -> {
            Path listing = null;
            try {
                listing = Files.createTempFile("dbops-archive-list-", ".txt");
                ClientCommand list = new ClientCommand(programs.pgRestore(), Optional.empty(),
                        List.of("--list", archive.toString()));
                recorder.command(list.describe());
                ClientCommand.Result result = list.run(line -> { }, Optional.of(listing));
                if (!result.succeeded()) {
                    recorder.mismatches(List.of(new Mismatch(Mismatch.Kind.RESTORE_ERROR, archive.toString(), "", "",
                            "the archive cannot be read: pg_restore --list exited with " + result.exitCode() + ": "
                                    + result.explanation().replace('\n', ' '))));
                    recorder.notCovered("Nothing was restored or compared: the archive cannot be read.");
                    return Optional.<ArchiveContents>empty();
                }
                return Optional.of(ArchiveContents.parse(Files.readAllLines(listing, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new DbopsException(ErrorCode.IO_FAILED, "Cannot list the archive " + archive + ": "
                        + e.getMessage(), e);
            } finally {
                if (listing != null) {
                    WorkFiles.deleteTree(listing);
                }
            }
        });
    }

    /** The admin session's URL: the target's server, else the source's own database. */
    private PostgresUrl adminUrl() {
        return drill.target().map(target -> target.withDatabase("postgres")).orElse(drill.source());
    }

    private PostgresUrl scratchUrl() {
        return drill.target().orElseGet(() -> drill.source().withDatabase(defaultScratchName()));
    }

    private String scratchName;

    private String defaultScratchName() {
        if (scratchName == null) {
            byte[] random = new byte[4];
            ThreadLocalRandom.current().nextBytes(random);
            scratchName = "dbops_drill_" + HexFormat.of().formatHex(random);
        }
        return scratchName;
    }


}
