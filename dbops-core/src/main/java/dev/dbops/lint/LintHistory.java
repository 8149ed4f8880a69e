package dev.dbops.lint;

import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one lint run has seen so far: every statement in order, where each migration starts, and which
 * tables were created (or renamed into existence) at which statement.
 */
final class LintHistory {

    private final List<Statement> statements = new ArrayList<>();
    private final List<Integer> migrationEnds = new ArrayList<>();
    private final Map<String, List<Created>> createdByName = new HashMap<>();

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
        for (Created created : candidates) {
            if (created.sequence < sequence && created.table.sameObjectAs(table)) {
                return true;
            }
        }
        return false;
    }

    List<Statement> statements(int from, int to) {
        return List.copyOf(statements.subList(from, to));
    }

    List<Statement> statementsOfMigrationAfter(int migrationStart, int sequence) {
        int end = statements.size();
        for (int migrationEnd : migrationEnds) {
            if (migrationEnd > migrationStart) {
                end = migrationEnd;
                break;
            }
        }
        return List.copyOf(statements.subList(Math.min(sequence + 1, end), end));
    }

    private record Created(QualifiedName table, int sequence) {
    }
}
