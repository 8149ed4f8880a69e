package dev.dbops.backup;

import dev.dbops.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a {@link DrillReport} into a JSON tree and back (for drill history files). */
final class DrillReportCodec {

    static final String KIND = "dbops-drill-report";

    private DrillReportCodec() {
    }

    static Map<String, Object> encode(DrillReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("formatVersion", (long) report.formatVersion());
        root.put("kind", KIND);
        root.put("outcome", report.outcome().name());
        root.put("mode", report.mode().name());
        root.put("source", report.source());
        report.archive().ifPresent(archive -> root.put("archive", archive));
        report.scratchDatabase().ifPresent(name -> root.put("scratchDatabase", name));
        root.put("startedAt", report.startedAt().toString());
        root.put("finishedAt", report.finishedAt().toString());
        report.backupTakenAt().ifPresent(taken -> root.put("backupTakenAt", taken.toString()));
        root.put("totalMillis", report.total().toMillis());
        root.put("rtoMillis", report.rto().toMillis());
        report.backupAge().ifPresent(age -> root.put("backupAgeMillis", age.toMillis()));
        report.rpo().ifPresent(rpo -> root.put("rpoMillis", rpo.toMillis()));
        List<Object> phases = new ArrayList<>();
        for (PhaseTiming timing : report.phases()) {
            Map<String, Object> phase = new LinkedHashMap<>();
            phase.put("phase", timing.phase().name());
            phase.put("startedAt", timing.startedAt().toString());
            phase.put("millis", timing.elapsed().toMillis());
            phase.put("succeeded", timing.succeeded());
            phases.add(phase);
        }
        root.put("phases", phases);
        root.put("tablesCompared", (long) report.tablesCompared());
        root.put("rowsCompared", report.rowsCompared());
        root.put("sequencesCompared", (long) report.sequencesCompared());
        root.put("sourceBytes", report.sourceBytes());
        root.put("archiveBytes", report.archiveBytes());
        List<Object> mismatches = new ArrayList<>();
        for (Mismatch mismatch : report.mismatches()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kind", mismatch.kind().name());
            entry.put("object", mismatch.object());
            entry.put("expected", mismatch.expected());
            entry.put("actual", mismatch.actual());
            entry.put("detail", mismatch.detail());
            mismatches.add(entry);
        }
        root.put("mismatches", mismatches);
        root.put("notCovered", new ArrayList<Object>(report.notCovered()));
        root.put("notes", new ArrayList<Object>(report.notes()));
        root.put("commands", new ArrayList<Object>(report.commands()));
        report.failure().ifPresent(failure -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("code", failure.code().name());
            failure.phase().ifPresent(phase -> entry.put("phase", phase.name()));
            entry.put("message", failure.message());
            root.put("failure", entry);
        });
        return root;
    }

    static DrillReport decode(String json, String label) {
        JsonFields root = JsonFields.document(json, label, KIND, "a dbops drill report", DrillReport.FORMAT_VERSION);
        List<PhaseTiming> phases = new ArrayList<>();
        for (JsonFields phase : root.objects("phases")) {
            phases.add(new PhaseTiming(phase.enumValue("phase", DrillPhase.class), phase.instant("startedAt"),
                    phase.millis("millis"), phase.bool("succeeded")));
        }
        List<Mismatch> mismatches = new ArrayList<>();
        for (JsonFields mismatch : root.objects("mismatches")) {
            mismatches.add(new Mismatch(mismatch.enumValue("kind", Mismatch.Kind.class), mismatch.string("object"),
                    mismatch.string("expected"), mismatch.string("actual"), mismatch.string("detail")));
        }
        Optional<DrillReport.Failure> failure = Optional.empty();
        if (root.has("failure")) {
            JsonFields entry = root.object("failure");
            failure = Optional.of(new DrillReport.Failure(entry.enumValue("code", ErrorCode.class),
                    entry.has("phase") ? Optional.of(entry.enumValue("phase", DrillPhase.class)) : Optional.empty(),
                    entry.string("message")));
        }
        return new DrillReport(DrillReport.FORMAT_VERSION, root.enumValue("outcome", DrillReport.Outcome.class),
                root.enumValue("mode", DrillReport.Mode.class), root.string("source"), root.optionalString("archive"),
                root.optionalString("scratchDatabase"), root.instant("startedAt"), root.instant("finishedAt"),
                root.has("backupTakenAt") ? Optional.of(root.instant("backupTakenAt")) : Optional.empty(), phases,
                (int) root.number("tablesCompared"), root.number("rowsCompared"),
                (int) root.number("sequencesCompared"), root.number("sourceBytes"), root.number("archiveBytes"),
                mismatches, root.strings("notCovered"), root.strings("notes"), root.strings("commands"), failure);
    }
}
