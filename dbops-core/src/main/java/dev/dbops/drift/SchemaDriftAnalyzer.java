package dev.dbops.drift;

import dev.dbops.diff.Difference;
import dev.dbops.schema.Index;
import dev.dbops.schema.ObjectKind;
import dev.dbops.schema.Schema;
import dev.dbops.schema.Table;
import dev.dbops.schema.View;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Explains each schema difference: which migrations touch the object, and what the history says about
 * why the live object differs (applied by hand, an edited, pending, failed or below-baseline migration).
 */
final class SchemaDriftAnalyzer {

    private static final Set<ObjectKind> TABLE_PARTS = EnumSet.of(ObjectKind.COLUMN, ObjectKind.CONSTRAINT,
            ObjectKind.TRIGGER, ObjectKind.POLICY);

    private final MigrationTouches touches;
    private final MigrationTool tool;
    private final Map<String, Set<HistoryStatus>> statuses = new LinkedHashMap<>();
    private final Map<String, String> indexTables = new HashMap<>();
    private final String expectedWord;

    SchemaDriftAnalyzer(MigrationTouches touches, HistoryReport history, List<Schema> schemas, String expectedWord) {
        this.touches = touches;
        this.tool = history.tool();
        this.expectedWord = expectedWord;
        for (HistoryEntry entry : history.entries()) {
            statuses.computeIfAbsent(entry.migration(), k -> EnumSet.noneOf(HistoryStatus.class)).add(entry.status());
        }
        for (Schema schema : schemas) {
            for (Table table : schema.tables()) {
                for (Index index : table.indexes()) {
                    indexTables.put(Names.display(table.schema(), index.name()), Names.display(table.schema(), table.name()));
                }
            }
            for (View view : schema.views()) {
                for (Index index : view.indexes()) {
                    indexTables.put(Names.display(view.schema(), index.name()), Names.display(view.schema(), view.name()));
                }
            }
        }
    }

    /**
     * Explains the differences; the parts (columns, constraints, indexes, triggers, policies) of a table or
     * view that is itself only on one side are folded into it.
     */
    List<SchemaDifference> explain(List<Difference> differences) {
        Set<String> wholeRelations = new HashSet<>();
        for (Difference difference : differences) {
            if (difference.change() != Difference.Change.CHANGED && (difference.kind() == ObjectKind.TABLE
                    || difference.kind() == ObjectKind.VIEW || difference.kind() == ObjectKind.MATERIALIZED_VIEW)) {
                wholeRelations.add(difference.change() + " " + difference.object());
            }
        }
        List<SchemaDifference> explained = new ArrayList<>();
        for (Difference difference : differences) {
            String parent = parentTable(difference.kind(), difference.object());
            if (parent == null || !wholeRelations.contains(difference.change() + " " + parent)) {
                explained.add(explain(difference));
            }
        }
        return explained;
    }

    private SchemaDifference explain(Difference difference) {
        String object = difference.object();
        String name = difference.kind() == ObjectKind.FUNCTION && object.contains("(")
                ? object.substring(0, object.indexOf('(')) : object;
        List<MigrationTouch> exact = touches.get(Names.group(difference.kind()) + " " + name);
        List<MigrationTouch> used = exact;
        String parent = null;
        String parentKind = "table";
        if (exact.isEmpty() && difference.change() != Difference.Change.ADDED) {
            parent = parentTable(difference.kind(), object);
            if (parent != null) {
                used = touches.get("TABLE " + parent);
                if (used.isEmpty()) {
                    used = touches.get("VIEW " + parent);
                    parentKind = "view";
                }
            }
        }
        DriftCause cause = cause(used, difference.change());
        StringBuilder message = new StringBuilder(what(difference)).append("; ");
        if (used.isEmpty()) {
            message.append("no migration touches it");
        } else if (exact.isEmpty()) {
            message.append("no migration names it; its ").append(parentKind).append(' ').append(parent)
                    .append(" is touched by ").append(list(used));
        } else {
            message.append("touched by ").append(list(used));
            ifNotExistsNote(exact).ifPresent(note -> message.append("; ").append(note));
        }
        message.append(" — ").append(because(cause, used, difference.change()));
        return new SchemaDifference(difference, used, cause, message.toString());
    }

    private String what(Difference difference) {
        String subject = difference.kind().label() + " " + difference.object();
        return switch (difference.change()) {
            case ADDED -> subject + " is only in the live database";
            case REMOVED -> subject + " is only in the " + expectedWord;
            case CHANGED -> subject + " differs: " + difference.fields().stream()
                    .map(f -> f.field() + " " + StatementChange.compact(f.from()) + " in the " + expectedWord + ", "
                            + StatementChange.compact(f.to()) + " in the live database")
                    .collect(Collectors.joining("; "));
        };
    }

