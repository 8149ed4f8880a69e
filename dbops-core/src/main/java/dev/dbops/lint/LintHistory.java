package dev.dbops.lint;

import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Supplier;

/**
 * What one lint run has seen so far: every statement in order, where each migration starts, and which
 * tables were created (or renamed into existence) at which statement.
 */
final class LintHistory {

    /** Whether only tables created earlier in the same migration count as new (the earlier ones are applied). */
    private final boolean newOnlyWithinMigration;

    private final List<Statement> statements = new ArrayList<>();
    private final List<Integer> migrationEnds = new ArrayList<>();
    private final Map<String, List<Created>> createdByName = new HashMap<>();
    private final Map<Object, Object> attachments = new HashMap<>();

    LintHistory(boolean newOnlyWithinMigration) {
        this.newOnlyWithinMigration = newOnlyWithinMigration;
    }

    int add(Statement statement) {
        statements.add(statement);
        return statements.size() - 1;
    }

    int size() {
        return statements.size();
    }

    void endMigration() {
        migrationEnds.add(statements.size());
    }

    void created(QualifiedName table, int sequence) {
        createdByName.computeIfAbsent(table.name(), name -> new ArrayList<>()).add(new Created(table, sequence));
    }

    boolean createdBefore(QualifiedName table, int sequence) {
        List<Created> candidates = createdByName.get(table.name());
        if (candidates == null) {
            return false;
        }
        int from = newOnlyWithinMigration ? migrationStartOf(sequence) : 0;
        for (Created created : candidates) {
            if (created.sequence >= from && created.sequence < sequence && created.table.sameObjectAs(table)) {
                return true;
            }
        }
        return false;
    }

    /** Where the migration holding statement {@code sequence} starts: the end of the last migration before it. */
    private int migrationStartOf(int sequence) {
        int low = 0;
        int high = migrationEnds.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (migrationEnds.get(middle) <= sequence) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low == 0 ? 0 : migrationEnds.get(low - 1);
    }

    /** The statements from {@code from} to {@code to}: a read-only view, O(1) to make (the history only grows). */
    List<Statement> statements(int from, int to) {
        return new Window(statements, from, to);
    }

    @SuppressWarnings("unchecked")
    <T> T attachment(Object key, Supplier<T> factory) {
        return (T) attachments.computeIfAbsent(key, k -> factory.get());
    }

    List<Statement> statementsOfMigrationAfter(int migrationStart, int sequence) {
        int end = statements.size();
        for (int migrationEnd : migrationEnds) {
            if (migrationEnd > migrationStart) {
                end = migrationEnd;
                break;
            }
        }
        return new Window(statements, Math.min(sequence + 1, end), end);
    }

    /** A fixed range of the append-only history; safe to keep while the history grows past its end. */
    private static final class Window extends AbstractList<Statement> implements RandomAccess {
        private final List<Statement> all;
        private final int from;
        private final int size;

        Window(List<Statement> all, int from, int to) {
            this.all = all;
            this.from = from;
            this.size = Math.max(0, to - from);
        }

        @Override
        public Statement get(int index) {
            Objects.checkIndex(index, size);
            return all.get(from + index);
        }

        @Override
        public int size() {
            return size;
        }
    }

    private record Created(QualifiedName table, int sequence) {
    }
}
