package dev.dbops.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import liquibase.Scope;
import liquibase.change.AbstractSQLChange;
import liquibase.change.Change;
import liquibase.change.ChangeFactory;
import liquibase.change.DbmsTargetedChange;
import liquibase.changelog.ChangeSet;
import liquibase.database.DatabaseList;
import liquibase.database.core.PostgresDatabase;
import liquibase.exception.RollbackImpossibleException;
import liquibase.sql.Sql;
import liquibase.sql.visitor.SqlVisitor;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.statement.SqlStatement;
import liquibase.structure.DatabaseObject;
import liquibase.structure.core.Table;

/**
 * The SQL of one Liquibase changeset on PostgreSQL: raw SQL ({@code sql}, {@code sqlFile}) as written,
 * every other change type as Liquibase's own generators produce it, each statement ended by {@code ;},
 * with the changeset's {@code modifySql} applied.
 */
final class ChangeSetSql {

    /** Change types that run something other than SQL, or only touch Liquibase's bookkeeping. */
    private static final Set<String> NOT_SQL = Set.of("executeCommand", "output", "stop", "customChange", "empty",
            "tagDatabase");

    private final PostgresDatabase database;

    ChangeSetSql(PostgresDatabase database) {
        this.database = database;
    }

    /** The offline PostgreSQL database the SQL is generated for. */
    PostgresDatabase database() {
        return database;
    }

    /** Whether a {@code modifySql} applies on PostgreSQL. */
    static boolean applies(SqlVisitor visitor, PostgresDatabase database) {
        return DatabaseList.definitionMatches(visitor.getApplicableDbms(), database, true);
    }

    /** The SQL of a {@code sql} or {@code sqlFile} change, parameters expanded, not split. */
    String raw(AbstractSQLChange change) {
        String sql = change.getSql();
        return sql == null ? "" : sql;
    }

    /**
     * The changeset's SQL; a change that Liquibase cannot generate offline is reported to
     * {@code problems} and left out.
     */
    String generate(ChangeSet changeSet, Consumer<String> problems) {
        List<SqlVisitor> visitors = changeSet.getSqlVisitors().stream().filter(v -> applies(v, database)).toList();
        StringBuilder out = new StringBuilder();
        for (Change change : changeSet.getChanges()) {
            String name = Scope.getCurrentScope().getSingleton(ChangeFactory.class).getChangeMetaData(change).getName();
            if (change instanceof DbmsTargetedChange targeted
                    && !DatabaseList.definitionMatches(targeted.getDbms(), database, true)) {
                continue;
            }
            if (NOT_SQL.contains(name)) {
                out.append("-- dbops: Liquibase change '").append(name).append("' runs no SQL that can be checked\n");
                continue;
            }
            if (change instanceof AbstractSQLChange sqlChange) {
                appendStatement(out, modify(raw(sqlChange), visitors));
                continue;
            }
            try {
                List<String> statements = statements(change);
                if (statements.isEmpty() && change.generateStatementsVolatile(database)) {
                    out.append("-- dbops: Liquibase change '").append(name)
                            .append("' needs a live database to know its SQL; nothing was generated offline\n");
                }
                statements.forEach(statement -> appendStatement(out, modify(statement, visitors)));
            } catch (RuntimeException e) {
                problems.accept("Liquibase could not generate the SQL of change '" + name + "' in changeset "
                        + changeSet.getId() + " offline: " + e.getMessage() + "; the rest of the changeset is checked");
            }
        }
        return out.toString();
    }

    /**
     * The SQL that rolls the changeset back, as Liquibase's own rollback runs it: the changeset's rollback
     * changes when it has any, else the rollback each change generates, last change first (with the
     * {@code modifySql} that applies to rollbacks). Empty when a change has no rollback Liquibase can generate
     * offline ({@code sql} without a {@code <rollback>}, {@code dropTable}…).
     */
    Optional<String> rollback(ChangeSet changeSet) {
        List<SqlVisitor> visitors = changeSet.getSqlVisitors().stream()
                .filter(v -> v.isApplyToRollback() && applies(v, database)).toList();
        StringBuilder out = new StringBuilder();
        if (changeSet.hasCustomRollbackChanges()) {
            for (Change change : changeSet.getRollback().getChanges()) {
                if (runsHere(change)) {
                    List<String> sql = change instanceof AbstractSQLChange raw ? List.of(raw(raw))
                            : render(change.generateStatements(database));
                    sql.forEach(statement -> appendStatement(out, modify(statement, visitors)));
                }
            }
            return Optional.of(out.toString());
        }
        List<Change> changes = changeSet.getChanges();
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        try {
            for (int i = changes.size() - 1; i >= 0; i--) {
                Change change = changes.get(i);
                if (!runsHere(change)) {
                    continue;
                }
                if (!change.supportsRollback(database)) {
                    return Optional.empty();
                }
                render(change.generateRollbackStatements(database))
                        .forEach(statement -> appendStatement(out, modify(statement, visitors)));
            }
        } catch (RollbackImpossibleException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(out.toString());
    }

    private boolean runsHere(Change change) {
        return !(change instanceof DbmsTargetedChange targeted)
                || DatabaseList.definitionMatches(targeted.getDbms(), database, true);
    }

    private List<String> statements(Change change) {
        return render(change.generateStatements(database));
    }

    private List<String> render(SqlStatement[] generated) {
        List<String> statements = new ArrayList<>();
        for (SqlStatement statement : generated == null ? new SqlStatement[0] : generated) {
            for (Sql sql : SqlGeneratorFactory.getInstance().generateSql(statement, database)) {
                if (!touchesHistory(sql)) {
                    statements.add(sql.toSql());
                }
            }
        }
        return statements;
    }

    /** Whether a statement reads or writes Liquibase's own tables, which dbops never checks. */
    private boolean touchesHistory(Sql sql) {
        Set<String> history = Set.of(database.getDatabaseChangeLogTableName().toLowerCase(Locale.ROOT),
                database.getDatabaseChangeLogLockTableName().toLowerCase(Locale.ROOT));
        for (DatabaseObject object : sql.getAffectedDatabaseObjects()) {
            if (object instanceof Table table && table.getName() != null
                    && history.contains(table.getName().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private String modify(String sql, List<SqlVisitor> visitors) {
        String modified = sql;
        for (SqlVisitor visitor : visitors) {
            modified = visitor.modifySql(modified, database);
        }
        return modified;
    }

    /** Appends a statement and makes sure it ends, even when it ends with a line comment. */
    private static void appendStatement(StringBuilder out, String statement) {
        String trimmed = statement.stripTrailing();
        if (trimmed.isEmpty()) {
            return;
        }
        String lastLine = trimmed.substring(trimmed.lastIndexOf('\n') + 1);
        out.append(trimmed).append(trimmed.endsWith(";") ? "\n" : lastLine.contains("--") ? "\n;\n" : ";\n");
    }
}
