package dev.dbops.lint.rules;

import dev.dbops.lint.LintRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The one registry of dbops's built-in lint rules: the lock facts of {@code docs/lock-rules} as one
 * class each, plus the schema-design rules. Each rule has a page {@code docs/rules/<id>.md}.
 */
public final class BuiltInRules {

    private static final List<LintRule> ALL = collect();

    private BuiltInRules() {
    }

    /** Every built-in rule, in documentation order. */
    public static List<LintRule> all() {
        return ALL;
    }

    private static List<LintRule> collect() {
        List<LintRule> rules = new ArrayList<>();
        rules.addAll(IndexAndConstraintRules.all());
        rules.addAll(ColumnAndTableRules.all());
        rules.addAll(MaintenanceAndPartitionRules.all());
        rules.addAll(SessionAndDesignRules.all());
        return List.copyOf(rules);
    }
}
