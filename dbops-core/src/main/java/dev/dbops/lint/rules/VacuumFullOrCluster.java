package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import dev.dbops.sql.Token;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code VACUUM FULL} and {@code CLUSTER} rewrite a table and all its indexes under ACCESS EXCLUSIVE: reads
 * and writes wait until the copy is done. Plain {@code VACUUM} is not reported. Tables created earlier in
 * the linted migrations are exempt.
 */
final class VacuumFullOrCluster extends AbstractRule {

    private static final String REPACK_NOTE = "-- run it outside the migration, from a shell: pg_repack copies the table"
            + " online and takes ACCESS EXCLUSIVE only briefly at the start and the end (it needs the pg_repack"
            + " extension, and a primary key or a unique index on NOT NULL columns; pg_squeeze is an alternative)";

    VacuumFullOrCluster() {
        super("vacuum-full-or-cluster", Severity.ERROR,
                "VACUUM FULL and CLUSTER rewrite the table under ACCESS EXCLUSIVE, blocking reads and writes until done.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        if (context.statement() instanceof Statement.Vacuum vacuum && vacuum.full()) {
            return vacuumFull(context, vacuum);
        }
        if (context.statement() instanceof Statement.Cluster cluster) {
            return cluster(context, cluster);
        }
        return List.of();
    }

    private static List<Finding> vacuumFull(StatementContext context, Statement.Vacuum vacuum) {
        String lock = MaintenanceWording.lock(LockMode.ACCESS_EXCLUSIVE);
        if (vacuum.tables().isEmpty()) {
            String message = "VACUUM FULL without a table list rewrites every table of the database, one after the"
                    + " other, each under " + lock + " while it is copied with all its indexes";
            String fix = REPACK_NOTE + "\npg_repack --dbname=<database> --no-order";
            return List.of(Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.REWRITE, fix));
        }
        List<QualifiedName> live = vacuum.tables().stream().filter(context::isLiveTable).toList();
        if (live.isEmpty()) {
            return List.of();
        }
        String message = "VACUUM FULL on " + names(live) + " takes " + lock + " and "
                + TableImpact.REWRITE.description() + ": nothing can read or write " + names(live)
                + " until the copy is done";
        String fix = REPACK_NOTE + "\npg_repack --dbname=<database> --no-order" + tableArguments(live);
        return List.of(Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.REWRITE, fix));
    }

    private static List<Finding> cluster(StatementContext context, Statement.Cluster cluster) {
        String lock = MaintenanceWording.lock(LockMode.ACCESS_EXCLUSIVE);
        if (cluster.table().isEmpty()) {
            String message = "CLUSTER without a table re-sorts every table of the database that was clustered"
                    + " before, one after the other, each under " + lock + " while it is rewritten with all its"
                    + " indexes";
            String fix = REPACK_NOTE + "\npg_repack --dbname=<database>  -- orders each clustered table by its clustered"
                    + " index";
            return List.of(Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.REWRITE, fix));
        }
        QualifiedName table = cluster.table().get();
        if (context.isNewTable(table)) {
            return List.of();
        }
        Optional<String> index = usingIndex(cluster);
        String message = "CLUSTER " + table.display() + index.map(i -> " USING " + i).orElse("") + " takes " + lock
                + " and " + TableImpact.REWRITE.description() + " in index order: nothing can read or write "
                + table.display() + " until the copy is done";
        String repack = "pg_repack --dbname=<database>" + tableArguments(List.of(table));
        String fix = REPACK_NOTE + "\n" + index.map(i -> "ALTER TABLE " + table.display() + " CLUSTER ON " + i
                + ";  -- SHARE UPDATE EXCLUSIVE, catalog only: pg_repack then orders the rows by this index\n" + repack)
                .orElse(repack + "  -- orders the rows by the index the table was last clustered on");
        return List.of(Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.REWRITE, fix));
    }

    private static Optional<String> usingIndex(Statement.Cluster cluster) {
        List<Token> tokens = cluster.source().tokens();
        int using = ClauseReader.indexOfWord(tokens, 1, "using");
        return ClauseReader.nameAt(tokens, using < 0 ? -1 : using + 1).map(at -> at.name().display());
    }

    private static String names(List<QualifiedName> tables) {
        return tables.stream().map(QualifiedName::display).collect(Collectors.joining(", "));
    }

    private static String tableArguments(List<QualifiedName> tables) {
        return tables.stream().map(t -> " --table=" + MaintenanceWording.shellArgument(t.display()))
                .collect(Collectors.joining());
    }
}
