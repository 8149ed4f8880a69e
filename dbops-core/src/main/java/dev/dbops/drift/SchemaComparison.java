package dev.dbops.drift;

import dev.dbops.diff.Difference;
import dev.dbops.diff.SchemaDiff;
import dev.dbops.schema.Schema;
import dev.dbops.schema.Table;
import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Compares the expected and the live schema, fast when they agree: both are first compared as read (the
 * history table left out), which needs no rewriting of either, with {@link Schema#equals} before any diff;
 * only when that finds a difference are both normalized by the configured diff (owners, grants, comments,
 * ignored objects) and compared again. A normalized comparison only ever drops differences, so the fast
 * answer "none" is always right.
 */
final class SchemaComparison {

    private static final SchemaDiff PLAIN = SchemaDiff.builder().build();

    /** The schemas as compared and their differences (none when there is no expected schema). */
    record Result(Optional<Schema> expected, Schema live, List<Difference> differences) {
    }

    private SchemaComparison() {
    }

    /**
     * Links the {@code equals} of the schema's model records ahead of {@link #compare}: a record's
     * {@code equals} is an {@code invokedynamic} bootstrapped on its first call, which on a cold JVM costs more
     * than comparing 500 equal tables. Called on a thread that would otherwise wait for the live inspection.
     * Each record class is reached through its first instance; what that misses is linked by the comparison.
     */
    static void prepare(Schema schema) {
        link(schema, new HashSet<>());
    }

    private static void link(Object value, Set<Class<?>> seen) {
        if (value instanceof Record model) {
            if (!seen.add(model.getClass())) {
                return;
            }
            model.equals(model);
            for (RecordComponent component : model.getClass().getRecordComponents()) {
                try {
                    link(component.getAccessor().invoke(model), seen);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return;
                }
            }
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                link(item, seen);
            }
        } else if (value instanceof Optional<?> optional && optional.isPresent()) {
            link(optional.get(), seen);
        }
    }

    static Result compare(Optional<Schema> expected, Schema live, SchemaDiff configured, Optional<String> historyTable) {
        Schema liveRead = withoutHistory(live, historyTable);
        if (expected.isEmpty()) {
            return new Result(Optional.empty(), configured.normalize(liveRead), List.of());
        }
        Schema expectedRead = withoutHistory(expected.get(), historyTable);
        // Equal models have no differences (Schema's contract), and equals is far cheaper than a diff on a cold JVM.
        if (expectedRead.equals(liveRead) || PLAIN.compare(expectedRead, liveRead).isEmpty()) {
            return new Result(Optional.of(expectedRead), liveRead, List.of());
        }
        Schema expectedSchema = configured.normalize(expectedRead);
        Schema liveSchema = configured.normalize(liveRead);
        return new Result(Optional.of(expectedSchema), liveSchema, PLAIN.compare(expectedSchema, liveSchema));
    }

    /** The schema without the history table (and Liquibase's lock table beside it). */
    private static Schema withoutHistory(Schema schema, Optional<String> historyTable) {
        if (historyTable.isEmpty()) {
            return schema;
        }
        Set<String> names = Set.of(historyTable.get(), historyTable.get() + "lock");
        List<Table> tables = schema.tables().stream().filter(t -> !names.contains(t.schema() + "." + t.name())).toList();
        if (tables.size() == schema.tables().size()) {
            return schema;
        }
        return new Schema(schema.schemas(), schema.extensions(), schema.enums(), schema.domains(),
                schema.compositeTypes(), schema.rangeTypes(), schema.sequences(), tables, schema.views(),
                schema.functions(), schema.defaultPrivileges());
    }
}