    private String parentTable(ObjectKind kind, String object) {
        if (kind == ObjectKind.INDEX) {
            return indexTables.get(object);
        }
        if (!TABLE_PARTS.contains(kind)) {
            return null;
        }
        List<String> parts = Names.parts(object);
        return parts.size() < 3 ? null : Names.display(parts.subList(0, parts.size() - 1).toArray(String[]::new));
    }

    private DriftCause cause(List<MigrationTouch> used, Difference.Change change) {
        if (tool == MigrationTool.NONE) {
            return used.isEmpty() && change == Difference.Change.ADDED ? DriftCause.APPLIED_BY_HAND : DriftCause.UNKNOWN;
        }
        if (has(used, HistoryStatus.FAILED)) {
            return DriftCause.MIGRATION_FAILED;
        }
        if (has(used, HistoryStatus.CONTENT_CHANGED, HistoryStatus.CHECKSUM_CHANGED)) {
            return DriftCause.MIGRATION_EDITED;
        }
        if (has(used, HistoryStatus.PENDING, HistoryStatus.PENDING_OUT_OF_ORDER, HistoryStatus.REPEATABLE_CHANGED)) {
            return DriftCause.MIGRATION_PENDING;
        }
        if (has(used, HistoryStatus.BELOW_BASELINE)) {
            return DriftCause.BELOW_BASELINE;
        }
        if (used.isEmpty() && !missing().isEmpty()) {
            return DriftCause.MIGRATION_MISSING;
        }
        return DriftCause.APPLIED_BY_HAND;
    }

    /** The migrations that ran here but whose files are missing or renamed. */
    private List<String> missing() {
        return statuses.entrySet().stream().filter(e -> e.getValue().contains(HistoryStatus.MISSING))
                .map(Map.Entry::getKey).toList();
    }

    private boolean has(List<MigrationTouch> used, HistoryStatus... wanted) {
        return !with(used, wanted).isEmpty();
    }

    /** The migrations among the touches that have one of these statuses, in run order, each once. */
    private List<String> with(List<MigrationTouch> used, HistoryStatus... wanted) {
        Set<HistoryStatus> set = EnumSet.noneOf(HistoryStatus.class);
        set.addAll(List.of(wanted));
        return used.stream().map(MigrationTouch::migration).distinct()
                .filter(m -> statuses.getOrDefault(m, Set.of()).stream().anyMatch(set::contains)).toList();
    }

    private String because(DriftCause cause, List<MigrationTouch> used, Difference.Change change) {
        String done = switch (change) {
            case ADDED -> "created";
            case REMOVED -> "dropped";
            case CHANGED -> "changed";
        };
        return switch (cause) {
            case APPLIED_BY_HAND -> (used.isEmpty() ? "" : "every migration that touches it ran unchanged, so ")
                    + "it looks " + done + " by hand";
            case MIGRATION_EDITED -> names(with(used, HistoryStatus.CONTENT_CHANGED, HistoryStatus.CHECKSUM_CHANGED))
                    + " changed after it ran: the live database has what ran, the files describe the edit";
            case MIGRATION_PENDING -> names(with(used, HistoryStatus.PENDING, HistoryStatus.PENDING_OUT_OF_ORDER,
                    HistoryStatus.REPEATABLE_CHANGED)) + " has not run here yet: the next migrate changes it";
            case MIGRATION_FAILED -> names(with(used, HistoryStatus.FAILED)) + " failed here and may be half applied";
            case BELOW_BASELINE -> names(with(used, HistoryStatus.BELOW_BASELINE)) + " is below the baseline and never"
                    + " ran here: the live database got this object before Flyway managed it";
            case MIGRATION_MISSING -> "no file accounts for it, but " + names(missing()) + (missing().size() == 1
                    ? " ran here and its file is missing: it probably came from there"
                    : " ran here and their files are missing: it probably came from one of them");
            case UNKNOWN -> "the database has no migration history, so which migrations ran cannot be told";
        };
    }

    /** A later {@code IF NOT EXISTS} that silently keeps an earlier migration's different definition. */
    private static java.util.Optional<String> ifNotExistsNote(List<MigrationTouch> exact) {
        for (int i = 1; i < exact.size(); i++) {
            MigrationTouch later = exact.get(i);
            if (later.ifNotExists() && !exact.get(0).migration().equals(later.migration())) {
                return java.util.Optional.of(later.migration() + " creates it with IF NOT EXISTS, which does nothing"
                        + " where " + exact.get(0).migration() + " has already created it: the two definitions"
                        + " disagree and whichever ran first wins");
            }
        }
        return java.util.Optional.empty();
    }

    private static String list(List<MigrationTouch> used) {
        return used.stream().map(MigrationTouch::describe).collect(Collectors.joining(", "));
    }

    private static String names(List<String> migrations) {
        return String.join(" and ", migrations);
    }
}
