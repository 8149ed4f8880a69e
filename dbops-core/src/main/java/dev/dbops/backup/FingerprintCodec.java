package dev.dbops.backup;

import dev.dbops.DbopsException;
import dev.dbops.json.Json;
import dev.dbops.schema.SchemaSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a {@link DataFingerprint} into a JSON tree and back. */
final class FingerprintCodec {

    static final String KIND = "dbops-data-fingerprint";

    private FingerprintCodec() {
    }

    static Map<String, Object> encode(DataFingerprint fingerprint) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("formatVersion", (long) fingerprint.formatVersion());
        root.put("kind", KIND);
        root.put("takenAt", fingerprint.takenAt().toString());
        root.put("database", fingerprint.database());
        root.put("serverVersion", fingerprint.serverVersion());
        root.put("snapshotExact", fingerprint.snapshotExact());
        List<Object> tables = new ArrayList<>();
        for (TableFingerprint table : fingerprint.tables()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("schema", table.schema());
            entry.put("name", table.name());
            entry.put("rows", table.rows());
            entry.put("hash", table.hash());
            entry.put("method", table.method().name());
            tables.add(entry);
        }
        root.put("tables", tables);
        List<Object> sequences = new ArrayList<>();
        for (SequenceFingerprint sequence : fingerprint.sequences()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("schema", sequence.schema());
            entry.put("name", sequence.name());
            entry.put("increment", sequence.increment());
            entry.put("before", state(sequence.before()));
            entry.put("after", state(sequence.after()));
            sequences.add(entry);
        }
        root.put("sequences", sequences);
        root.put("notFingerprinted", new ArrayList<Object>(fingerprint.notFingerprinted()));
        fingerprint.schema().ifPresent(snapshot -> root.put("schema", Json.parse(snapshot.toJson())));
        return root;
    }

    private static Map<String, Object> state(SequenceFingerprint.State state) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("lastValue", state.lastValue());
        entry.put("called", state.called());
        return entry;
    }

    static DataFingerprint decode(String json, String label) {
        JsonFields root = JsonFields.document(json, label, KIND, "a dbops data fingerprint",
                DataFingerprint.OLDEST_READABLE_VERSION, DataFingerprint.FORMAT_VERSION);
        int formatVersion = (int) root.number("formatVersion");
        List<TableFingerprint> tables = new ArrayList<>();
        for (JsonFields table : root.objects("tables")) {
            tables.add(new TableFingerprint(table.string("schema"), table.string("name"), table.number("rows"),
                    table.string("hash"), table.enumValue("method", FingerprintMethod.class)));
        }
        List<SequenceFingerprint> sequences = new ArrayList<>();
        for (JsonFields sequence : root.objects("sequences")) {
            sequences.add(new SequenceFingerprint(sequence.string("schema"), sequence.string("name"),
                    sequence.number("increment"), state(sequence.object("before")), state(sequence.object("after"))));
        }
        Optional<SchemaSnapshot> schema = Optional.empty();
        if (root.has("schema")) {
            try {
                schema = Optional.of(SchemaSnapshot.fromJson(Json.write(root.raw("schema"))));
            } catch (DbopsException e) {
                throw JsonFields.invalid(label, "its schema is not a valid snapshot (" + e.getMessage() + ")");
            }
        }
        try {
            return new DataFingerprint(formatVersion, root.instant("takenAt"), root.string("database"),
                    root.string("serverVersion"), root.bool("snapshotExact"), tables, sequences,
                    root.strings("notFingerprinted"), schema);
        } catch (DbopsException e) {
            throw JsonFields.invalid(label, e.getMessage());
        }
    }

    private static SequenceFingerprint.State state(JsonFields state) {
        return new SequenceFingerprint.State(state.number("lastValue"), state.bool("called"));
    }
}
