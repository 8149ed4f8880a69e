package dev.dbops.trace;

import dev.dbops.lint.DeclaredEffects;
import dev.dbops.lint.LintReport;
import dev.dbops.lint.LintedStatement;
import dev.dbops.lint.MigrationLinter;
import dev.dbops.lint.MigrationScript;
import java.util.ArrayList;
import java.util.List;

/**
 * What the linter predicts for each traced statement: the lock catalogue's declaration, computed over the
 * migrations before the traced ones and the traced ones together (so that a column's type or a CHECK
 * from an earlier migration is known), and the violations of a lint run over the traced migrations alone
 * (what {@code dbops lint} reports for pending migrations).
 */
final class Predictions {

    private Predictions() {
    }

    /** One list per traced migration, aligned with its planned statements. */
    static List<List<Prediction>> of(MigrationLinter linter, List<PlannedMigration> baseline,
            List<PlannedMigration> traced) {
        List<MigrationScript> all = new ArrayList<>();
        baseline.forEach(migration -> all.add(migration.lintScript()));
        List<MigrationScript> tracedScripts = traced.stream().map(PlannedMigration::lintScript).toList();
        all.addAll(tracedScripts);
        List<DeclaredEffects> declared = linter.declare(all);
        LintReport report = linter.lint(tracedScripts, List.of());
        int skip = baseline.stream().mapToInt(migration -> migration.statements().size()).sum();
        int offset = 0;
        List<List<Prediction>> predictions = new ArrayList<>();
        for (PlannedMigration migration : traced) {
            List<Prediction> ofMigration = new ArrayList<>();
            for (PlannedMigration.PlannedStatement statement : migration.statements()) {
                int d = skip + offset;
                DeclaredEffects effects = d < declared.size() ? declared.get(d) : null;
                LintedStatement linted = offset < report.statements().size() ? report.statements().get(offset) : null;
                if (effects == null || linted == null || effects.location().line() != statement.line()
                        || linted.location().line() != statement.line()) {
                    ofMigration.add(Prediction.none());
                } else {
                    ofMigration.add(new Prediction(effects.inspected(), effects.locks(), effects.work(),
                            linted.violations()));
                }
                offset++;
            }
            predictions.add(List.copyOf(ofMigration));
        }
        return List.copyOf(predictions);
    }
}
