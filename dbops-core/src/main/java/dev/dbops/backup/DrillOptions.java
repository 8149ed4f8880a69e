package dev.dbops.backup;

import dev.dbops.postgres.PostgresUrl;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The validated options of a {@link BackupDrill}, as its steps read them; see its builder for each one. */
record DrillOptions(
        PostgresUrl source,
        Optional<PostgresUrl> target,
        Optional<Path> archive,
        ArchiveFormat format,
        int jobs,
        boolean restoreOwnership,
        boolean rowTextOnly,
        boolean includeGlobals,
        Optional<Path> clientPrograms,
        Duration fingerprintTimeout,
        Duration lockTimeout,
        long diskHeadroomBytes,
        DrillListener listener,
        Clock clock) {

    /** The knobs of fingerprinting, passed around together. */
    record FingerprintSettings(int jobs, boolean rowTextOnly, Duration statementTimeout, Duration lockTimeout) {
    }

    FingerprintSettings fingerprintSettings() {
        return new FingerprintSettings(jobs, rowTextOnly, fingerprintTimeout, lockTimeout);
    }
}
