package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.SqlStatement;
import dev.dbops.sql.Statement;
import dev.dbops.sql.Token;
import java.util.List;
import java.util.Optional;

/**
 * {@code CREATE TABLE c PARTITION OF p …} takes ACCESS EXCLUSIVE on {@code p} (and on its DEFAULT partition,
 * which it scans), blocking reads and writes of every partition. Creating {@code c} as a plain table and
 * attaching it takes only SHARE UPDATE EXCLUSIVE on {@code p}. Partitioned tables created earlier in the
 * linted migrations are exempt.
 */
final class PartitionOfLocksParent extends AbstractRule {

    PartitionOfLocksParent() {
        super("partition-of-locks-parent", Severity.WARNING,
                "CREATE TABLE … PARTITION OF takes ACCESS EXCLUSIVE on the partitioned table, blocking reads and writes"
                        + " of every partition.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        if (!(context.statement() instanceof Statement.CreateTable create) || create.partitionOf().isEmpty()
                || context.isNewTable(create.partitionOf().get())) {
            return List.of();
        }
        QualifiedName parentName = create.partitionOf().get();
        String parent = parentName.display();
        String table = create.table().display();
        String message = "CREATE TABLE " + table + " PARTITION OF " + parent + " takes "
                + MaintenanceWording.lock(LockMode.ACCESS_EXCLUSIVE) + " on " + parent + " (all of its partitions)"
                + " until the transaction commits, and on its DEFAULT partition if there is one, which it scans; it"
                + " waits for every running query on " + parent + ", and all new ones queue behind it";
        Clauses clauses = clauses(create.source());
        String bound = clauses.bound.map(PartitionBound::text).orElse("FOR VALUES <the bound>");
        String fix = "-- create it as a plain table, then attach it: ATTACH takes only SHARE UPDATE EXCLUSIVE on "
                + parent + " (reads and writes go on) and checks the bound of the empty table at once\n"
                + "CREATE TABLE " + (create.ifNotExists() ? "IF NOT EXISTS " : "") + table + " (LIKE " + parent
                + " INCLUDING ALL)" + create.partitionBy().map(by -> " PARTITION BY " + by).orElse("") + ";\n"
                + clauses.columns.map(columns -> "-- then add what the PARTITION OF list declared: " + columns + "\n")
                        .orElse("")
                + "ALTER TABLE " + parent + " ATTACH PARTITION " + table + " " + bound + ";\n"
                + "-- if " + parent + " has a DEFAULT partition, ATTACH scans it under ACCESS EXCLUSIVE: first give it a"
                + " validated CHECK constraint that excludes these values";
        return List.of(Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.NONE, fix));
    }

    /** The column list after {@code PARTITION OF parent}, if any, and the bound that follows it. */
    private record Clauses(Optional<String> columns, Optional<PartitionBound> bound) {
    }

    private static Clauses clauses(SqlStatement source) {
        List<Token> tokens = source.tokens();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).is("partition") && tokens.get(i + 1).is("of")) {
                Optional<ClauseReader.NameAt> parent = ClauseReader.nameAt(tokens, i + 2);
                if (parent.isEmpty()) {
                    break;
                }
                int next = parent.get().next();
                Optional<String> columns = Optional.empty();
                int close = ClauseReader.closingParenthesis(tokens, next);
                if (close > 0) {
                    columns = Optional.of(ClauseReader.text(source, next, close));
                    next = close + 1;
                }
                return new Clauses(columns, PartitionBound.read(source, next));
            }
        }
        return new Clauses(Optional.empty(), Optional.empty());
    }
}
