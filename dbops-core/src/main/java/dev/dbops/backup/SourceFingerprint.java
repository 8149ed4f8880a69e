package dev.dbops.backup;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.backup.DrillOptions.FingerprintSettings;
import dev.dbops.backup.Fingerprinter.Relations;
import dev.dbops.postgres.PostgresConnector;
import dev.dbops.postgres.PostgresUrl;
import dev.dbops.schema.SchemaInspector;
import dev.dbops.schema.SchemaSnapshot;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fingerprint of a live source, taken in one exported snapshot that stays open (so that
 * {@code pg_dump --snapshot} can dump exactly the same data) until {@link #close()}.
 */
final class SourceFingerprint implements AutoCloseable {

    private final PostgresUrl url;
    private final FingerprintSettings settings;
    private final Connection exporter;
    private final String snapshot;
    private final Instant takenAt;
    private final Relations relations;
    private final Map<String, FingerprintMethod> methods;
    private final Map<String, SequenceFingerprint.State> sequencesBefore;
    private final SchemaSnapshot schema;
    private volatile TableHashing hashing;

    private SourceFingerprint(PostgresUrl url, FingerprintSettings settings, Connection exporter, String snapshot,
            Instant takenAt, Relations relations, Map<String, FingerprintMethod> methods,
            Map<String, SequenceFingerprint.State> sequencesBefore, SchemaSnapshot schema) {
        this.url = url;
        this.settings = settings;
        this.exporter = exporter;
        this.snapshot = snapshot;
        this.takenAt = takenAt;
        this.relations = relations;
        this.methods = methods;
        this.sequencesBefore = sequencesBefore;
        this.schema = schema;
    }

    /**
     * Exports a snapshot of the source, lists what it holds, locks its tables in {@code ACCESS SHARE} mode
     * (as pg_dump does, so that no table is altered or dropped until the fingerprint ends), reads the
     * sequences' state, and reads the schema on a second connection that imports the snapshot.
     */
    static SourceFingerprint open(PostgresUrl url, int versionNum, FingerprintSettings settings) {
        Connection exporter = PostgresConnector.open(url);
        try {
            FingerprintSession.begin(exporter, Optional.empty(), settings.statementTimeout(), settings.lockTimeout());
            String snapshot;
            Instant takenAt;
            try (Statement statement = exporter.createStatement();
                    ResultSet rs = statement.executeQuery("select pg_catalog.pg_export_snapshot(),"
                            + " pg_catalog.transaction_timestamp()")) {
                rs.next();
                snapshot = rs.getString(1);
                takenAt = rs.getTimestamp(2).toInstant();
            }
            Relations relations = Fingerprinter.relations(exporter, versionNum);
            Fingerprinter.lockTables(exporter, relations.tables());
            Map<String, FingerprintMethod> methods =
                    Fingerprinter.chooseMethods(relations.tables(), settings.rowTextOnly());
            Map<String, SequenceFingerprint.State> before = Fingerprinter.sequenceStates(exporter, relations.sequences());
            SchemaSnapshot schema;
            try (Connection inspect = PostgresConnector.open(url)) {
                schema = SchemaInspector.builder().exportedSnapshot(snapshot).statementTimeout(settings.statementTimeout())
                        .lockTimeout(settings.lockTimeout()).build().snapshot(inspect);
            }
            return new SourceFingerprint(url, settings, exporter, snapshot, takenAt, relations, methods, before, schema);
        } catch (SQLException | RuntimeException e) {
            try {
                exporter.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            if (e instanceof DbopsException dbops) {
                throw dbops;
            }
            String hint = e instanceof SQLException sql && "55P03".equals(sql.getSQLState())
                    ? " — another session holds a lock that conflicts with ACCESS SHARE (DDL in progress) for longer"
                            + " than lock_timeout (" + settings.lockTimeout().toSeconds() + " s); retry when it is done"
                    : "";
            throw new DbopsException(ErrorCode.BACKUP_DRILL_FAILED, "Cannot take the source's snapshot on "
                    + url.masked() + ": " + e.getMessage() + hint, e);
        }
    }

    /** The exported snapshot's id, for {@code pg_dump --snapshot}. */
    String snapshot() {
        return snapshot;
    }

    Instant takenAt() {
        return takenAt;
    }

    /** Hashes every table in the snapshot, in parallel. */
    List<TableFingerprint> hashTables(DrillListener listener) {
        hashing = new TableHashing(url, Optional.of(snapshot), settings.jobs(), settings.statementTimeout(),
                settings.lockTimeout());
        return hashing.hash(relations.tables(), methods, DrillPhase.FINGERPRINT_SOURCE, listener);
    }

    /** Stops a running {@link #hashTables(DrillListener)}. */
    void cancel() {
        TableHashing running = hashing;
        if (running != null) {
            running.cancel();
        }
    }

    /**
     * Reads the sequences a second time (after the dump ended) and assembles the fingerprint.
     *
     * @param snapshotExact whether a dump was taken in this snapshot
     */
    DataFingerprint finish(List<TableFingerprint> tables, boolean snapshotExact) {
        Map<String, SequenceFingerprint.State> after;
        String version;
        try {
            after = Fingerprinter.sequenceStates(exporter, relations.sequences());
            version = schema.server().version();
        } catch (SQLException e) {
            throw new DbopsException(ErrorCode.BACKUP_DRILL_FAILED, "Cannot read the source's sequences on "
                    + url.masked() + ": " + e.getMessage(), e);
        }
        List<SequenceFingerprint> sequences = new ArrayList<>();
        for (Fingerprinter.SequenceRef sequence : relations.sequences()) {
            SequenceFingerprint.State first = sequencesBefore.get(sequence.key());
            sequences.add(new SequenceFingerprint(sequence.schema(), sequence.name(), sequence.increment(), first,
                    after.getOrDefault(sequence.key(), first)));
        }
        return new DataFingerprint(DataFingerprint.FORMAT_VERSION, takenAt, url.database(), version, snapshotExact,
                tables, sequences, relations.notFingerprinted(), Optional.of(schema));
    }

    /** Ends the snapshot transaction. */
    @Override
    public void close() {
        try {
            exporter.rollback();
        } catch (SQLException e) {
            // The connection may be broken already; closing it ends the transaction anyway.
        }
        try {
            exporter.close();
        } catch (SQLException e) {
            // Nothing more to release.
        }
    }
}
