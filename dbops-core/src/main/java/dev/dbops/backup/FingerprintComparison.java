package dev.dbops.backup;

import dev.dbops.diff.Difference;
import dev.dbops.diff.SchemaDiff;
import dev.dbops.schema.ObjectKind;
import dev.dbops.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compares what was backed up with what was restored and names every difference. */
final class FingerprintComparison {

    private FingerprintComparison() {
    }

    /** How restored sequence states are judged. */
    enum Sequences {
        /** Between the states read before and after the dump: a logical restore sets exactly what pg_dump read. */
        DUMPED_RANGE,
        /** Not behind the source: WAL recovery may leave a sequence ahead, never correctly behind. */
        NOT_BEHIND,
        /** Not compared: the live source has moved on since the backup. */
        NONE
    }

    /** Compares table and sequence fingerprints taken on servers of the same major version. */
    static List<Mismatch> data(DataFingerprint expected, List<TableFingerprint> restoredTables,
            Map<String, SequenceFingerprint.State> restoredSequences, Sequences sequenceCheck) {
        return data(expected, restoredTables, restoredSequences, sequenceCheck, "");
    }

    /**
     * Compares table and sequence fingerprints.
     *
     * @param hashCaveat appended to the detail of every content-hash mismatch, for example that the two
     *     sides ran different major versions; empty for none
     */
    static List<Mismatch> data(DataFingerprint expected, List<TableFingerprint> restoredTables,
            Map<String, SequenceFingerprint.State> restoredSequences, Sequences sequenceCheck, String hashCaveat) {
        List<Mismatch> mismatches = new ArrayList<>();
        Map<String, TableFingerprint> restored = new LinkedHashMap<>();
        restoredTables.forEach(t -> restored.put(t.qualifiedName(), t));
        for (TableFingerprint source : expected.tables()) {
            TableFingerprint copy = restored.remove(source.qualifiedName());
            if (copy == null) {
                mismatches.add(new Mismatch(Mismatch.Kind.MISSING_TABLE, source.qualifiedName(), rows(source.rows()), "",
                        "the table is not in the restored copy: the archive does not contain it or its restore failed"));
            } else if (copy.rows() != source.rows()) {
                long delta = copy.rows() - source.rows();
                mismatches.add(new Mismatch(Mismatch.Kind.ROW_COUNT, source.qualifiedName(), rows(source.rows()),
                        rows(copy.rows()), (delta > 0 ? "+" : "") + delta + " rows"));
            } else if (copy.method() != source.method()) {
                mismatches.add(new Mismatch(Mismatch.Kind.CONTENT_HASH, source.qualifiedName(),
                        source.method().expression(), copy.method().expression(),
                        "the content hashes were computed differently and cannot be compared"));
            } else if (!copy.hash().equals(source.hash())) {
                mismatches.add(new Mismatch(Mismatch.Kind.CONTENT_HASH, source.qualifiedName(), "hash " + source.hash(),
                        "hash " + copy.hash(), "same number of rows (" + source.rows()
                                + ") but at least one value differs" + hashCaveat));
            }
        }
        for (TableFingerprint extra : restored.values()) {
            mismatches.add(new Mismatch(Mismatch.Kind.EXTRA_TABLE, extra.qualifiedName(), "", rows(extra.rows()),
                    "the restored copy has a table the source did not have"));
        }
        if (sequenceCheck != Sequences.NONE) {
            for (SequenceFingerprint sequence : expected.sequences()) {
                SequenceFingerprint.State state = restoredSequences.get(sequence.qualifiedName());
                if (state == null) {
                    mismatches.add(new Mismatch(Mismatch.Kind.MISSING_SEQUENCE, sequence.qualifiedName(),
                            sequence.describeExpected(), "", "the sequence is not in the restored copy"));
                } else if (sequenceCheck == Sequences.DUMPED_RANGE ? !sequence.accepts(state) : sequence.behind(state)) {
                    mismatches.add(new Mismatch(Mismatch.Kind.SEQUENCE_STATE, sequence.qualifiedName(),
                            sequence.describeExpected(), state.toString(),
                            "the next value handed out after a restore would not continue where the source was"));
                }
            }
        }
        return mismatches;
    }

    /** Diffs the schemas with the schema engine; each difference becomes one mismatch. */
    static List<Mismatch> schema(Schema expected, Schema restored, boolean compareOwnership) {
        SchemaDiff.Builder builder = SchemaDiff.builder();
        if (!compareOwnership) {
            builder.ignoreOwners().ignoreGrants();
        }
        List<Difference> differences = builder.build().compare(expected, restored);
        // A table missing or extra as a whole is one mismatch, not one more per column, index or constraint.
        Map<String, Difference> wholeTables = new LinkedHashMap<>();
        for (Difference difference : differences) {
            if (difference.kind() == ObjectKind.TABLE && difference.change() != Difference.Change.CHANGED) {
                wholeTables.put(difference.object() + ".", difference);
            }
        }
        Map<Difference, Integer> folded = new LinkedHashMap<>();
        List<Mismatch> mismatches = new ArrayList<>();
        for (Difference difference : differences) {
            Difference table = wholeTables.entrySet().stream()
                    .filter(t -> difference.object().startsWith(t.getKey())
                            && difference.change() == t.getValue().change())
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (table != null) {
                folded.merge(table, 1, Integer::sum);
            } else {
                folded.putIfAbsent(difference, 0);
            }
        }
        folded.forEach((difference, parts) -> {
            String detail = switch (difference.change()) {
                case ADDED -> "only in the restored copy";
                case REMOVED -> "missing from the restored copy";
                case CHANGED -> difference.describe();
            };
            if (parts > 0) {
                detail += ", with its " + parts + " column(s), index(es) and constraint(s)";
            }
            mismatches.add(new Mismatch(Mismatch.Kind.SCHEMA, difference.kind().label() + " " + difference.object(),
                    "", "", detail));
        });
        return mismatches;
    }

    /**
     * The caveat for content hashes taken on different major versions, or empty when the majors agree:
     * type hash functions and text forms are the same within a major version, and almost always across.
     */
    static String majorVersionCaveat(String expectedVersion, String restoredVersion) {
        String expected = major(expectedVersion);
        String restored = major(restoredVersion);
        if (expected.equals(restored)) {
            return "";
        }
        return " (or a type's text form or hash function that changed between PostgreSQL " + expected + ", where the"
                + " source was fingerprinted, and PostgreSQL " + restored + ", where the copy was)";
    }

    private static String major(String version) {
        int end = 0;
        while (end < version.length() && Character.isDigit(version.charAt(end))) {
            end++;
        }
        return version.substring(0, end);
    }

    private static String rows(long rows) {
        return rows + (rows == 1 ? " row" : " rows");
    }
}
